import { describe, expect, it } from 'vitest';
import { readCorpus } from './corpusFiles';
import { runTarget } from './runTarget';

/**
 * Every reproducer the fuzzer kept (fuzz/corpus/) is run again: a fixed one
 * must now be accepted or refused with a project error, never crash, break
 * a promise or hang (the test timeout). An open one is skipped, naming why.
 */
describe('fuzz corpus', () => {
  const corpus = readCorpus();
  it('has reproducers', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });
  for (const entry of corpus) {
    const title = `${entry.name} (${entry.found.kind} when found: ${entry.what})`;
    if (entry.status === 'open') {
      it.skip(`${title}: open, ${entry.openReason ?? 'no reason given'}`, () => {});
      continue;
    }
    it(title, async () => {
      const outcome = await runTarget({ bytes: entry.bytes, target: entry.target, base: entry.base, what: entry.what });
      expect(['ok', 'refused', 'slow'], `${outcome.kind}: ${outcome.message}`).toContain(outcome.kind);
    });
  }
});
