import { describe, expect, it } from 'vitest';
import { NodeZlibInflater } from '../compression/NodeZlibInflater';
import type { KdumpImage } from '../OpenedImage';
import { openImage } from '../openImage';
import { BytesSource } from '../sources/BytesSource';
import { CountingSource } from '../sources/CountingSource';
import { encodeElfNotes } from '../export/elfNoteEncoding';
import { compareBytes } from '../testing/sameBytes';
import { buildKdump, flattenStream, type KdumpSpec, type TestCompression } from '../testing/NodeKdumpBuilder';

const PAGE = 4096;
const pageOf = (pfn: number) =>
  Uint8Array.from({ length: PAGE }, (_, i) => (i < 64 ? (pfn >> (i % 4)) & 0xff : (i * 3 + pfn) % 251));
const codecs: TestCompression[] = ['zlib', 'lzo', 'snappy', 'none'];

/** RAM: [0, 0xa0) [0xc0, 0x400) [0xf00, 0x1000); pages dumped with rotating codecs; every 5th RAM page excluded. */
function smallSpec(overrides: Partial<KdumpSpec> = {}): KdumpSpec {
  const ram: Array<[number, number]> = [
    [0, 0xa0],
    [0xc0, 0x400],
    [0xf00, 0x1000],
  ];
  const pages: KdumpSpec['pages'] = new Map();
  let k = 0;
  for (const [start, end] of ram) {
    for (let pfn = start; pfn < end; pfn++, k++) {
      if (k % 5 !== 4) pages.set(pfn, { data: pageOf(pfn), compression: codecs[k % 4] });
    }
  }
  return {
    blockSize: PAGE,
    maxMapnr: 0x1000,
    ram,
    pages,
    vmcoreinfo: 'OSRELEASE=7.3.4\nPAGESIZE=4096\n',
    ...overrides,
  };
}

async function open(bytes: Uint8Array): Promise<KdumpImage> {
  const image = await openImage(new BytesSource(bytes, 'vmcore'), { inflater: new NodeZlibInflater() });
  if (image.kind !== 'memory' || image.container !== 'kdump') throw new Error(`expected kdump, got ${image.kind}`);
  return image;
}

async function expectSmallImage(image: KdumpImage, spec: KdumpSpec): Promise<void> {
  expect(image.memory.ranges).toEqual([
    { start: 0, end: 0xa0 * PAGE },
    { start: 0xc0 * PAGE, end: 0x400 * PAGE },
    { start: 0xf00 * PAGE, end: 0x1000 * PAGE },
  ]);
  expect(image.notes.osRelease).toBe('7.3.4');
  expect(image.pageSize).toBe(PAGE);
  for (const pfn of [0, 1, 2, 3, 4, 9, 0x9f, 0xc0, 0x123, 0x3ff, 0xf00, 0xfff]) {
    const page = spec.pages.get(pfn);
    const expected = page && 'data' in page ? page.data : new Uint8Array(PAGE);
    expect(await image.memory.read(pfn * PAGE, PAGE)).toEqual(expected);
    expect(await image.memory.pageState(pfn * PAGE + 17)).toBe(spec.pages.has(pfn) ? 'stored' : 'excluded');
  }
  // A read across pages of different codecs and an excluded page.
  const span = await image.memory.read(2 * PAGE + 100, 3 * PAGE);
  expect(span.subarray(0, PAGE - 100)).toEqual(pageOf(2).subarray(100));
  expect(span.subarray(2 * PAGE - 100, 3 * PAGE - 100)).toEqual(new Uint8Array(PAGE)); // pfn 4 is excluded
  expect(await image.memory.pageState(0xa0 * PAGE)).toBe('hole');
  await expect(image.memory.read(0x9f * PAGE, 2 * PAGE)).rejects.toThrow(/physical address 0x9f000/);
}

describe('kdump-compressed container', () => {
  for (const littleEndian of [true, false]) {
    for (const wordSize of [8, 4] as const) {
      it(`reads ${wordSize * 8}-bit ${littleEndian ? 'LE' : 'BE'} dumps with zlib, LZO, Snappy and raw pages`, async () => {
        const spec = smallSpec({ littleEndian, wordSize });
        const image = await open(buildKdump(spec));
        expect(image.kdump.wordSize).toBe(wordSize);
        expect(image.kdump.littleEndian).toBe(littleEndian);
        await expectSmallImage(image, spec);
      });
    }
  }

  it('reads header version 5 (max_mapnr from the main header) and ELF notes from the sub-header', async () => {
    const notes = encodeElfNotes([{ name: 'CORE', type: 1, desc: new Uint8Array(336) }], true);
    const spec = smallSpec({ headerVersion: 5, notes });
    const image = await open(buildKdump(spec));
    expect(image.kdump.maxMapnr).toBe(0x1000);
    expect(image.notes.entries.map((e) => e.typeName)).toEqual(['NT_PRSTATUS']);
    await expectSmallImage(image, spec);
  });

  it('falls back to the utsname release without VMCOREINFO', async () => {
    const image = await open(buildKdump(smallSpec({ vmcoreinfo: undefined, release: '6.1.0-test' })));
    expect(image.notes.osRelease).toBe('6.1.0-test');
    expect(image.notes.vmcoreinfo).toBeUndefined();
  });

  it('ranks pages across many bitmap blocks without reading the whole bitmap per read', async () => {
    // 2^21 page frames (8 GiB): bitmaps of 256 KiB each; pages spread far apart.
    const pfns = [5, 40_000, 700_000, 1_500_000, 2_097_151];
    const pages: KdumpSpec['pages'] = new Map(
      pfns.map((pfn) => [pfn, { data: pageOf(pfn), compression: 'lzo' as const }]),
    );
    const bytes = buildKdump({ blockSize: PAGE, maxMapnr: 1 << 21, ram: [[0, 1 << 21]], pages });
    const counting = new CountingSource(new BytesSource(bytes, 'big'));
    const image = await openImage(counting);
    if (image.kind !== 'memory') throw new Error('not memory');
    const afterOpen = counting.bytesRead;
    for (const pfn of [...pfns].reverse()) expect(await image.memory.read(pfn * PAGE, PAGE)).toEqual(pageOf(pfn));
    expect(await image.memory.read(1_000_000 * PAGE, 16)).toEqual(new Uint8Array(16));
    // The 2nd bitmap is 256 KiB; counting and reading 5 pages must stay well below a rescan per read.
    expect(counting.bytesRead - afterOpen).toBeLessThan(700_000);
    await expect(image.memory.pageState(700_000 * PAGE)).resolves.toBe('stored');
    await expect(image.memory.pageState(700_001 * PAGE)).resolves.toBe('excluded');
  });

  it('opens the makedumpfile flattened variant (out-of-order records, an overwritten record)', async () => {
    const spec = smallSpec();
    const file = buildKdump(spec);
    for (const options of [
      { recordBytes: 16384 },
      { recordBytes: 5000, reverse: true },
      { recordBytes: 4096, garbageFirst: { offset: 8192, length: 9000 } },
    ]) {
      const image = await open(flattenStream(file, options));
      expect(image.flattened).toBe(true);
      expect(image.content.size).toBe(file.length);
      expect(compareBytes(await image.content.read(0, file.length), file)).toBe('equal');
      await expectSmallImage(image, spec);
    }
  });

  it('reads pages with the default DecompressionStream inflater', async () => {
    const spec = smallSpec();
    const image = await openImage(new BytesSource(buildKdump(spec)));
    if (image.kind !== 'memory') throw new Error('not memory');
    expect(await image.memory.read(0, PAGE)).toEqual(pageOf(0));
  });

  it('stores only dumped pages in RAM whose descriptors the file holds: the scan skips the rest unread', async () => {
    const pages: KdumpSpec['pages'] = new Map();
    for (const pfn of [1, 2, 3, 8, 9, 0x20, 0x21]) pages.set(pfn, { data: pageOf(pfn), compression: 'none' });
    // 0x20 and 0x21 are dumped (2nd bitmap) but not in RAM (1st bitmap): reading them is refused.
    const spec = smallSpec({ ram: [[0, 0x10]], maxMapnr: 0x40, pages });
    const whole = await open(buildKdump(spec));
    const runs = async (image: KdumpImage) => {
      const found = [];
      for await (const run of image.memory.storedRuns({ start: 0, end: 0x40 * PAGE })) found.push(run);
      return found;
    };
    expect(await runs(whole)).toEqual([
      { start: 1 * PAGE, end: 4 * PAGE },
      { start: 8 * PAGE, end: 10 * PAGE },
    ]);
    // Cut inside the descriptor table, after the 4th descriptor: pages 9, 0x20 and 0x21 have none.
    const cut = buildKdump(spec).slice(0, whole.kdump.descriptorsOffset + 4 * 24 + 10);
    const truncated = await open(cut);
    expect(truncated.warnings).toContain(
      `the file ends inside the page descriptor table (at ${cut.length} bytes): it describes 4 of the 7 dumped pages, so the other 3 cannot be read (a truncated or incomplete dump)`,
    );
    expect(whole.warnings.join('\n')).not.toContain('descriptor table');
    expect(await runs(truncated)).toEqual([
      { start: 1 * PAGE, end: 4 * PAGE },
      { start: 8 * PAGE, end: 9 * PAGE },
    ]);
  });
});
