import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, openDemo, type OpenDemo } from './testing/NodeDemoImages';
import { assertRandomEditSequences } from './testing/randomEditSequence';

describe('edit invariants over random edit sequences on every demo', () => {
  const demos = new Map<string, OpenDemo>();
  beforeAll(async () => {
    for (const id of DEMO_IDS) demos.set(id, await openDemo(id));
  });

  for (const id of DEMO_IDS) {
    it(`${id}: untouched pages stay, the export decodes to the edited tree, no new diagnostics; every inverse undoes`, async () => {
      const planned = await assertRandomEditSequences(demos.get(id)!, {
        numRuns: 12,
        seed: 20260601 + DEMO_IDS.indexOf(id),
      });
      expect(planned).toBeGreaterThan(6);
    });
  }
});
