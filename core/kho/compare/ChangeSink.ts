import type { Change, ChangeKind, ChangeLevel, ComparedValue } from './GraphComparison';

/** The fragment pair a sink is filling: its tree path and the ids on each side. */
export interface PairPlace {
  path: string;
  fragmentA: string | null;
  fragmentB: string | null;
}

/** Where inside a fragment a change is and what it says. */
export interface ChangeDetails {
  kind: ChangeKind;
  level: ChangeLevel;
  node?: string | null;
  name?: string | null;
  before?: ComparedValue | null;
  after?: ComparedValue | null;
  summary: string;
}

/**
 * Collects the changes of a comparison, at most `limit` of them (a hostile
 * or huge pair of trees must not make an unbounded list); counts every
 * change, kept or not.
 */
export class ChangeSink {
  readonly changes: Change[] = [];
  readonly counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  /** Changes found past the limit (counted, not kept). */
  dropped = 0;

  constructor(private readonly limit: number) {}

  /** Records one change of the fragment pair at `place`. */
  add(place: PairPlace, details: ChangeDetails): void {
    this.counts[details.kind]++;
    if (this.changes.length >= this.limit) {
      this.dropped++;
      return;
    }
    this.changes.push({
      kind: details.kind,
      level: details.level,
      path: place.path,
      fragmentA: place.fragmentA,
      fragmentB: place.fragmentB,
      node: details.node ?? null,
      name: details.name ?? null,
      before: details.before ?? null,
      after: details.after ?? null,
      summary: details.summary,
    });
  }

  /** Changes recorded so far (kept or dropped), to tell whether a step found any. */
  get total(): number {
    return this.counts.added + this.counts.removed + this.counts.changed + this.counts.moved;
  }
}
