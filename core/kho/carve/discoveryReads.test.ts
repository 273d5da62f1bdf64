import { describe, expect, it } from 'vitest';
import type { PhysicalMemory, PhysRange } from '../../mem/PhysicalMemory';
import { SparseMemory } from '../../mem/SparseMemory';
import { fdtBlob } from '../discover/testing/khoTestImage';
import { RangeAccumulator } from '../maps/RangeAccumulator';
import { addDiscoveryReads } from './discoveryReads';

const PAGE = 4096;
const GiB = 2 ** 30;
/** Pages the image stores: the rest of its 1 GiB of RAM is declared only (like an ELF `p_memsz` tail). */
const STORED_PAGES = 4;

/** 1 GiB of RAM storing only its first pages, one of them an FDT; counts the reads made of it. */
class DeclaredMemory implements PhysicalMemory {
  readonly kind = 'test';
  readonly pageSize = PAGE;
  readonly ranges = [{ start: 0, end: GiB }];
  readonly inner = new SparseMemory(PAGE, [{ start: 0, end: GiB }]);
  reads = 0;

  constructor(readonly declaresStoredRuns: boolean) {
    this.inner.write(PAGE, fdtBlob('not-kho'));
    if (declaresStoredRuns) this.storedRuns = this.stored;
  }

  storedRuns?: (within: PhysRange) => AsyncIterable<PhysRange>;

  private async *stored(within: PhysRange): AsyncIterable<PhysRange> {
    const end = Math.min(within.end, STORED_PAGES * PAGE);
    if (within.start < end) yield { start: within.start, end };
  }

  contains(address: number, length: number): boolean {
    return this.inner.contains(address, length);
  }

  read(address: number, length: number): Promise<Uint8Array> {
    this.reads++;
    return this.inner.read(address, length);
  }
}

/** Carve's discovery replay from the FDT, over a kept range that covers all of RAM (what a lying `blob-size` keeps). */
async function replay(memory: DeclaredMemory): Promise<RangeAccumulator> {
  const kept = new RangeAccumulator();
  kept.add(0, GiB);
  await addDiscoveryReads(memory, kept, [PAGE], { pageSize: PAGE });
  return kept;
}

describe('addDiscoveryReads', () => {
  it('judges only page starts the image stores: kept zero-fill cannot hold a magic and is never read', async () => {
    const memory = new DeclaredMemory(true);
    await replay(memory);
    // One head read per stored page start, plus the FDT's own validation reads.
    expect(memory.reads).toBeGreaterThanOrEqual(STORED_PAGES);
    expect(memory.reads).toBeLessThan(STORED_PAGES + 16);
  });

  it('judges every page start of a memory that cannot say what it stores', async () => {
    const memory = new DeclaredMemory(false);
    await replay(memory);
    expect(memory.reads).toBeGreaterThanOrEqual(GiB / PAGE);
  });
});
