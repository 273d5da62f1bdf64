/**
 * Sizes of a card in world pixels. Cards are laid out from these numbers,
 * not measured in the DOM, so the layout of 10,000 cards is computed before
 * any of them is rendered and stays the same whichever cards are on screen.
 * graph.css uses the same values (card width, row and line heights).
 */
export const CARD = {
  width: 300,
  paddingX: 10,
  paddingTop: 8,
  paddingBottom: 8,
  titleHeight: 20,
  metaHeight: 18,
  sectionGap: 6,
  chipLineHeight: 22,
  /** Chip lines a card shows before the remaining pages become a `+N pages` chip. */
  maxChipLines: 2,
  propertyHeight: 17,
  /** Key properties (and the user summary) a card shows. */
  maxProperties: 3,
  rowHeight: 20,
  /** Node or field rows a card shows before the rest become `… N more`; rows owning links are always shown. */
  maxRows: 12,
} as const;

/** Width of one character of the 11 px monospace font chips use (close enough for packing). */
const CHIP_CHAR_WIDTH = 6.7;
/** Chip padding and border (both sides) plus the space after it. */
const CHIP_EXTRA_WIDTH = 16;

/** Estimated width of a chip with this label, space after it included. */
export function chipWidth(label: string): number {
  return Math.ceil(label.length * CHIP_CHAR_WIDTH) + CHIP_EXTRA_WIDTH;
}

/** Width available to the chips of one line. */
export const CHIP_LINE_WIDTH = CARD.width - 2 * CARD.paddingX;

/** Spacing of the tree layout: one column per depth, cards at least `gap` apart vertically. */
export const LAYOUT = {
  /** Horizontal room between a card and the next column, where edge labels go. */
  columnGap: 190,
  gap: 22,
} as const;

/** Distance between the left edges of two neighbouring columns. */
export const COLUMN_STEP = CARD.width + LAYOUT.columnGap;

/** Vertical position (relative to the card) where edges arrive: the middle of the title line. */
export const EDGE_ARRIVAL_Y = CARD.paddingTop + CARD.titleHeight / 2;
