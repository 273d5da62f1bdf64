/** One keyboard shortcut as the help overlay lists it. */
export interface Shortcut {
  keys: string[];
  does: string;
}

/** Every page-wide shortcut (handled by `useGlobalShortcuts`), plus the outline's own keys, for the help overlay. */
export const SHORTCUTS: readonly { group: string; shortcuts: readonly Shortcut[] }[] = [
  {
    group: 'Anywhere',
    shortcuts: [
      { keys: ['/'], does: 'focus the search box' },
      { keys: ['g'], does: 'graph view' },
      { keys: ['h'], does: 'hex view' },
      { keys: ['m'], does: 'memory map' },
      { keys: ['s'], does: 'DTS source of every fragment' },
      { keys: ['c'], does: 'compare with another root or image' },
      { keys: ['p'], does: 'show or hide the diagnostics panel' },
      { keys: ['Backspace'], does: 'back to the previous selection' },
      { keys: ['t'], does: 'switch between light and dark' },
      { keys: ['?'], does: 'this help' },
      { keys: ['Esc'], does: 'close overlays and the search results' },
    ],
  },
  {
    group: 'Outline',
    shortcuts: [
      { keys: ['↑', '↓'], does: 'move (the selection follows)' },
      { keys: ['→', '←'], does: 'open or close a row, step in or out' },
      { keys: ['Home', 'End'], does: 'first or last row' },
      { keys: ['Enter'], does: 'follow the link of a pointer row' },
    ],
  },
  {
    group: 'Search box',
    shortcuts: [
      { keys: ['Enter'], does: 'select the highlighted result, then the next one' },
      { keys: ['Shift', 'Enter'], does: 'the previous result' },
      { keys: ['↑', '↓'], does: 'move through the results' },
    ],
  },
];
