import type { LoadProgress } from '../model/LoadProgress';

/** Least time between two progress messages: enough for a smooth bar, few enough not to flood the page. */
const INTERVAL_MS = 80;

/**
 * Collects progress from the scan and the decode and passes it on at most
 * every 80 ms (stage changes always), so a scan reporting after every chunk
 * cannot flood the page with messages.
 */
export class ProgressReporter {
  private state: LoadProgress = {
    stage: 'opening',
    bytesScanned: 0,
    totalBytes: 0,
    phase: '',
    fragments: 0,
    links: 0,
    bytesRead: 0,
  };
  private last = 0;

  constructor(
    private readonly send: (progress: LoadProgress) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Merges `update` into the current progress and sends it when due. */
  report(update: Partial<LoadProgress>): void {
    const stageChanged = update.stage !== undefined && update.stage !== this.state.stage;
    this.state = { ...this.state, ...update };
    const time = this.now();
    if (!stageChanged && time - this.last < INTERVAL_MS) return;
    this.last = time;
    this.send(this.state);
  }
}
