import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { CARD } from './model/cardGeometry';
import type { GraphDrawing } from './model/GraphDrawing';
import { containsRect, visibleWorld } from './model/viewportMath';
import type { ViewportStore } from './viewport/viewportStore';
import { prepareCanvas, readCanvasColors } from './canvasColors';
import { minimapScale } from './model/minimapScale';
import { minimapSize } from './model/minimapSize';

/** Props of the minimap. */
export interface MinimapProps {
  /** What to draw; while all of `bounds` is on screen the minimap hides (it would only cover cards). */
  drawing: GraphDrawing;
  store: ViewportStore;
  themeVersion: number;
  /** Centres the view on a world point. */
  onNavigate(x: number, y: number): void;
}

/**
 * The whole laid-out graph in a corner, squeezed to fit, with the part on
 * screen outlined. Click or drag on it to move the view there. Hidden while
 * the whole graph is on screen. Its size follows the pane (`minimapSize`):
 * smaller on a narrow window, left out where it would cover the graph. The cards are drawn when the layout or theme
 * changes; the outline after each transform change, on its own canvas,
 * without React (the component re-renders only when it hides or shows).
 */
export function Minimap({ drawing, store, themeVersion, onNavigate }: MinimapProps) {
  const { scene, layout, focus, bounds } = drawing;
  const [needed, setNeeded] = useState(true);
  const [size, setSize] = useState(() => paneMinimap(store));
  const cards = useRef<HTMLCanvasElement>(null);
  const view = useRef<HTMLCanvasElement>(null);
  const width = size?.width ?? 1;
  const height = size?.height ?? 1;
  const scale = useMemo(() => minimapScale(layout, CARD.width, width, height), [layout, width, height]);

  // The pane's size lives in the viewport store; re-render only when the minimap's own size changes.
  useEffect(() => {
    const update = () =>
      setSize((old) => {
        const next = paneMinimap(store);
        return old?.width === next?.width && old?.height === next?.height ? old : next;
      });
    update();
    return store.subscribe(update);
  }, [store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `themeVersion` is the trigger: a theme switch changes the canvas colours read from CSS
  useEffect(() => {
    const canvas = cards.current;
    const context = canvas && prepareCanvas(canvas, width, height);
    if (!canvas || !context) return;
    const colors = readCanvasColors(canvas);
    for (let i = 0; i < layout.ids.length; i++) {
      const card = scene.byId.get(layout.ids[i])!;
      context.fillStyle = card.fragment === null ? colors.standIn : colors.card(card.hue);
      // Whole pixels: thousands of sub-pixel cards would otherwise blend into grey.
      context.fillRect(
        Math.round(scale.toX(layout.x[i])),
        Math.round(scale.toY(layout.y[i])),
        Math.max(1, Math.round(CARD.width * scale.kx)),
        Math.max(1, Math.round(layout.height[i] * scale.ky)),
      );
    }
    const selected = focus?.card ? layout.indexOf.get(focus.card) : undefined;
    if (selected !== undefined) {
      context.strokeStyle = colors.accent;
      context.lineWidth = 2;
      context.strokeRect(
        scale.toX(layout.x[selected]) - 3,
        scale.toY(layout.y[selected]) - 3,
        Math.max(1, CARD.width * scale.kx) + 6,
        Math.max(1, layout.height[selected] * scale.ky) + 6,
      );
    }
  }, [scene, layout, focus, scale, themeVersion, width, height]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `themeVersion` is the trigger: a theme switch changes the canvas colours read from CSS
  useEffect(() => {
    const canvas = view.current;
    if (!canvas) return;
    const colors = readCanvasColors(canvas);
    let frame = 0;
    const draw = () => {
      frame = 0;
      const context = prepareCanvas(canvas, width, height);
      if (!context) return;
      const state = store.getState();
      const world = visibleWorld(state.transform, state.width, state.height);
      setNeeded(!containsRect(world, bounds));
      const x0 = clamp(scale.toX(world.x0), 0, width);
      const y0 = clamp(scale.toY(world.y0), 0, height);
      const x1 = clamp(scale.toX(world.x1), 0, width);
      const y1 = clamp(scale.toY(world.y1), 0, height);
      context.strokeStyle = colors.accent;
      context.lineWidth = 1.5;
      context.strokeRect(x0 + 0.75, y0 + 0.75, Math.max(2, x1 - x0 - 1.5), Math.max(2, y1 - y0 - 1.5));
    };
    draw();
    const unsubscribe = store.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [store, scale, bounds, themeVersion, width, height]);

  const navigate = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onNavigate(scale.fromX(event.clientX - box.left), scale.fromY(event.clientY - box.top));
  };
  return (
    <div
      className="graph-minimap"
      hidden={!needed || size === null}
      data-zoom-ignore
      style={{ width, height }}
      role="img"
      aria-label="Minimap: click or drag to move the view"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        navigate(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) navigate(event);
      }}
    >
      <canvas ref={cards} className="graph-minimap__layer" />
      <canvas ref={view} className="graph-minimap__layer" />
    </div>
  );
}

function paneMinimap(store: ViewportStore): { width: number; height: number } | null {
  const { width, height } = store.getState();
  return minimapSize(width, height);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
