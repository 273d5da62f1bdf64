import type { Outcome } from './runTarget';

/** Parent to child: make and run input `index` of `family` under `seed`. */
export interface ChildRequest {
  id: number;
  family: string;
  seed: number;
  index: number;
}

/** Child to parent: how it went. */
export interface ChildReply {
  id: number;
  outcome: Outcome;
  what: string;
  size: number;
  /** The child's resident set after the input, in bytes. */
  rss: number;
}
