import { useMemo } from 'react';
import { breadcrumbOf } from '../../explore/breadcrumbOf';
import { graphIndexOf } from '../../explore/GraphIndex';
import { useDocumentStore } from '../../state/documentStore';
import { goBack, select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';

/** Where the selection is (root › fragment › nodes › property), each step a link; Back on the left. */
export function Breadcrumb() {
  const graph = useDocumentStore((state) => state.graph);
  const selection = useSelectionStore((state) => state.selection);
  const canGoBack = useSelectionStore((state) => state.history.length > 0);
  const crumbs = useMemo(
    () => (graph && selection ? breadcrumbOf(graphIndexOf(graph), selection) : []),
    [graph, selection],
  );
  return (
    <nav className="breadcrumb" aria-label="Selection path" data-testid="breadcrumb">
      <button
        type="button"
        className="button button--small"
        onClick={goBack}
        disabled={!canGoBack}
        title="Back to the previous selection (Backspace)"
      >
        ← Back
      </button>
      <ol className="breadcrumb__list">
        {crumbs.map((crumb, i) => (
          <li key={i} className="breadcrumb__item">
            {i === crumbs.length - 1 ? (
              <span className="mono" aria-current="location">
                {crumb.label}
              </span>
            ) : (
              <button type="button" className="link-button mono" onClick={() => select(crumb.selection)}>
                {crumb.label}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
