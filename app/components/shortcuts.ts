/** One keyboard shortcut as the help overlay lists it. */
export interface Shortcut {
  keys: string[];
  does: string;
}

/**
 * Keys that belong to one part of the page (the outline, the search box,
 * the focused graph, a running tour) rather than to a command; the
 * page-wide keys are the registered commands' own (`Command.keys`).
 */
export const LOCAL_SHORTCUTS: readonly { group: string; shortcuts: readonly Shortcut[] }[] = [
  {
    group: 'Editing',
    shortcuts: [
      { keys: ['Ctrl', 'Z'], does: 'undo the last edit' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'redo (also Ctrl+Y)' },
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
  {
    group: 'Graph (focused)',
    shortcuts: [
      { keys: ['+', '−'], does: 'zoom in or out' },
      { keys: ['0'], does: 'fit the neighbourhood of the selection' },
      { keys: ['↑', '↓', '←', '→'], does: 'pan' },
    ],
  },
  {
    group: 'Anywhere',
    shortcuts: [{ keys: ['Esc'], does: 'close overlays and the search results' }],
  },
];
