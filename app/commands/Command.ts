/**
 * One action of the explorer, as the command palette, the keyboard, the help
 * overlay, tours and e2e tests know it. The id is stable (tours and tests
 * name commands by it; docs/app.md lists them): rename the title freely,
 * never the id.
 */
export interface Command {
  /** Stable, dotted, lower case: `view.graph`, `tour.start.kho-v4`, `edit.undo`. */
  id: string;
  /** What the palette shows: an imperative phrase ("Show the hex view"). */
  title: string;
  /** Palette and help heading it belongs to ("View", "Tours", "Edit"). */
  group: string;
  /**
   * Keyboard shortcuts that run it anywhere on the page (outside text
   * fields), as `KeyBinding` strings: `g`, `?`, `Backspace`, `Ctrl+K`,
   * `Ctrl+Shift+P`. The first is shown next to the title.
   */
  keys?: readonly string[];
  /** Extra words the palette filter matches (synonyms a user might type). */
  keywords?: string;
  /** Why it cannot run right now ("Open an image first"), or null when it can. Missing: always runs. */
  unavailable?(): string | null;
  /**
   * Does the action. Returning `false` says it did nothing (Backspace with
   * no history), so the key press is left to the page.
   */
  run(): void | boolean | Promise<void>;
}
