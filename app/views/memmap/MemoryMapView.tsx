import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { KhoGraph } from '../../../core/kho';
import type { PhysRange } from '../../../core/mem';
import type { Selection } from '../../model/Selection';
import { formatHex } from '../../format/formatHex';
import { formatSize } from '../../format/formatSize';
import { prepareCanvas } from '../graph/canvasColors';
import { sameSelection } from '../../explore/selectionKey';
import { useThemeVersion } from '../graph/viewport/useThemeVersion';
import { type AddressScale, buildAddressScale, DEFAULT_SCALE_OPTIONS } from './AddressScale';
import { drawMemoryMap } from './drawMemoryMap';
import { LaneIndex } from './LaneIndex';
import { readMapColors, type MapColors } from './mapColors';
import { laneAt, laneTop, mapHeight, MAP_GEOMETRY } from './mapGeometry';
import type { MemoryItem } from './MemoryItem';
import { memoryLanes } from './memoryLanes';
import { revealRange } from './revealRange';
import { type SelectionPlace, selectionPlace } from './selectionPlace';
import './memmap.css';

/**
 * Props of the memory map.
 *
 * - `graph`: the decoded graph (fragments, maps, side structures, users).
 * - `ramRanges`: the image's RAM ranges (`PhysicalMemory.ranges`); the
 *   gaps between them are holes. Empty for debugfs/dtb inputs.
 * - `selection`: the app-wide selection, shown as a band over the memory it
 *   covers with the selected fragment outlined; when it changes from
 *   outside and is off screen, the map pans (and zooms in if needed) to it.
 * - `onSelect`: called on a click on a bar: a fragment's bar selects the
 *   fragment, an unread link target the link, anything else a `memory`
 *   selection of the bar's range.
 */
export interface MemoryMapViewProps {
  graph: KhoGraph;
  ramRanges: readonly PhysRange[];
  selection: Selection | null;
  onSelect(selection: Selection): void;
}

/** At the deepest zoom a page of the most squeezed RAM range is this wide. */
const PAGE_PX_AT_MAX_ZOOM = 800;
/** Pointer slack for hitting one-pixel bars. */
const HIT_SLACK_PX = 3;

/**
 * The physical address space as lanes of bars (see memoryLanes): RAM and
 * holes (big holes squeezed and labelled), fragment pages in their card
 * colours, preserved ranges per root map, map pages, side structures, the
 * data they describe, reserve-mem and scratch. Wheel zooms around the
 * pointer and dragging pans (d3-zoom, horizontal only); hovering names the
 * owner and range; clicking selects. Drawn on a canvas, without React, on
 * each zoom frame.
 */
export function MemoryMapView({ graph, ramRanges, selection, onSelect }: MemoryMapViewProps) {
  const lanes = useMemo(() => memoryLanes(graph, ramRanges), [graph, ramRanges]);
  const indexes = useMemo(() => lanes.map((lane) => new LaneIndex(lane.items)), [lanes]);
  const place = useMemo(() => selectionPlace(selection, graph), [selection, graph]);
  const themeVersion = useThemeVersion();

  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const height = mapHeight(lanes.length);
  const scale = useMemo(() => {
    // Everything physical the graph knows outside RAM gets its own piece of the axis.
    const extra = lanes
      .filter((lane) => lane.id !== 'ram')
      .flatMap((lane) => lane.items.map((item) => ({ start: item.start, end: item.end })));
    return buildAddressScale(ramRanges, extra, { ...DEFAULT_SCALE_OPTIONS, width: Math.max(1, width) });
  }, [lanes, ramRanges, width]);
  const maxZoom = Math.max(1, PAGE_PX_AT_MAX_ZOOM / (graph.source.pageSize * scale.sparsestPxPerByte));

  const transform = useRef({ x: 0, k: 1 });
  const hovered = useRef<MemoryItem | null>(null);
  const colors = useRef<MapColors | null>(null);
  const [tip, setTip] = useState<{ item: MemoryItem; x: number; y: number } | null>(null);
  const [pointer, setPointer] = useState<number | null>(null);

  const readout = useRef<HTMLSpanElement>(null);
  const frame = useRef(0);
  const draw = useCallback(() => {
    frame.current = 0;
    const element = canvas.current;
    const context = element && prepareCanvas(element, width, height);
    if (!context || !element) return;
    colors.current ??= readMapColors(element);
    drawMemoryMap(context, {
      width,
      height,
      scale,
      transform: transform.current,
      lanes: indexes,
      place,
      hovered: hovered.current,
      colors: colors.current,
    });
    showSelectionReadout(readout.current, place, scale, transform.current, width);
  }, [width, height, scale, indexes, place]);
  const scheduleDraw = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
  }, [draw]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `themeVersion` is the trigger: a theme switch changes the canvas colours read from CSS
  useLayoutEffect(() => {
    colors.current = null;
    draw();
  }, [draw, themeVersion]);

  // Width follows the wrapper.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // d3-zoom, horizontal: the transform's y is ignored.
  const behavior = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const drawRef = useRef(scheduleDraw);
  drawRef.current = scheduleDraw;
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // `data-moving` says whether a pan or zoom (a drag, or an animated move) is under way, so a
    // test can wait for the map to come to rest instead of sleeping.
    element.dataset.moving = 'false';
    const zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .clickDistance(4)
      .on('start', () => {
        element.dataset.moving = 'true';
      })
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        transform.current = { x: event.transform.x, k: event.transform.k };
        drawRef.current();
      })
      .on('end', () => {
        element.dataset.moving = 'false';
      });
    select(element).call(zoomBehavior).on('dblclick.zoom', null);
    behavior.current = zoomBehavior;
    return () => {
      select(element).interrupt().on('.zoom', null);
      behavior.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    behavior.current
      ?.scaleExtent([1, maxZoom])
      .extent([
        [0, 0],
        [Math.max(1, width), height],
      ])
      .translateExtent([
        [0, 0],
        [Math.max(1, width), height],
      ]);
  }, [maxZoom, width, height]);

  // A selection from elsewhere that is off screen: move to it.
  const emitted = useRef<Selection | null>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !behavior.current || !place || width === 0 || sameSelection(selection, emitted.current)) return;
    const next = revealRange(place.ranges, scale, transform.current, width, maxZoom);
    if (!next) return;
    // Moving from now on, not from the transition's first frame.
    element.dataset.moving = 'true';
    select(element)
      .transition()
      .duration(350)
      .call(behavior.current.transform, zoomIdentity.translate(next.x, 0).scale(next.k));
  }, [place, selection, scale, width, maxZoom]);

  const itemAt = (
    event: MouseEvent<HTMLCanvasElement>,
  ): { item: MemoryItem | null; address: number; x: number; y: number } => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const { x: tx, k } = transform.current;
    const address = scale.toAddress((x - tx) / k);
    const lane = laneAt(y, lanes.length);
    if (lane < 0 || y < laneTop(lane) || y > laneTop(lane) + MAP_GEOMETRY.laneHeight)
      return { item: null, address, x, y };
    const slack =
      Math.abs(scale.toAddress((x + HIT_SLACK_PX - tx) / k) - scale.toAddress((x - HIT_SLACK_PX - tx) / k)) / 2;
    return { item: indexes[lane].at(address, slack) ?? null, address, x, y };
  };
  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const hit = itemAt(event);
    setPointer(hit.address);
    if (hit.item !== hovered.current) {
      hovered.current = hit.item;
      scheduleDraw();
    }
    setTip(hit.item ? { item: hit.item, x: hit.x, y: hit.y } : null);
  };
  const onLeave = () => {
    hovered.current = null;
    setTip(null);
    setPointer(null);
    scheduleDraw();
  };
  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const { item } = itemAt(event);
    if (!item || item.kind === 'ram' || item.kind === 'hole') return;
    emitted.current = item.selection;
    onSelect(item.selection);
  };
  const zoomBy = (factor: number) => {
    if (!canvas.current || !behavior.current) return;
    canvas.current.dataset.moving = 'true';
    select(canvas.current).transition().duration(250).call(behavior.current.scaleBy, factor);
  };
  const reset = () => {
    if (!canvas.current || !behavior.current) return;
    canvas.current.dataset.moving = 'true';
    select(canvas.current).transition().duration(250).call(behavior.current.transform, zoomIdentity);
  };

  if (scale.pieces.length === 0) {
    return (
      <div className="memmap memmap--empty" data-testid="memory-map">
        <p className="dim">
          No physical memory: this input ({graph.source.kind}) has no RAM ranges and nothing with a physical address.
        </p>
      </div>
    );
  }
  return (
    <div className="memmap" data-testid="memory-map">
      <div className="memmap__toolbar">
        <button
          type="button"
          className="button button--icon button--small"
          onClick={() => zoomBy(2)}
          aria-label="Zoom in"
          title="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          className="button button--icon button--small"
          onClick={() => zoomBy(0.5)}
          aria-label="Zoom out"
          title="Zoom out"
        >
          −
        </button>
        <button type="button" className="button button--small" onClick={reset} title="Show the whole address space">
          All
        </button>
        <span className="memmap__pointer">
          {pointer === null ? 'wheel to zoom, drag to pan' : formatHex(Math.floor(pointer))}
        </span>
        <span className="memmap__selection" data-testid="memmap-selection" ref={readout} />
        {ramRanges.length === 0 && (
          <span className="memmap__note">
            No RAM ranges in this input ({graph.source.kind}): only the addresses the graph names are shown.
          </span>
        )}
      </div>
      <div className="memmap__body">
        <div className="memmap__labels" style={{ height }}>
          {lanes.map((lane, i) => (
            <div
              key={lane.id}
              className={lane.nested ? 'memmap__lane-label memmap__lane-label--nested' : 'memmap__lane-label'}
              style={{ top: laneTop(i), height: MAP_GEOMETRY.laneHeight, width: MAP_GEOMETRY.labelWidth }}
              title={lane.title}
            >
              {lane.label}
            </div>
          ))}
        </div>
        <div ref={wrapper} className="memmap__canvas-wrap" style={{ height }}>
          <canvas
            ref={canvas}
            className="memmap__canvas"
            style={{ width: '100%', height }}
            onMouseMove={onMove}
            onMouseLeave={onLeave}
            onClick={onClick}
            role="img"
            aria-label="Physical memory map"
          />
          {tip && <MapTooltip tip={tip} width={width} />}
        </div>
      </div>
    </div>
  );
}

function MapTooltip({ tip, width }: { tip: { item: MemoryItem; x: number; y: number }; width: number }) {
  const { item } = tip;
  const left = Math.min(tip.x + 14, Math.max(0, width - 320));
  return (
    <div className="memmap__tooltip" style={{ left, top: tip.y + 16 }} role="tooltip">
      <div className="memmap__tooltip-title">{item.label}</div>
      <div className="memmap__tooltip-range">
        {formatHex(item.start)} – {formatHex(item.end)} ({formatSize(item.end - item.start)})
      </div>
      <div className="memmap__tooltip-detail">{item.detail}</div>
    </div>
  );
}

/**
 * The toolbar's words for the selection band (its first range, and whether
 * it is in view or off to one side), set on each frame without React: a
 * band one pixel wide is easy to miss, and tests read `data-on-screen`.
 */
function showSelectionReadout(
  element: HTMLSpanElement | null,
  place: SelectionPlace | null,
  scale: AddressScale,
  transform: { x: number; k: number },
  width: number,
): void {
  if (!element) return;
  const range = place?.ranges[0];
  if (!range) {
    element.textContent = '';
    element.dataset.onScreen = 'false';
    return;
  }
  const x0 = transform.x + scale.toX(range.start) * transform.k;
  const x1 = transform.x + scale.toX(range.end) * transform.k;
  const onScreen = x1 >= 0 && x0 <= width;
  const side = onScreen ? '' : x1 < 0 ? ' (off to the left)' : ' (off to the right)';
  element.textContent = `selected ${formatHex(range.start)} – ${formatHex(range.end)}${side}`;
  element.dataset.onScreen = String(onScreen);
}
