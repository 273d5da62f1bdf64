import { editHere } from '../../edit/editHere';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useStore } from 'zustand';
import type { KhoGraph } from '../../../core/kho';
import type { Selection } from '../../model/Selection';
import { buildGraphScene } from './model/buildGraphScene';
import { CARD, COLUMN_STEP, LAYOUT } from './model/cardGeometry';
import { CardIndex, type Rect } from './model/CardIndex';
import type { GraphScene } from './model/GraphScene';
import { layoutForest, type ForestLayout } from './model/layoutForest';
import { placeEdges } from './model/placeEdges';
import { selectionFocus } from './model/selectionFocus';
import { FIT_PADDING, READABLE_ZOOM, readableFit } from './model/readableFit';
import { focusRect } from './model/focusRect';
import { minimapBox } from './model/minimapSize';
import { isShown, revealTransform } from './model/revealTransform';
import { COMPACT_BELOW, fitTransform, resizedTransform } from './model/viewportMath';
import { createViewportStore } from './viewport/viewportStore';
import { useGraphZoom, MAX_ZOOM, type ResizePolicy } from './viewport/useGraphZoom';
import { useThemeVersion } from './viewport/useThemeVersion';
import { CardLayer } from './CardLayer';
import type { GraphActions } from './GraphActions';
import { GraphToolbar } from './GraphToolbar';
import { Minimap } from './Minimap';
import { OverviewCanvas } from './OverviewCanvas';
import { sameSelection } from '../../explore/selectionKey';
import './graph.css';

/**
 * Props of the graph view.
 *
 * - `graph`: the decoded graph to draw (a new object re-lays out everything
 *   and resets collapsed cards and the view).
 * - `selection`: the app-wide selection; the matching card, row, property or
 *   edge is highlighted, and when it changes from outside the view moves to
 *   show it (expanding collapsed cards above it).
 * - `onSelect`: called when a card (fragment), row (node or raw field),
 *   key property, edge (link), badge (diagnostic) or stand-in card (link, or
 *   memory of an undecoded root) is clicked.
 * - `changed`: fragments an edit rewrote, moved or created (marked).
 * - `viewKey`: a new value places the view afresh (default: a new graph does).
 */
export interface GraphViewProps {
  graph: KhoGraph;
  selection: Selection | null;
  onSelect(selection: Selection): void;
  /** Cards (fragment ids) an edit changed: marked so the changed places stand out. */
  changed?: ReadonlySet<string>;
  /**
   * The view (zoom and pan) is placed afresh when this changes; default: on
   * every new graph. An edit shows a new graph of the same image, and the
   * user's view should stay where it was.
   */
  viewKey?: unknown;
  /** Receives the view's Fit and Overview while it is mounted (null when it goes), for commands outside it. */
  onControls?(controls: GraphControls | null): void;
  /**
   * The zoom Fit and reveal keep card text readable at (default
   * `READABLE_ZOOM`; `PRESENTING_ZOOM` in presentation mode). A change zooms
   * the view by the same ratio around its centre.
   */
  readableZoom?: number;
}

/** What the graph view lets the rest of the page do to it. */
export interface GraphControls {
  /** Readable: the whole graph if it fits readably, else the selection with its parent and children. */
  fit(): void;
  /** The whole graph, however small. */
  overview(): void;
}

const NOTHING_COLLAPSED: ReadonlySet<string> = new Set();

/**
 * The KHO graph as cards and edges (see docs/app-views.md): one card per
 * fragment with its in-place nodes, page chips and badges, one edge per link
 * from the owning row, in a tidy left-to-right tree; pan and zoom (wheel,
 * drag, buttons, keys + − 0 and arrows), fit, minimap, collapsible subtrees.
 * Scales to 10,000 fragments: only cards in view are in the DOM, simpler
 * cards when zoomed out, a canvas when far out, and panning moves one CSS
 * transform without re-rendering.
 */
export function GraphView({
  graph,
  selection,
  onSelect,
  onControls,
  changed = NOTHING_COLLAPSED,
  viewKey,
  readableZoom = READABLE_ZOOM,
}: GraphViewProps) {
  const scene = useMemo(() => buildGraphScene(graph), [graph]);
  const [collapseState, setCollapseState] = useState<{ scene: GraphScene; ids: ReadonlySet<string> }>({
    scene,
    ids: NOTHING_COLLAPSED,
  });
  const collapsed = collapseState.scene === scene ? collapseState.ids : NOTHING_COLLAPSED;
  const layout = useMemo(() => layoutScene(scene, collapsed), [scene, collapsed]);
  const index = useMemo(() => new CardIndex(layout, CARD.width, COLUMN_STEP), [layout]);
  const edges = useMemo(() => placeEdges(scene, layout), [scene, layout]);
  const bounds = useMemo<Rect>(
    () => ({ x0: 0, y0: layout.minY, x1: layout.maxDepth * COLUMN_STEP + CARD.width, y1: layout.maxY }),
    [layout],
  );
  const focus = useMemo(() => selectionFocus(selection, scene, graph), [selection, scene, graph]);

  const [store] = useState(createViewportStore);
  const container = useRef<HTMLDivElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const minZoom = useMemo(() => {
    const { width, height } = store.getState();
    return Math.min(
      0.1,
      fitTransform(bounds, Math.max(width, 400), Math.max(height, 300), FIT_PADDING, MAX_ZOOM).k * 0.8,
    );
  }, [bounds, store]);
  // What reveal aims at for the selection, in a view of `height` at zoom `k`: null when nothing is focused.
  const focusTarget = useCallback(
    (k: number, height: number): { target: Rect; readableK: number } | null => {
      const i = focus?.card ? layout.indexOf.get(focus.card) : undefined;
      if (i === undefined || !focus) return null;
      const readableK = Math.max(COMPACT_BELOW, Math.min(k, readableZoom));
      return { target: focusRect(scene, layout, i, focus.row, height / Math.max(k, readableK)), readableK };
    },
    [focus, layout, scene, readableZoom],
  );
  // The pane changed size: keep its centre where it was, and a selection that was shown whole stays so.
  const onResize: ResizePolicy = (from, to) => {
    const kept = resizedTransform(from.transform, from, to);
    const aim = focusTarget(from.transform.k, from.height);
    if (!aim || !isShown(aim.target, from.transform, from.width, from.height, overlays(container.current, from)))
      return kept;
    return (
      revealTransform(aim.target, kept, to.width, to.height, aim.readableK, overlays(container.current, to)) ?? kept
    );
  };
  const zoom = useGraphZoom(container, world, store, bounds, minZoom, onResize);
  const themeVersion = useThemeVersion();

  // Clicks inside the view go out through here; the selection that comes back must not move the view.
  const emitted = useRef<Selection | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const actions = useMemo<GraphActions>(
    () => ({
      select(next) {
        emitted.current = next;
        onSelectRef.current(next);
      },
      edit(next) {
        this.select(next);
        editHere();
      },
      toggle(card) {
        setCollapseState((state) => ({
          scene,
          ids: toggled(state.scene === scene ? state.ids : NOTHING_COLLAPSED, card),
        }));
      },
    }),
    [scene],
  );

  // Fit: readable, around the selection on big graphs. Overview: everything, however small.
  const focusIndex = focus?.card ? (layout.indexOf.get(focus.card) ?? 0) : 0;
  // Both measure the view now: run right after the graph tab is shown, the store's size may still be 0.
  const fit = useCallback(() => {
    const { width, height } = zoom.measure();
    if (width > 0 && height > 0)
      zoom.show(readableFit(layout, bounds, focusIndex, CARD.width, width, height, readableZoom), true);
  }, [layout, bounds, focusIndex, zoom, readableZoom]);
  const overview = useCallback(() => {
    const { width, height } = zoom.measure();
    if (width > 0 && height > 0) zoom.show(fitTransform(bounds, width, height, FIT_PADDING, 1), true);
  }, [bounds, zoom]);
  useEffect(() => {
    onControls?.({ fit, overview });
  }, [onControls, fit, overview]);
  useEffect(() => () => onControls?.(null), [onControls]);

  // A new graph: fit it readably (all of it, or the selection's neighbourhood). Only for a new
  // scene (collapsing keeps the view where it is), or a new `viewKey` when one is given (an edit's
  // graph keeps the user's view), and only once the view has a size (it may be mounted in a hidden panel).
  const placeKey = viewKey ?? scene;
  const latest = useRef({ layout, bounds, focusIndex, readableZoom });
  latest.current = { layout, bounds, focusIndex, readableZoom };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `placeKey` is the trigger (a new graph or open), read through `latest`
  useLayoutEffect(() => {
    const showInitial = ({ width, height }: { width: number; height: number }) => {
      if (width === 0 || height === 0) return false;
      const { layout: laidOut, bounds: extent, focusIndex: at, readableZoom: readable } = latest.current;
      zoom.show(readableFit(laidOut, extent, at, CARD.width, width, height, readable), false);
      return true;
    };
    if (showInitial(zoom.measure())) return;
    const unsubscribe = store.subscribe((state) => {
      if (showInitial(state)) unsubscribe();
    });
    return unsubscribe;
  }, [placeKey, store, zoom]);

  // A selection made elsewhere: expand what hides it, then bring it into view. Made while the view is
  // hidden (no size), the reveal waits: showing the view again flips `hasSize` and runs this once more.
  // The size is measured, not taken from the store: a tour step hides the graph and selects in one
  // render, before the ResizeObserver has told the store, and a move planned for a view that is no
  // longer on screen would be planned for the wrong size.
  // Only a selection not yet revealed moves the view, so tab switches and later renders keep the user's pan.
  const hasSize = useStore(store, (state) => state.width > 0 && state.height > 0);
  const revealed = useRef<Selection | null>(null);
  useLayoutEffect(() => {
    if (selection === null || selection === revealed.current) return;
    if (sameSelection(selection, emitted.current) || !focus?.card) {
      revealed.current = selection;
      return;
    }
    const hiding = collapsedAbove(scene, focus.card, collapsed);
    if (hiding.length > 0) {
      setCollapseState({ scene, ids: new Set([...collapsed].filter((id) => !hiding.includes(id))) });
      return;
    }
    if (!layout.indexOf.has(focus.card) || !hasSize) return;
    const { width, height } = zoom.measure();
    if (width === 0 || height === 0) return;
    // From where the view is heading: a reveal made while another move runs must not take a frame in
    // the middle of it for the view (the target may be on screen there and off screen at its end).
    const transform = zoom.heading() ?? store.getState().transform;
    revealed.current = selection;
    const aim = focusTarget(transform.k, height);
    if (!aim) return;
    const size = { width, height };
    const next = revealTransform(
      aim.target,
      transform,
      width,
      height,
      aim.readableK,
      overlays(container.current, size),
    );
    if (next) zoom.show(next, true);
  }, [selection, focus, scene, layout, collapsed, hasSize, store, zoom, focusTarget]);

  // Presentation mode on or off: card text grows or shrinks by the same ratio, around the view's centre.
  const shownZoom = useRef(readableZoom);
  useEffect(() => {
    if (shownZoom.current === readableZoom) return;
    zoom.zoomBy(readableZoom / shownZoom.current);
    shownZoom.current = readableZoom;
  }, [readableZoom, zoom]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = 80;
    const keys = new Map<string, () => void>([
      ['+', () => zoom.zoomBy(1.25)],
      ['=', () => zoom.zoomBy(1.25)],
      ['-', () => zoom.zoomBy(0.8)],
      ['0', fit],
      ['o', overview],
      ['ArrowLeft', () => zoom.panBy(step / store.getState().transform.k, 0)],
      ['ArrowRight', () => zoom.panBy(-step / store.getState().transform.k, 0)],
      ['ArrowUp', () => zoom.panBy(0, step / store.getState().transform.k)],
      ['ArrowDown', () => zoom.panBy(0, -step / store.getState().transform.k)],
    ]);
    const action = keys.get(event.key);
    if (!action || event.target !== event.currentTarget) return;
    event.preventDefault();
    action();
  };

  // Far out, cards are canvas pixels: find the one under the pointer.
  const onOverviewClick = (event: MouseEvent<HTMLDivElement>) => {
    const state = store.getState();
    if (state.level !== 'overview' || !container.current || (event.target as Element).closest('[data-zoom-ignore]'))
      return;
    const box = container.current.getBoundingClientRect();
    const { x, y, k } = state.transform;
    const hit = index.at((event.clientX - box.left - x) / k, (event.clientY - box.top - y) / k);
    if (hit >= 0) actions.select(scene.byId.get(layout.ids[hit])!.selection);
  };

  return (
    <div
      className="graph-view"
      ref={container}
      role="application"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the graph takes focus for its own keys (+ − 0 and arrows pan and zoom)
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onOverviewClick}
      aria-label="Graph of fragments and links"
      data-testid="graph-view"
      data-focus-row={focus?.row ?? undefined}
    >
      <OverviewCanvas
        scene={scene}
        layout={layout}
        index={index}
        edges={edges}
        focus={focus}
        store={store}
        themeVersion={themeVersion}
      />
      <div className="graph-world" ref={world}>
        <CardLayer
          scene={scene}
          layout={layout}
          index={index}
          edges={edges}
          focus={focus}
          collapsed={collapsed}
          changed={changed}
          store={store}
          actions={actions}
        />
      </div>
      <GraphToolbar
        onZoomIn={() => zoom.zoomBy(1.4)}
        onZoomOut={() => zoom.zoomBy(1 / 1.4)}
        onFit={fit}
        onOverview={overview}
        cards={layout.ids.length}
        total={scene.cards.length}
        onExpandAll={collapsed.size > 0 ? () => setCollapseState({ scene, ids: NOTHING_COLLAPSED }) : null}
      />
      <Minimap
        scene={scene}
        layout={layout}
        focus={focus}
        store={store}
        themeVersion={themeVersion}
        bounds={bounds}
        onNavigate={zoom.moveTo}
      />
    </div>
  );
}

function layoutScene(scene: GraphScene, collapsed: ReadonlySet<string>): ForestLayout {
  return layoutForest(
    {
      roots: scene.roots,
      children: (id) => (collapsed.has(id) ? [] : scene.byId.get(id)!.children),
      height: (id) => scene.byId.get(id)!.height,
    },
    { columnStep: COLUMN_STEP, gap: LAYOUT.gap },
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** Collapsed cards above `card` (they hide it). */
function collapsedAbove(scene: GraphScene, card: string, collapsed: ReadonlySet<string>): string[] {
  const hiding: string[] = [];
  for (let at = scene.byId.get(card)?.parent ?? null; at !== null; at = scene.byId.get(at)?.parent ?? null)
    if (collapsed.has(at)) hiding.push(at);
  return hiding;
}

/**
 * The view's own overlays in a pane of `size` (pane pixels): the toolbar
 * (measured: its buttons vary) and the minimap (from its size rule: a reveal
 * may show it). A reveal keeps the selection clear of both.
 */
function overlays(view: HTMLElement | null, size: { width: number; height: number }): Rect[] {
  const covered: Rect[] = [];
  const toolbar = view?.querySelector<HTMLElement>('.graph-toolbar');
  if (toolbar && toolbar.offsetWidth > 0)
    covered.push({
      x0: toolbar.offsetLeft,
      y0: toolbar.offsetTop,
      x1: toolbar.offsetLeft + toolbar.offsetWidth,
      y1: toolbar.offsetTop + toolbar.offsetHeight,
    });
  const minimap = minimapBox(size.width, size.height);
  if (minimap) covered.push(minimap);
  return covered;
}
