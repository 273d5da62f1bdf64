import { memo } from 'react';
import { formatHex } from '../../format/formatHex';
import type { ByteInspector } from './byteInspector';
import { ROW_BYTES, type HexRowModel } from './hexRows';
import { highlightAt, type Highlight } from './selectionHighlights';
import type { RegionBytes } from './useRegionBytes';

/** Props of one row; all stable between renders unless what the row shows changed. */
export interface HexRowViewProps {
  index: number;
  rows: HexRowModel;
  bytes: RegionBytes;
  highlights: readonly Highlight[];
  inspector: ByteInspector;
  height: number;
}

const COLUMNS = Array.from({ length: ROW_BYTES }, (_, i) => i);

/**
 * One row of the dump: a divider naming a segment or page, or the address,
 * 16 bytes in hex (a gap after 8) and their ASCII. Each byte carries its
 * region offset (`data-o`) for clicks and hover; its classes say what it is
 * part of, whether it is selected, and whether it is still loading or
 * unreadable.
 */
export const HexRowView = memo(function HexRowView({
  index,
  rows,
  bytes,
  highlights,
  inspector,
  height,
}: HexRowViewProps) {
  const row = rows.row(index);
  if (row.kind === 'divider') {
    return (
      // biome-ignore lint/a11y/useSemanticElements: the divider carries a label (the gap it marks), which <hr> cannot hold
      <div className="hex-divider" style={{ height }} role="separator">
        {row.label}
      </div>
    );
  }
  const cells = COLUMNS.map((column) => {
    const offset = row.start + column;
    if (offset < row.first || offset >= row.end)
      return { offset: null, value: undefined, classes: 'hex-cell hex-cell--empty' };
    const value = bytes.byteAt(offset);
    const highlight = highlightAt(highlights, offset);
    const state =
      value === undefined
        ? ' hex-cell--loading'
        : value === null
          ? ' hex-cell--unreadable'
          : value === 0
            ? ' hex-cell--zero'
            : '';
    return {
      offset,
      value,
      classes: `hex-cell hex-cell--${inspector.role(offset)}${state}${highlight ? ` hex-cell--${highlight}` : ''}`,
    };
  });
  return (
    <div className="hex-row" style={{ height }}>
      <span className="hex-row__address">
        {row.physical ? formatHex(row.label).padStart(12, ' ') : `+${formatHex(row.label)}`.padStart(12, ' ')}
      </span>
      <span className="hex-row__bytes">
        {cells.map((cell, column) => (
          <span key={column} className={cell.classes} data-o={cell.offset ?? undefined}>
            {cell.offset === null
              ? '  '
              : cell.value === undefined
                ? '··'
                : cell.value === null
                  ? '??'
                  : cell.value.toString(16).padStart(2, '0')}
          </span>
        ))}
      </span>
      <span className="hex-row__ascii">
        {cells.map((cell, column) => (
          <span key={column} className={cell.classes} data-o={cell.offset ?? undefined}>
            {cell.offset === null || typeof cell.value !== 'number' ? ' ' : printable(cell.value)}
          </span>
        ))}
      </span>
    </div>
  );
});

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}
