import type { GalleryDemo } from '../../demo/builtinDemos';
import { openDemo } from '../../state/openActions';

/** One demo: its title, its description, and the button that opens it. */
export function DemoCard({ demo }: { demo: GalleryDemo }) {
  return (
    <article className="demo-card" aria-labelledby={`demo-${demo.id}`} data-testid={`demo-${demo.id}`}>
      <h3 id={`demo-${demo.id}`} className="demo-card__title">
        {demo.title}
      </h3>
      <p className="demo-card__description">{demo.description}</p>
      <button
        type="button"
        className="button"
        onClick={() => void openDemo(demo)}
        aria-label={`Open the demo: ${demo.title}`}
      >
        Open
      </button>
    </article>
  );
}
