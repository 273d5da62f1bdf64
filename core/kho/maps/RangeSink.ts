/** Anything that takes preserved ranges [start, end) one at a time (scanBitmap's output). */
export interface RangeSink {
  /** Adds [start, end) (start < end). */
  add(start: number, end: number): void;
}
