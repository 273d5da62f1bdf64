import { useEffect, useMemo, useState, startTransition } from 'react';
import type { GraphDrawing } from './model/GraphDrawing';
import { rowsInWindow } from './model/rowsInWindow';
import type { ViewportStore } from './viewport/viewportStore';
import { cardMark } from './CardMark';
import { CompactCardView } from './CompactCardView';
import { EdgeLayer } from './EdgeLayer';
import type { GraphActions } from './GraphActions';
import { GraphCardView } from './GraphCardView';

/** Everything the card layer draws from; changes only with the graph, the collapse state or the selection. */
export interface CardLayerProps {
  drawing: GraphDrawing;
  collapsed: ReadonlySet<string>;
  /** Cards an edit changed. */
  changed: ReadonlySet<string>;
  store: ViewportStore;
  actions: GraphActions;
}

/**
 * The cards and edges inside the render window, as DOM in the transformed
 * world container. Follows the window and the level of detail only: a pan
 * inside the window re-renders nothing; leaving it re-renders this layer as
 * a transition (React renders it in slices between frames, so the pan never
 * stutters; the window's margin covers the view meanwhile), and memoised
 * cards re-render only when their own props change. Draws nothing in the
 * overview level (the canvas does).
 */
export function CardLayer({ drawing, collapsed, changed, store, actions }: CardLayerProps) {
  const { scene, layout, index, edges, focus } = drawing;
  const [{ window, level }, setView] = useState(() => ({
    window: store.getState().window,
    level: store.getState().level,
  }));
  useEffect(() => {
    let shown = store.getState();
    setView({ window: shown.window, level: shown.level });
    return store.subscribe((state) => {
      if (state.window === shown.window && state.level === shown.level) return;
      shown = state;
      startTransition(() => setView({ window: state.window, level: state.level }));
    });
  }, [store]);
  const visible = useMemo(() => (level === 'overview' ? [] : index.query(window)), [index, window, level]);
  const visibleEdges = useMemo(
    () =>
      level === 'overview'
        ? []
        : edges.filter(
            ({ box }) => box.x0 <= window.x1 && box.x1 >= window.x0 && box.y0 <= window.y1 && box.y1 >= window.y0,
          ),
    [edges, window, level],
  );
  if (level === 'overview') return null;
  return (
    <>
      <EdgeLayer
        edges={visibleEdges}
        window={window}
        selected={focus?.edge ?? null}
        labels={level === 'detail'}
        actions={actions}
      />
      {visible.map((i) => {
        const id = layout.ids[i];
        const card = scene.byId.get(id)!;
        const mark = cardMark(id, focus);
        const isCollapsed = collapsed.has(id);
        const rows = level === 'detail' ? rowsInWindow(card, layout.y[i], window) : null;
        return rows ? (
          <GraphCardView
            key={id}
            card={card}
            x={layout.x[i]}
            y={layout.y[i]}
            mark={mark}
            changed={changed.has(id)}
            selectedRow={mark === 'selected' ? focus!.row : null}
            selectedProperty={mark === 'selected' ? focus!.property : null}
            collapsed={isCollapsed}
            rowStart={rows.start}
            rowEnd={rows.end}
            actions={actions}
          />
        ) : (
          <CompactCardView
            key={id}
            card={card}
            x={layout.x[i]}
            y={layout.y[i]}
            mark={mark}
            changed={changed.has(id)}
            collapsed={isCollapsed}
            actions={actions}
          />
        );
      })}
    </>
  );
}
