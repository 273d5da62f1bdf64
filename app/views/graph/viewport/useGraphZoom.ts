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

/** A view's size in screen pixels. */
export interface ViewSize {
  width: number;
  height: number;
}

/**
 * Where the view should be after its pane changed size: `from` is where it
 * was (or was heading) and how large the pane was when last shown, `to` the
 * new size. Called only between two shown sizes (not while hidden).
 */
export type ResizePolicy = (from: { transform: ViewTransform } & ViewSize, to: ViewSize) => ViewTransform;

/** Ways to move the view from code (toolbar, minimap, keyboard, selection). */
export interface GraphZoom {
  /** Zooms around the view's centre, animated, from where a running move is heading. */
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** Centres the view on a world point at the current zoom, at once (minimap drags). */
  moveTo(x: number, y: number): void;
  /** Sets a transform, animated or at once (always at once while the view has no size: it is hidden). */
  show(transform: ViewTransform, animate: boolean): void;
  /** Where the animated `show` under way will end, or null when none runs (the view is where it is going). */
  heading(): ViewTransform | null;
  /**
   * The view's size as laid out now, read from the element (and handed to
   * the store when the store's, which follows a ResizeObserver, lags behind:
   * the view was just hidden or shown in the same frame). 0 × 0 while hidden.
   */
  measure(): ViewSize;
}

/**
 * Binds d3-zoom to `container` (wheel zooms around the pointer, dragging
 * pans, no double-click zoom; elements marked `data-zoom-ignore` keep their
 * own pointer events) and applies each transform straight to the `world`
 * element's CSS transform, bypassing React; the store gets the transform for
 * culling and canvases. Tracks the container's size: when it changes between
 * two shown sizes (a resized window, side panels shown or hidden, the graph
 * tab shown again after either), the view moves at once to where `onResize`
 * says. Zoom limits follow `bounds` and `minZoom`.
 */
export function useGraphZoom(
  container: RefObject<HTMLDivElement | null>,
  world: RefObject<HTMLDivElement | null>,
  store: ViewportStore,
  bounds: Rect,
  minZoom: number,
  onResize: ResizePolicy,
): GraphZoom {
  const behavior = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const resizes = useRef<ResizeObserver | null>(null);
  const headingTo = useRef<ViewTransform | null>(null);
  const zoomRange = useRef<[number, number]>([minZoom, MAX_ZOOM]);
  zoomRange.current = [minZoom, MAX_ZOOM];
  const policy = useRef(onResize);
  policy.current = onResize;
  // The last size the view was shown at: a pane resized while the graph tab was hidden is followed
  // when the tab is shown again.
  const lastShown = useRef<ViewSize | null>(null);

  /** Reads the element's size; when it changed, tells the store and moves the view as `policy` says. */
  const follow = useRef((element: HTMLDivElement): ViewSize => {
    const size = { width: element.clientWidth, height: element.clientHeight };
    const state = store.getState();
    if (state.width === size.width && state.height === size.height) return size;
    const before = lastShown.current;
    const from = headingTo.current ?? state.transform;
    state.setSize(size.width, size.height);
    if (size.width === 0 || size.height === 0) return size;
    lastShown.current = size;
    if (!before || (before.width === size.width && before.height === size.height) || !behavior.current) return size;
    const next = policy.current({ transform: from, ...before }, size);
    headingTo.current = null;
    select(element).call(behavior.current.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
    return size;
  }).current;

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
    const observer = new ResizeObserver(() => follow(element));
    resizes.current = observer;
    follow(element);
    observer.observe(element);
    return () => {
      observer.disconnect();
      resizes.current = null;
      selection.interrupt();
      selection.on('.zoom', null);
      behavior.current = null;
    };
  }, [container, world, store, follow]);

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
    const show = (transform: ViewTransform, animate: boolean) =>
      run((z, element) => {
        if (![transform.x, transform.y, transform.k].every(Number.isFinite) || transform.k <= 0) return;
        const target = zoomIdentity.translate(transform.x, transform.y).scale(transform.k);
        const move = animate ? animation(element) : null;
        if (!move) {
          headingTo.current = null;
          select(element).call(z.transform, target);
          return;
        }
        // Until this move ends or another interrupts it (a gesture, a move at once, another show).
        const goal = { ...transform };
        headingTo.current = goal;
        move.on('end.heading interrupt.heading', () => {
          if (headingTo.current === goal) headingTo.current = null;
        });
        move.call(z.transform, target);
      });
    return {
      zoomBy: (factor) =>
        run((_, element) => {
          // Around the centre of where the view is going, so quick presses add up instead of
          // each restarting from a frame in the middle of the last one.
          const from = headingTo.current ?? store.getState().transform;
          const [low, high] = zoomRange.current;
          const k = Math.min(high, Math.max(low, from.k * factor));
          const cx = element.clientWidth / 2;
          const cy = element.clientHeight / 2;
          show({ k, x: cx - ((cx - from.x) / from.k) * k, y: cy - ((cy - from.y) / from.k) * k }, true);
        }),
      panBy: (dx, dy) => run((z, element) => select(element).call(z.translateBy, dx, dy)),
      moveTo: (x, y) => run((z, element) => select(element).call(z.translateTo, x, y)),
      show,
      heading: () => headingTo.current,
      measure: () => {
        const element = container.current;
        if (!element) return { width: 0, height: 0 };
        const before = store.getState();
        const size = follow(element);
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
  }, [container, store, follow]);
}

/**
 * An animated move on `element`, or null while it has no size (move at once then).
 * d3-zoom's smooth interpolation divides by the view's size (read when the
 * animation starts): in a hidden view (0 × 0) every frame of it is NaN, and
 * a later move started from that NaN never recovers, so the graph stays
 * empty. A hidden view has nothing to animate anyway.
 */
function animation(element: HTMLDivElement) {
  const shown = element.clientWidth > 0 && element.clientHeight > 0;
  return shown ? select(element).transition().duration(ANIMATION_MS) : null;
}
