import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { KhoGraph } from '../../../core/kho';
import type { ReadMemory, Selection } from '../../model/Selection';
import { useRowWindow } from '../../components/useRowWindow';
import { formatSize } from '../../format/formatSize';
import { sameSelection } from '../../explore/selectionKey';
import { useUiStore } from '../../state/uiStore';
import { ByteInspector } from './byteInspector';
import { cachedByteOwners } from './byteOwners';
import { followRegion } from './followRegion';
import { FragmentAddressIndex } from './fragmentAddresses';
import type { HexRegion } from './HexRegion';
import { HexRowModel } from './hexRows';
import { HexRowView } from './HexRowView';
import { selectionHighlights } from './selectionHighlights';
import { useRegionBytes } from './useRegionBytes';
import './hex.css';

/**
 * Props of the hex view.
 *
 * - `graph`: the decoded graph (fragments' bytes, owners of every byte).
 * - `selection`: the app-wide selection; its bytes are highlighted (a
 *   property's value strongly, its token softly) and scrolled into view.
 * - `onSelect`: called with the owner of a clicked byte (property, node,
 *   raw field, or the fragment for header/strings/padding; a one-byte
 *   `memory` selection where no fragment holds the byte).
 * - `readMemory`: physical reads for memory regions (null for debugfs or
 *   dtb graphs, which have no physical memory).
 * - `region` (optional): what to show. Left out, the view follows the
 *   selection: the selected fragment (page lists in list order), a link's
 *   target, a memory range; it stays put while the selection has bytes in
 *   what it shows. See HexRegion.ts for `fragmentRegion` / `memoryRegion`.
 */
export interface HexViewProps {
  graph: KhoGraph;
  selection: Selection | null;
  onSelect(selection: Selection): void;
  readMemory: ReadMemory | null;
  region?: HexRegion | null;
}

/** Row height in pixels (hex.css sets the same line height). */
const ROW_HEIGHT = 20;
/** Row height in presentation mode (styles/presentation.css sets the same line height, with larger text). */
const PRESENTING_ROW_HEIGHT = 28;

/**
 * A hex and ASCII dump of a fragment or of physical memory, with physical
 * addresses, a divider at each segment and page boundary, the selection's
 * bytes highlighted, and a click on any byte selecting what owns it. Only
 * the rows in view are in the DOM; memory is read page by page as rows come
 * into view.
 */
export function HexView({ graph, selection, onSelect, readMemory, region: explicit }: HexViewProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `graph` is the trigger: a new graph gets a new, empty owners cache
  const ownersOf = useMemo(() => cachedByteOwners(), [graph]);
  const fragments = useMemo(() => new Map(graph.fragments.map((fragment) => [fragment.id, fragment])), [graph]);
  const addresses = useMemo(() => {
    let index: FragmentAddressIndex | null = null;
    return () => (index ??= new FragmentAddressIndex(graph.fragments));
  }, [graph]);

  // Follow the selection (React's "state from the previous render" pattern: no extra commit).
  const [followed, setFollowed] = useState(() => ({
    graph,
    selection,
    region: followRegion(null, graph, selection, ownersOf),
  }));
  let region = followed.region;
  if (followed.graph !== graph || followed.selection !== selection) {
    region = followRegion(followed.graph === graph ? followed.region : null, graph, selection, ownersOf);
    setFollowed({ graph, selection, region });
  }
  const shown = explicit !== undefined ? explicit : region;

  const pageSize = graph.source.pageSize;
  const rows = useMemo(() => (shown ? new HexRowModel(shown, pageSize) : null), [shown, pageSize]);
  const inspector = useMemo(
    () => (shown ? new ByteInspector(shown, fragments, addresses, ownersOf) : null),
    [shown, fragments, addresses, ownersOf],
  );
  const highlights = useMemo(
    () => (shown ? selectionHighlights(selection, shown, graph, ownersOf) : []),
    [selection, shown, graph, ownersOf],
  );
  const fragmentBytes = shown?.fragment ? (fragments.get(shown.fragment)?.bytes ?? null) : null;
  const bytes = useRegionBytes(shown, fragmentBytes, readMemory, pageSize);

  const viewport = useRef<HTMLDivElement>(null);
  const rowHeight = useUiStore((state) => state.presenting) ? PRESENTING_ROW_HEIGHT : ROW_HEIGHT;
  const { start, end } = useRowWindow(viewport, rows?.count ?? 0, rowHeight);
  const [hovered, setHovered] = useState<number | null>(null);

  // Bring the selected bytes into view when the selection (or the region) changes, unless the click came from here.
  const emitted = useRef<Selection | null>(null);
  const shownKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || !rows || !shown) return;
    const newRegion = shownKey.current !== shown.key;
    shownKey.current = shown.key;
    if (!newRegion && sameSelection(selection, emitted.current)) return;
    const target = highlights.find((highlight) => highlight.strength === 'strong') ?? highlights[0];
    if (!target) {
      if (newRegion) element.scrollTop = 0;
      return;
    }
    const top = rows.rowOf(target.start) * rowHeight;
    const visible = top >= element.scrollTop && top + rowHeight <= element.scrollTop + element.clientHeight;
    if (newRegion || !visible) element.scrollTop = Math.max(0, top - element.clientHeight / 3);
  }, [shown, rows, highlights, selection, rowHeight]);

  const offsetOf = (event: MouseEvent) => {
    const cell = (event.target as Element).closest('[data-o]');
    return cell ? Number(cell.getAttribute('data-o')) : null;
  };
  const onClick = (event: MouseEvent) => {
    const offset = offsetOf(event);
    const next = offset === null || !inspector ? null : inspector.selectionAt(offset);
    if (!next) return;
    emitted.current = next;
    onSelect(next);
  };

  // The row container is always mounted: the row window measures it once, on mount.
  const needsMemory = shown !== null && shown.fragment === null && readMemory === null;
  const shownBytes = shown ? shown.segments.reduce((sum, segment) => sum + segment.length, 0) : 0;
  return (
    <div className="hex-view" data-testid="hex-view">
      <div className="hex-view__title" title={shown?.title}>
        <span className="hex-view__name">{shown ? shown.title : 'No bytes to show'}</span>
        {shown && shown.truncated > 0 && (
          <span className="hex-view__note">
            first {formatSize(shownBytes)} shown, {formatSize(shown.truncated)} more not
          </span>
        )}
        {needsMemory && <span className="hex-view__note">no physical memory in this input: bytes cannot be read</span>}
      </div>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: pointer shortcut to a byte's owner; the keyboard reaches every place through the outline tree and search */}
      <div
        ref={viewport}
        className="hex-view__rows"
        onClick={onClick}
        onMouseMove={(event) => setHovered(offsetOf(event))}
        onMouseLeave={() => setHovered(null)}
        data-testid="hex-rows"
      >
        {rows && inspector ? (
          <div style={{ height: rows.count * rowHeight, position: 'relative' }}>
            <div style={{ transform: `translateY(${start * rowHeight}px)` }}>
              {Array.from({ length: end - start }, (_, i) => (
                <HexRowView
                  key={start + i}
                  index={start + i}
                  rows={rows}
                  bytes={bytes}
                  highlights={highlights}
                  inspector={inspector}
                  height={rowHeight}
                />
              ))}
            </div>
          </div>
        ) : (
          <p className="hex-view__empty dim">
            Select a fragment, node, property, link or memory range to see its bytes.
          </p>
        )}
      </div>
      <div className="hex-view__status" aria-live="polite">
        {hovered !== null && inspector ? inspector.describe(hovered) : 'Click a byte to select what it belongs to.'}
      </div>
    </div>
  );
}
