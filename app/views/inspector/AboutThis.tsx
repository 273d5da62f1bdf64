import { aboutSelection } from '../../about/aboutSelection';
import { FoldToggle } from '../../components/FoldToggle';
import type { TourSource } from '../../tours/Tour';
import { useDocumentStore } from '../../state/documentStore';
import { useGalleryStore } from '../../state/galleryStore';
import { useSelectionStore } from '../../state/selectionStore';
import { useUiStore } from '../../state/uiStore';

/**
 * "About this": what the selection is for, in plain words, each with its
 * kernel header or document; and the open demo's own description, so it
 * stays reachable once the demo is open. Folds away (`a`).
 */
export function AboutThis() {
  const graph = useDocumentStore((state) => state.graph);
  const selection = useSelectionStore((state) => state.selection);
  const tab = useUiStore((state) => state.activeTab);
  const open = useUiStore((state) => state.aboutOpen);
  const setOpen = useUiStore((state) => state.setAboutOpen);
  const demo = useGalleryStore((state) => state.shown);
  const topics = graph && selection ? aboutSelection(graph, selection, tab) : [];
  if (topics.length === 0 && !demo) return null;
  return (
    <section className="about" aria-label="About this" data-testid="about">
      <FoldToggle open={open} onToggle={setOpen} label="About this" title="Show or hide the explanations (a)" />
      {open && (
        <div className="about__body">
          {topics.map((topic) => (
            <div key={topic.title} className="about__topic">
              <h3 className="about__title">{topic.title}</h3>
              <p className="about__text">{topic.text}</p>
              <SourceLine source={topic.source} />
            </div>
          ))}
          {demo && (
            <details className="about__demo">
              <summary>About this demo: {demo.title}</summary>
              <p className="about__text">{demo.description}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

function SourceLine({ source }: { source: TourSource }) {
  return (
    <p className="about__source">
      Source:{' '}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {source.label}
        </a>
      ) : (
        source.label
      )}
    </p>
  );
}
