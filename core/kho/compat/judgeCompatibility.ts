import { type CatalogueEntry, catalogueEntry, NEWEST_CATALOGUED, RELEASES, releaseNotes } from './formatCatalogue';
import type { FormatUse } from './imageFormats';

/** Whether a kernel release can take over from an image: `yes`, `no`, or `unknown` when no fact decides. */
export type Answer = 'yes' | 'no' | 'unknown';

/** One format of the image with what the catalogue knows, and the answer for the target when one is given. */
export interface CompatItem extends FormatUse {
  entry: CatalogueEntry | null;
  /** Releases that read it, in words (`6.16 to 7.0`, `none released (queued in the mm tree)`). */
  readers: string;
  answer: Answer | null;
  reason: string | null;
}

/** The report of `khoscope compat` and the explorer's panel. */
export interface CompatReport {
  items: CompatItem[];
  target: string | null;
  /** Overall answer for the target: no when any binding item is no, unknown when any is unknown, else yes. */
  answer: Answer | null;
  /** The items that decided a `no` or `unknown`, in words. */
  reasons: string[];
  /**
   * For a target newer than the catalogue: what is known, part by part
   * (formats with no change catalogued, formats whose successor is queued or
   * proposed, notes about the release, each said to be confirmed or not).
   */
  known: string[];
}

/** True when `text` is a release khoscope can place (`7.4`, `7.4-rc1`: the rc counts as its release). */
export function parseRelease(text: string): string | null {
  const match = /^([0-9]+)\.([0-9]+)(?:-rc[0-9]+)?$/.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : null;
}

/**
 * Looks every format of the image up in the catalogue and, for a `target`
 * release, answers whether that kernel reads it, with the reason. Feature
 * bits that are only supported (not required) and debugfs names do not
 * bind the next kernel: they are listed but do not change the answer.
 */
export function judgeCompatibility(uses: readonly FormatUse[], target: string | null): CompatReport {
  const items = uses.map((use): CompatItem => {
    const entry = catalogueEntry(use.id);
    const verdict = target === null ? null : answerFor(use, entry, target);
    return {
      ...use,
      entry,
      readers: readersText(entry),
      answer: verdict?.answer ?? null,
      reason: verdict?.reason ?? null,
    };
  });
  if (target === null) return { items, target, answer: null, reasons: [], known: [] };
  const binding = items.filter((item) => binds(item));
  const answer: Answer = binding.some((i) => i.answer === 'no')
    ? 'no'
    : binding.some((i) => i.answer === 'unknown')
      ? 'unknown'
      : 'yes';
  const reasons = binding
    .filter((item) => item.answer === answer && answer !== 'yes')
    .map((item) => `${item.id} (${item.where}): ${item.reason}`);
  const known = compare(target, NEWEST_CATALOGUED) > 0 ? knownAbout(target, binding) : [];
  return { items, target, answer, reasons: [...new Set(reasons)], known };
}

/**
 * What the catalogue can still say about a release newer than it: which
 * formats nothing is known to replace (most likely still read, though no
 * source for that release confirms it), which have a queued or proposed
 * successor that release may carry instead, which are not catalogued at all,
 * and what is known or claimed about the release itself.
 */
function knownAbout(target: string, binding: readonly CompatItem[]): string[] {
  const ids = (items: readonly CompatItem[]) => [...new Set(items.map((item) => item.id))].join(', ');
  const current = binding.filter((item) => item.entry?.status === 'released' && item.entry.until === null);
  const unchanged = current.filter((item) => !item.entry?.successor);
  const replaced = current.filter((item) => item.entry?.successor);
  const unknown = binding.filter((item) => !item.entry);
  const lines: string[] = [];
  if (unchanged.length > 0)
    lines.push(
      `no change catalogued (most likely still read by ${target}; not confirmed, no ${target} source catalogued): ${ids(unchanged)}`,
    );
  for (const item of new Map(replaced.map((i) => [i.id, i])).values()) {
    const next = catalogueEntry(item.entry?.successor as string);
    const state = next?.status === 'queued' ? 'queued in the mm tree' : 'proposed (RFC or patches)';
    lines.push(
      `successor ${state}, ${target} may read that instead (unknown): ${item.id} -> ${next?.id} (${next?.what})`,
    );
  }
  if (unknown.length > 0) lines.push(`not catalogued at all (unknown): ${ids(unknown)}`);
  for (const note of releaseNotes(target))
    lines.push(`${note.confirmed ? 'confirmed' : 'not confirmed'}: ${note.text} (${note.source})`);
  return lines;
}

/** Whether an item's answer counts towards the overall one. */
function binds(item: CompatItem): boolean {
  if (item.entry?.kind === 'debugfs') return false;
  if (item.required === false) return false;
  return true;
}

function answerFor(use: FormatUse, entry: CatalogueEntry | null, target: string): { answer: Answer; reason: string } {
  if (!entry) return { answer: 'unknown', reason: `khoscope has no facts about "${use.id}"` };
  const known = compare(target, NEWEST_CATALOGUED) <= 0;
  if (entry.status !== 'released') {
    const state = entry.status === 'queued' ? 'queued in the mm tree' : 'only proposed (RFC or patches)';
    return known
      ? { answer: 'no', reason: `${state}: no release up to ${NEWEST_CATALOGUED} reads it` }
      : { answer: 'unknown', reason: `${state}; whether ${target} carries it is not known` };
  }
  const since = entry.since as string;
  if (compare(target, since) < 0) return { answer: 'no', reason: `first read by ${since}` };
  if (entry.until !== null && compare(target, entry.until) > 0)
    return { answer: 'no', reason: `last read by ${entry.until}` };
  if (entry.until === null && !known) {
    const next = entry.successor ? catalogueEntry(entry.successor) : null;
    return {
      answer: 'unknown',
      reason: next
        ? `read by ${range(since, NEWEST_CATALOGUED)}; its successor ${next.id} is ${next.status === 'queued' ? 'queued in the mm tree' : 'proposed'}, and whether ${target} reads ${entry.id} or ${next.id} is not known`
        : `read by ${range(since, NEWEST_CATALOGUED)}; no change to it is catalogued, but no ${target} source confirms it is still read`,
    };
  }
  return { answer: 'yes', reason: `read by ${readersText(entry)}` };
}

function readersText(entry: CatalogueEntry | null): string {
  if (!entry) return 'not catalogued';
  if (entry.status === 'queued') return 'none released (queued in the mm tree)';
  if (entry.status === 'proposed') return 'none released (proposed)';
  if (entry.until !== null) return range(entry.since as string, entry.until);
  return `${range(entry.since as string, NEWEST_CATALOGUED)} (newest catalogued)`;
}

/** `6.16 to 7.0`, or one release when both ends are the same. */
function range(since: string, until: string): string {
  return since === until ? since : `${since} to ${until}`;
}

/** Orders two `M.N` releases. */
function compare(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The releases khoscope has facts about, for help texts. */
export const KNOWN_RELEASES: readonly string[] = RELEASES;
