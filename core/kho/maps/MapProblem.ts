/**
 * One thing wrong with a preserved-memory map, found while decoding it: where
 * (a physical address), in which structure, and why in plain words. Decoding
 * goes on past problems wherever the rest of the map still makes sense.
 */
export interface MapProblem {
  /** Physical address of the page, entry or block the problem is at. */
  address: number;
  /** The structure being read (`radix node`, `chunk page`, `bitmap`, `preserved block`, ...). */
  structure: string;
  /** Plain-words description. */
  message: string;
}

/**
 * Collects problems up to a bound, counting the rest, so that a map that is
 * wrong everywhere cannot grow the list without limit.
 */
export class ProblemLog {
  readonly problems: MapProblem[] = [];
  /** Problems found after the bound was reached (counted, not kept). */
  dropped = 0;

  constructor(private readonly limit: number) {}

  /** Records one problem (or counts it when the bound is reached). */
  add(address: number, structure: string, message: string): void {
    if (this.problems.length < this.limit) this.problems.push({ address, structure, message });
    else this.dropped++;
  }
}
