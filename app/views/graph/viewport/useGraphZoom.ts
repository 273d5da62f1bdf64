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
  /** Sets a transform, animated or at once (always at once while the view has no size: it is hidden). */
  show(transform: ViewTransform, animate: boolean): void;
  /**
   * The view's size as laid out now, read from the element (and handed to
   * the store when the store's, which follows a ResizeObserver, lags behind:
   * the view was just hidden or shown in the same frame). 0 × 0 while hidden.
   */
  measure(): { width: number; height: number };
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
  const resizes = useRef<ResizeObserver | null>(null);

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
    const observer = new ResizeObserver(() => measureInto(element, store));
    resizes.current = observer;
    measureInto(element, store);
    observer.observe(element);
    return () => {
      observer.disconnect();
      resizes.current = null;
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
      zoomBy: (factor) => run((z, element) => animated(element).call(z.scaleBy, factor)),
      panBy: (dx, dy) => run((z, element) => select(element).call(z.translateBy, dx, dy)),
      moveTo: (x, y) => run((z, element) => select(element).call(z.translateTo, x, y)),
      show: (transform, animate) =>
        run((z, element) => {
          if (![transform.x, transform.y, transform.k].every(Number.isFinite) || transform.k <= 0) return;
          const target = zoomIdentity.translate(transform.x, transform.y).scale(transform.k);
          if (animate) animated(element).call(z.transform, target);
          else select(element).call(z.transform, target);
        }),
      measure: () => {
        const element = container.current;
        if (!element) return { width: 0, height: 0 };
        const before = store.getState();
        const size = measureInto(element, store);
        if ((size.width !== before.width || size.height !== before.height) && resizes.current) {
          // The store now holds a size the observer has not reported. Observed afresh, it compares the
          // next layout with 0 × 0, so a view hidden and shown again before the observer looked (its
          // last report still equal to the shown size) is reported shown instead of staying 0 × 0.
          resizes.current.unobserve(element);
          resizes.current.observe(element);
        }
        return size;
      },
    };
  }, [container, store]);
}

/**
 * An animated move on `element`, or a move at once while it has no size.
 * d3-zoom's smooth interpolation divides by the view's size (read when the
 * animation starts): in a hidden view (0 × 0) every frame of it is NaN, and
 * a later move started from that NaN never recovers, so the graph stays
 * empty. A hidden view has nothing to animate anyway.
 */
function animated(element: HTMLDivElement) {
  const shown = element.clientWidth > 0 && element.clientHeight > 0;
  return shown ? select(element).transition().duration(ANIMATION_MS) : select(element);
}

/** Reads `element`'s size, hands it to the store when it changed, and returns it. */
function measureInto(element: HTMLDivElement, store: ViewportStore): { width: number; height: number } {
  const width = element.clientWidth;
  const height = element.clientHeight;
  const state = store.getState();
  if (state.width !== width || state.height !== height) state.setSize(width, height);
  return { width, height };
}
