import type { Outcome } from './runTarget';

/** Parent to worker: make and run input `index` of `family` under `seed`. */
export interface WorkerRequest {
  id: number;
  family: string;
  seed: number;
  index: number;
}

/** Worker to parent: how it went, and what it cost in heap. */
export interface WorkerReply {
  id: number;
  outcome: Outcome;
  what: string;
  size: number;
  /**
   * The worker heap's growth over the input (used bytes after it minus
   * before, no collection forced in between): what the input kept live or
   * left for the collector, a lower bound of its peak.
   */
  heapGrowth: number;
  /** The worker isolate's whole heap right after the input (it only grows for what is needed). */
  heapTotal: number;
}
