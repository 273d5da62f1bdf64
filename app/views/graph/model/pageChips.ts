import type { FragmentLocation } from '../../../../core/kho';
import { formatHex } from '../../../format/formatHex';
import { formatSize } from '../../../format/formatSize';

/**
 * One chip of a card's page row: a page, a marker between two listed pages
 * that are not adjacent (so a non-contiguous page list is obvious at a
 * glance), or the count of pages that did not fit.
 */
export type PageChip =
  | { kind: 'page'; address: number; index: number }
  /** `forward`: the list skips `bytes` after the previous page; `back`: the next page lies before where the previous one ended. */
  | { kind: 'gap'; direction: 'forward' | 'back'; bytes: number; pageSize: number }
  | { kind: 'more'; pages: number };

/** Gap markers name pages up to this many, and a size above it (a 2^30-page gap reads better as "4 TiB"). */
const MAX_COUNTED_PAGES = 9999;

/**
 * The chips of a page list in list order: one per page, with a gap marker
 * wherever a page does not start where the previous one ended.
 */
export function pageChipSequence(pages: readonly number[], pageSize: number): PageChip[] {
  const chips: PageChip[] = [];
  pages.forEach((address, index) => {
    if (index > 0) {
      const expected = pages[index - 1] + pageSize;
      if (address > expected) chips.push({ kind: 'gap', direction: 'forward', bytes: address - expected, pageSize });
      else if (address < expected) chips.push({ kind: 'gap', direction: 'back', bytes: expected - address, pageSize });
    }
    chips.push({ kind: 'page', address, index });
  });
  return chips;
}

/**
 * The pages a location covers, at most `limit` of them (enough to fill a
 * card's chip lines), and how many there are in all. A contiguous range
 * covers every page it touches; a file covers none.
 */
export function locationPages(
  location: FragmentLocation,
  pageSize: number,
  limit: number,
): { pages: number[]; total: number } {
  switch (location.kind) {
    case 'pages':
      return { pages: location.pages.slice(0, limit), total: location.pages.length };
    case 'contiguous': {
      const first = Math.floor(location.address / pageSize);
      const end = Math.max(first + 1, Math.ceil((location.address + location.length) / pageSize));
      const pages: number[] = [];
      for (let page = first; page < end && pages.length < limit; page++) pages.push(page * pageSize);
      return { pages, total: end - first };
    }
    case 'file':
      return { pages: [], total: 0 };
  }
}

/** The text of a chip: the page address, `gap 1 pg`, `back 3 pg`, `gap 4.0 GiB`, `+12 pages`. */
export function chipLabel(chip: PageChip): string {
  switch (chip.kind) {
    case 'page':
      return formatHex(chip.address);
    case 'gap': {
      const pages = chip.bytes / chip.pageSize;
      const amount = Number.isInteger(pages) && pages <= MAX_COUNTED_PAGES ? `${pages} pg` : formatSize(chip.bytes);
      return `${chip.direction === 'forward' ? 'gap' : 'back'} ${amount}`;
    }
    case 'more':
      return `+${chip.pages} ${chip.pages === 1 ? 'page' : 'pages'}`;
  }
}

/** A longer explanation of a chip, for its tooltip. */
export function chipTitle(chip: PageChip, previous: number | undefined): string {
  switch (chip.kind) {
    case 'page':
      return `page ${chip.index + 1} of the list at ${formatHex(chip.address)}`;
    case 'gap': {
      const from = previous === undefined ? '' : ` after page ${formatHex(previous)}`;
      return chip.direction === 'forward'
        ? `not contiguous: the list skips ${formatSize(chip.bytes)}${from}`
        : `not in ascending order: the next page lies ${formatSize(chip.bytes)} before the end of the previous one${from}`;
    }
    case 'more':
      return `${chip.pages} more ${chip.pages === 1 ? 'page' : 'pages'} not shown on the card`;
  }
}

/**
 * Packs chips into at most `maxLines` lines of `lineWidth` pixels, chip
 * widths given by `widthOf` (including the space after each chip). When the
 * chips do not fit, the last line ends with a `more` chip counting every
 * page left out (of `totalPages`, which may exceed the chips given).
 */
export function packChipLines(
  chips: readonly PageChip[],
  totalPages: number,
  lineWidth: number,
  maxLines: number,
  widthOf: (chip: PageChip) => number,
): PageChip[][] {
  const lines: PageChip[][] = [];
  let line: PageChip[] = [];
  let used = 0;
  let shownPages = 0;
  for (const chip of chips) {
    const width = widthOf(chip);
    if (used + width > lineWidth && line.length > 0) {
      lines.push(line);
      if (lines.length === maxLines) break;
      line = [];
      used = 0;
    }
    line.push(chip);
    used += width;
    if (chip.kind === 'page') shownPages++;
  }
  if (lines.length < maxLines && line.length > 0) lines.push(line);
  if (shownPages === totalPages || lines.length === 0) return lines;
  // Not everything fits: make room for the count on the last line.
  const last = lines[lines.length - 1];
  const more = (): PageChip => ({ kind: 'more', pages: totalPages - shownPages });
  let lastWidth = last.reduce((sum, chip) => sum + widthOf(chip), 0);
  while (last.length > 0 && lastWidth + widthOf(more()) > lineWidth) {
    const dropped = last.pop()!;
    lastWidth -= widthOf(dropped);
    if (dropped.kind === 'page') shownPages--;
  }
  // A gap marker at the end would point at nothing.
  while (last.length > 0 && last[last.length - 1].kind === 'gap') last.pop();
  last.push(more());
  return lines;
}
