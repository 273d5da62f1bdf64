import { describe, expect, it } from 'vitest';
import { readCorpus } from './corpusFiles';
import { runTarget } from './runTarget';

/**
 * Every reproducer the fuzzer kept (fuzz/corpus/) is run again: it must be
 * accepted or refused with a project error, never crash, break a promise or
 * hang (the test timeout). Nothing is skipped: an entry still `open` fails,
 * naming why it is open, until its defect is fixed.
 */
describe('fuzz corpus', () => {
  const corpus = readCorpus();
  it('has reproducers', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });
  for (const entry of corpus) {
    it(`${entry.name} (${entry.found.kind} when found: ${entry.what})`, async () => {
      const outcome = await runTarget({
        bytes: entry.bytes,
        target: entry.target,
        base: entry.base,
        files: entry.files,
        what: entry.what,
      });
      expect(['ok', 'refused', 'slow'], `${outcome.kind}: ${outcome.message}`).toContain(outcome.kind);
      expect(entry.status, `still open: ${entry.openReason ?? 'no reason given'}`).toBe('fixed');
    });
  }
});
