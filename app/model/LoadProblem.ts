/**
 * Why an image could not be opened, in words for the person who opened it:
 * what is wrong, where, and what to try instead.
 */
export interface LoadProblem {
  /** One sentence: what went wrong (`This ELF core is damaged.`). */
  headline: string;
  /** The reader's plain-words reason. */
  reason: string;
  /** Where the problem is (`file offset 0x40 in the ELF program header 3`), when known. */
  where: string | null;
  /** What to try next. */
  hint: string;
  /** The first bytes of the file in hex, so one can see what it is ('' when not read). */
  firstBytes: string;
}
