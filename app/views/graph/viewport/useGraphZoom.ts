import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { Rect } from '../model/CardIndex';
import type { ViewTransform } from '../model/viewportMath';
import type { ViewportStore } from './viewportStore';

/** Largest zoom: cards at two and a half times their size. */
export const MAX_ZOOM = 2.5;
/** World pixels the view may be panned beyond the laid-out graph. */
const PAN_MARGIN = 1500;
/** Length of animated moves (buttons, fit, reveal). */
const ANIMATION_MS = 300;

/** Ways to move the view from code (toolbar, minimap, keyboard, selection). */
export interface GraphZoom {
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** Centres the view on a world point at the current zoom, at once (minimap drags). */
  moveTo(x: number, y: number): void;
  /** Sets a transform, animated or at once. */
  show(transform: ViewTransform, animate: boolean): void;
}

/**
 * Binds d3-zoom to `container` (wheel zooms around the pointer, dragging
 * pans, no double-click zoom; elements marked `data-zoom-ignore` keep their
 * own pointer events) and applies each transform straight to the `world`
 * element's CSS transform, bypassing React; the store gets the transform for
 * culling and canvases. Tracks the container's size. Zoom limits follow
 * `bounds` and `minZoom`.
 */
export function useGraphZoom(
  container: RefObject<HTMLDivElement | null>,
  world: RefObject<HTMLDivElement | null>,
  store: ViewportStore,
  bounds: Rect,
  minZoom: number,
): GraphZoom {
  const behavior = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const zoomBehavior = zoom<HTMLDivElement, unknown>()
      .filter((event: Event) => {
        const target = event.target as Element | null;
        if (target?.closest('[data-zoom-ignore]')) return false;
        const mouse = event as MouseEvent;
        return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
      })
      .clickDistance(4)
      // While a gesture runs, the world is its own compositor layer: a pan moves pixels instead of repainting
      // every card each frame. Afterwards it is flattened again so text is re-rendered sharp at the new zoom.
      .on('start', () => world.current?.classList.add('graph-world--moving'))
      .on('end', () => world.current?.classList.remove('graph-world--moving'))
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        const { x, y, k } = event.transform;
        if (world.current) world.current.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
        store.getState().setTransform({ x, y, k });
      });
    const selection = select(element);
    selection.call(zoomBehavior).on('dblclick.zoom', null);
    behavior.current = zoomBehavior;
    const measure = () => store.getState().setSize(element.clientWidth, element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      selection.interrupt();
      selection.on('.zoom', null);
      behavior.current = null;
    };
  }, [container, world, store]);

  useLayoutEffect(() => {
    behavior.current?.scaleExtent([minZoom, MAX_ZOOM]).translateExtent([
      [bounds.x0 - PAN_MARGIN, bounds.y0 - PAN_MARGIN],
      [bounds.x1 + PAN_MARGIN, bounds.y1 + PAN_MARGIN],
    ]);
  }, [bounds, minZoom]);

  return useMemo(() => {
    const run = (action: (zoomBehavior: ZoomBehavior<HTMLDivElement, unknown>, element: HTMLDivElement) => void) => {
      if (behavior.current && container.current) action(behavior.current, container.current);
    };
    return {
      zoomBy: (factor) =>
        run((z, element) => select(element).transition().duration(ANIMATION_MS).call(z.scaleBy, factor)),
      panBy: (dx, dy) => run((z, element) => select(element).call(z.translateBy, dx, dy)),
      moveTo: (x, y) => run((z, element) => select(element).call(z.translateTo, x, y)),
      show: (transform, animate) =>
        run((z, element) => {
          const target = zoomIdentity.translate(transform.x, transform.y).scale(transform.k);
          if (animate) select(element).transition().duration(ANIMATION_MS).call(z.transform, target);
          else select(element).call(z.transform, target);
        }),
    };
  }, [container]);
}
