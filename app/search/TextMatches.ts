/**
 * The search entries the last plain-text query matched, so that the next
 * query, when it contains that text (typing on: `us` → `user` → `user9`),
 * looks only at those entries: anything holding the longer text holds the
 * shorter one. Each key typed then narrows what the previous one found
 * instead of scanning every entry of a 10,000-fragment graph again.
 */
export class TextMatches {
  private text = '';
  private matches: readonly number[] | null = null;

  /** Entry indexes worth looking at for `text`, in order; null when every entry must be. */
  candidates(text: string): readonly number[] | null {
    return this.matches !== null && text.includes(this.text) ? this.matches : null;
  }

  /** Records every entry (not only the results listed) that `text` matched. */
  remember(text: string, matches: readonly number[]): void {
    this.text = text;
    this.matches = matches;
  }

  /** Forgets the last query (a number query matches by value too, so it cannot be narrowed from). */
  forget(): void {
    this.matches = null;
  }
}
