import { describe, expect, it } from 'vitest';
import { CONTAINER_KINDS } from '../mem/testing/NodeContainerImages';
import { openDemoAs } from './testing/NodeDemoImages';
import { assertRandomEditSequences } from './testing/randomEditSequence';

/**
 * The edit invariants of editInvariants.property.test.ts (untouched pages
 * identical, the re-opened export decodes to the edited tree, no new
 * diagnostics) in every container the reader opens: ELF32/ELF64 in either
 * byte order, raw, kdump with each page compression, and both flattened
 * forms. The demos chosen carry a page list spread over pages that are not
 * contiguous (seed-example), an anchor chain (anchored-root) and a radix map
 * with blobs, LUO and vmalloc areas (kho-v4).
 */
const DEMOS = ['seed-example', 'anchored-root', 'kho-v4'] as const;

describe('edit invariants in every container', () => {
  for (const container of CONTAINER_KINDS) {
    for (const id of DEMOS) {
      it(`${id} as ${container}`, async () => {
        const demo = await openDemoAs(id, container);
        expect(demo.graph.roots.length).toBeGreaterThan(0);
        const planned = await assertRandomEditSequences(demo, {
          numRuns: 4,
          seed: 20261207 + CONTAINER_KINDS.indexOf(container) * 8 + DEMOS.indexOf(id),
        });
        expect(planned).toBeGreaterThan(1);
      });
    }
  }
});
