import { useEffect, useRef } from 'react';
import { CARD } from './model/cardGeometry';
import type { GraphDrawing } from './model/GraphDrawing';
import { visibleWorld } from './model/viewportMath';
import type { ViewportState, ViewportStore } from './viewport/viewportStore';
import { prepareCanvas, readCanvasColors, type CanvasColors } from './canvasColors';

/** Props of the overview canvas. */
export interface OverviewCanvasProps {
  drawing: GraphDrawing;
  store: ViewportStore;
  themeVersion: number;
}

/**
 * The zoomed-out graph: every card in view as a filled rectangle in its
 * fragment's colour, tree edges as straight lines, the selected card
 * outlined. Redrawn on the next animation frame after each transform change,
 * without React; blank at the other levels of detail (the DOM cards show).
 */
export function OverviewCanvas({ drawing, store, themeVersion }: OverviewCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `themeVersion` is the trigger: a theme switch changes the canvas colours read from CSS
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const colors = readCanvasColors(element);
    let frame = 0;
    const draw = () => {
      frame = 0;
      drawOverview(element, store.getState(), drawing, colors);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    draw();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [drawing, store, themeVersion]);
  return <canvas ref={canvas} className="graph-overview" />;
}

function drawOverview(
  canvas: HTMLCanvasElement,
  state: ViewportState,
  { scene, layout, index, edges, focus }: GraphDrawing,
  colors: CanvasColors,
): void {
  const context = prepareCanvas(canvas, state.width, state.height);
  if (!context || state.level !== 'overview') return;
  const { x: tx, y: ty, k } = state.transform;
  const view = visibleWorld(state.transform, state.width, state.height);
  context.strokeStyle = colors.edge;
  context.lineWidth = 1;
  context.beginPath();
  for (const edge of edges) {
    const box = edge.box;
    if (edge.edge.kind !== 'tree' || box.x0 > view.x1 || box.x1 < view.x0 || box.y0 > view.y1 || box.y1 < view.y0)
      continue;
    context.moveTo(edge.sx * k + tx, edge.sy * k + ty);
    context.lineTo(edge.tx * k + tx, edge.ty * k + ty);
  }
  context.stroke();
  const width = Math.max(1, CARD.width * k);
  let selected = -1;
  for (const i of index.query(view)) {
    const card = scene.byId.get(layout.ids[i])!;
    context.fillStyle = card.fragment === null ? colors.standIn : colors.card(card.hue);
    context.fillRect(layout.x[i] * k + tx, layout.y[i] * k + ty, width, Math.max(1, layout.height[i] * k));
    if (focus?.card === card.id) selected = i;
  }
  if (selected >= 0) {
    context.strokeStyle = colors.accent;
    context.lineWidth = 2;
    context.strokeRect(
      layout.x[selected] * k + tx - 2,
      layout.y[selected] * k + ty - 2,
      width + 4,
      Math.max(1, layout.height[selected] * k) + 4,
    );
  }
}
