import type { MemoryItemKind } from './MemoryItem';

/** Canvas colours of the memory map, read from memmap.css's variables (both themes). */
export interface MapColors {
  background: string;
  text: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
  hole: string;
  outside: string;
  kind: Record<MemoryItemKind, string>;
  fragment(hue: number): string;
}

/** Reads the colours from `element`'s computed style; call again after a theme change. */
export function readMapColors(element: Element): MapColors {
  const style = getComputedStyle(element);
  const value = (name: string) => style.getPropertyValue(name).trim();
  const saturation = value('--memmap-fragment-s');
  const lightness = value('--memmap-fragment-l');
  return {
    background: value('--surface'),
    text: value('--text'),
    muted: value('--text-muted'),
    grid: value('--border'),
    accent: value('--accent'),
    accentSoft: value('--memmap-selection'),
    hole: value('--memmap-hole'),
    outside: value('--memmap-outside'),
    kind: {
      ram: value('--memmap-ram'),
      hole: value('--memmap-hole'),
      fragment: value('--memmap-ram'),
      unread: value('--danger'),
      preserved: value('--memmap-preserved'),
      'map-page': value('--memmap-map-page'),
      structure: value('--memmap-structure'),
      data: value('--memmap-data'),
      'reserve-mem': value('--memmap-reserve'),
      scratch: value('--memmap-scratch'),
    },
    fragment: (hue) => `hsl(${hue} ${saturation} ${lightness})`,
  };
}
