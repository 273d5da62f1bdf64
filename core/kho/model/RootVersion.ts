/**
 * A root `compatible` understood: `kho-vN`, optionally with `;`-separated
 * sub-component versions (`kho-v4;radix-v1;vmalloc-v1`, kho-format.md §0
 * row 10), and which rules decode it.
 */
export interface RootVersion {
  /** The whole compatible string. */
  compatible: string;
  /** N of `kho-vN`. */
  version: number;
  /** Sub-component versions by name (`radix` → 1). */
  components: Record<string, number>;
  /** The version whose rules are used (N itself, or 4 for an unknown newer N). */
  rules: 1 | 2 | 3 | 4;
  /** False when N is newer than any version khoscope knows. */
  known: boolean;
}
