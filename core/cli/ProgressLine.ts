/** Where a progress line goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Fewest milliseconds between two redraws: a terminal need not be repainted for every page. */
const REDRAW_MS = 100;

/**
 * One line of progress on stderr for a long command (a scan of a big image,
 * carve, edit), redrawn in place. It is drawn only when stderr is a terminal:
 * in a pipe or a log file it stays silent, so output for scripts is clean.
 */
export class ProgressLine {
  private shown = false;
  private lastDraw = 0;

  /** A progress line on `stream` (stderr by default); inert unless the stream is a terminal. */
  constructor(private readonly stream: ProgressStream = process.stderr) {}

  /** Whether anything is drawn at all. */
  get active(): boolean {
    return this.stream.isTTY === true;
  }

  /** Replaces the line with `text` (skipped when the last redraw was under 100 ms ago, unless `force`). */
  update(text: string, force = false): void {
    if (!this.active) return;
    const now = Date.now();
    if (!force && this.shown && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.shown = true;
    // \r to the line start, ESC[K to clear what a longer earlier text left.
    this.stream.write(`\r\x1b[K${text}`);
  }

  /** Clears the line, so what the command prints next starts on a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stream.write('\r\x1b[K');
  }
}
