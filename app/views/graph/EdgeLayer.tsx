import { memo, useId, type MouseEvent } from 'react';
import type { Rect } from './model/CardIndex';
import { clipEdge, type PlacedEdge } from './model/placeEdges';
import type { GraphActions } from './GraphActions';

/** Room for an edge label, left of the target card, in the gap between columns. */
const LABEL_WIDTH = 170;
/** How far above the target's edge point a label starts, and its height (graph.css). */
const LABEL_TOP = 19;
const LABEL_HEIGHT = 16;

/**
 * The edges in the render window: an S-curve from the owning row to the
 * target card (dashed for a second link to a fragment), a wide invisible
 * stroke to click on, and at full detail a label with the address or page
 * list and `BE` when the pointer was read big-endian.
 */
export const EdgeLayer = memo(function EdgeLayer({
  edges,
  window,
  selected,
  labels,
  actions,
}: {
  edges: PlacedEdge[];
  window: Rect;
  selected: string | null;
  labels: boolean;
  actions: GraphActions;
}) {
  // Marker ids are document-wide: unique per mounted view.
  const arrow = useId();
  return (
    <>
      <svg className="graph-edges" width="1" height="1" aria-hidden="true">
        <defs>
          {(['plain', 'selected'] as const).map((kind) => (
            <marker
              key={kind}
              id={`${arrow}-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0L10,5L0,10z" className={`graph-edges__arrow graph-edges__arrow--${kind}`} />
            </marker>
          ))}
        </defs>
        {edges.map((placed) => (
          <EdgePath
            key={placed.edge.id}
            placed={placed}
            window={window}
            selected={placed.edge.id === selected}
            arrow={arrow}
            actions={actions}
          />
        ))}
      </svg>
      {labels &&
        edges.map(
          (placed) =>
            labelInWindow(placed, window) && (
              <EdgeLabel
                key={placed.edge.id}
                placed={placed}
                selected={placed.edge.id === selected}
                actions={actions}
              />
            ),
        )}
    </>
  );
});

/** Whether an edge's label (left of its target) meets the render window: long edges cross the view far from it. */
function labelInWindow(placed: PlacedEdge, window: Rect): boolean {
  const x0 = placed.tx - LABEL_WIDTH - 10;
  const y0 = placed.ty - LABEL_TOP;
  return x0 <= window.x1 && x0 + LABEL_WIDTH >= window.x0 && y0 <= window.y1 && y0 + LABEL_HEIGHT >= window.y0;
}

/** An edge's label: the address or page list, `BE` when read big-endian. Memoised like `EdgePath`. */
const EdgeLabel = memo(function EdgeLabel({
  placed,
  selected,
  actions,
}: {
  placed: PlacedEdge;
  selected: boolean;
  actions: GraphActions;
}) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <div
      className="graph-edge-label"
      data-selected={selected || undefined}
      style={{ left: placed.tx - LABEL_WIDTH - 10, top: placed.ty - LABEL_TOP, width: LABEL_WIDTH }}
      title={placed.edge.title}
      onClick={(event) => selectEdge(event, placed, actions)}
    >
      <span className="graph-edge-label__text">{placed.edge.label}</span>
      {placed.edge.orderTag && <span className="graph-edge-label__order">{placed.edge.orderTag}</span>}
    </div>
  );
});

/**
 * One edge, cut to the render window (a long edge is drawn only where it can
 * be seen). Memoised: a selection change re-renders the edges whose
 * `selected` flips, not the thousands a 10k-child root sends across the view.
 */
const EdgePath = memo(function EdgePath({
  placed,
  window,
  selected,
  arrow,
  actions,
}: {
  placed: PlacedEdge;
  window: Rect;
  selected: boolean;
  arrow: string;
  actions: GraphActions;
}) {
  const { d, reachesTarget } = clipEdge(placed, window);
  if (d === '') return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <g
      className={`graph-edge graph-edge--${placed.edge.kind}`}
      data-edge={placed.edge.id}
      data-selected={selected || undefined}
      onClick={(event) => selectEdge(event, placed, actions)}
    >
      <title>{placed.edge.title}</title>
      <path className="graph-edge__hit" d={d} />
      <path
        className="graph-edge__line"
        d={d}
        markerEnd={reachesTarget ? `url(#${arrow}-${selected ? 'selected' : 'plain'})` : undefined}
      />
    </g>
  );
});

function selectEdge(event: MouseEvent, placed: PlacedEdge, actions: GraphActions): void {
  event.stopPropagation();
  actions.select({ kind: 'link', link: placed.edge.id });
}
