/** Props of the graph toolbar. */
export interface GraphToolbarProps {
  onZoomIn(): void;
  onZoomOut(): void;
  /** Readable: everything if it fits readably, else the selection with its neighbours. */
  onFit(): void;
  /** Everything, however small. */
  onOverview(): void;
  /** Cards laid out, and in all (fewer are laid out while subtrees are collapsed). */
  cards: number;
  total: number;
  /** Set while some subtree is collapsed. */
  onExpandAll: (() => void) | null;
}

/** Zoom in, zoom out, fit, overview, expand all, and how many cards are shown. */
export function GraphToolbar({ onZoomIn, onZoomOut, onFit, onOverview, cards, total, onExpandAll }: GraphToolbarProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: not an action, only keeps clicks on the buttons from reaching the graph below
    <div className="graph-toolbar" data-zoom-ignore onClick={(event) => event.stopPropagation()}>
      <button
        type="button"
        className="button button--icon button--small"
        onClick={onZoomIn}
        title="Zoom in (+)"
        aria-label="Zoom in"
      >
        +
      </button>
      <button
        type="button"
        className="button button--icon button--small"
        onClick={onZoomOut}
        title="Zoom out (−)"
        aria-label="Zoom out"
      >
        −
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={onFit}
        title="Fit, readable: the whole graph, or the selection with its parent and children (0, f)"
      >
        Fit
      </button>
      <button type="button" className="button button--small" onClick={onOverview} title="The whole graph (o)">
        Overview
      </button>
      {onExpandAll && (
        <button type="button" className="button button--small" onClick={onExpandAll}>
          Expand all
        </button>
      )}
      <span className="graph-toolbar__count">
        {cards === total ? `${total} ${total === 1 ? 'card' : 'cards'}` : `${cards} of ${total} cards`}
      </span>
    </div>
  );
}
