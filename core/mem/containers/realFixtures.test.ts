import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeZlibInflater } from '../compression/NodeZlibInflater';
import type { MemoryImage } from '../OpenedImage';
import { openImage } from '../openImage';
import { exportImage } from '../export/exportImage';
import { writeExportPlan } from '../export/NodeExportWriter';
import { CountingSource } from '../sources/CountingSource';
import { NodeFileSource } from '../sources/NodeFileSource';
import { LINUX_FIXTURES, linuxFixturesPresent, unpackedLinuxFixture } from '../testing/NodeSharedFixtures';
import { compareBytes } from '../testing/sameBytes';

const present = linuxFixturesPresent('core/mem/containers/realFixtures.test.ts (real-kernel container tests)');
const KHO_PAGES = [0x23a000, 0x239000, 0x1847000, 0x1844000, 0x1845000, 0x528000, 0x242000];
const RAM = [
  { start: 0, end: 0xa0000 },
  { start: 0xc0000, end: 0x20000000 },
  { start: 0xfd000000, end: 0xfe000000 },
  { start: 0xfffc0000, end: 0x100000000 },
];

describe.runIf(present)('real Linux 7.3.4 images (QEMU ELF core and flattened kdump-zlib)', () => {
  let elfFile: NodeFileSource;
  let kdumpFile: NodeFileSource;
  let kdumpCounting: CountingSource;
  let elf: MemoryImage;
  let kdump: MemoryImage;

  beforeAll(async () => {
    elfFile = await NodeFileSource.open(await unpackedLinuxFixture('pre-kexec.elf'), 'pre-kexec.elf');
    kdumpFile = await NodeFileSource.open(join(LINUX_FIXTURES, 'pre-kexec.kdump'));
    kdumpCounting = new CountingSource(kdumpFile);
    const a = await openImage(elfFile);
    const b = await openImage(kdumpCounting, { inflater: new NodeZlibInflater() });
    if (a.kind !== 'memory' || b.kind !== 'memory') throw new Error('fixtures did not open as memory images');
    elf = a;
    kdump = b;
  });

  afterAll(async () => {
    await elfFile?.close();
    await kdumpFile?.close();
  });

  it('detects the containers and reads VMCOREINFO', () => {
    expect(elf.container).toBe('elf');
    expect(kdump.container).toBe('kdump');
    expect(kdump.container === 'kdump' && kdump.flattened).toBe(true);
    for (const image of [elf, kdump]) {
      expect(image.notes.osRelease).toBe('7.3.4');
      expect(image.notes.vmcoreinfo?.get('PAGESIZE')).toBe('4096');
      expect(image.pageSize).toBe(4096);
      expect(image.warnings).toEqual([]);
    }
    expect(elf.notes.hasQemuNote).toBe(true);
    expect(elf.notes.entries.map((e) => e.name)).toEqual(['CORE', 'QEMU', 'VMCOREINFO']);
  });

  it('has the RAM ranges the README lists, in both forms', () => {
    expect(elf.memory.ranges).toEqual(RAM);
    expect(kdump.memory.ranges).toEqual(RAM);
  });

  it('reads identical bytes at the KHO pages and the root page holds an FDT', async () => {
    for (const address of KHO_PAGES) {
      expect(
        compareBytes(await kdump.memory.read(address, 4096), await elf.memory.read(address, 4096)),
        `page 0x${address.toString(16)}`,
      ).toBe('equal');
    }
    const root = await elf.memory.read(0x23a000, 8);
    expect([...root.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe('d00dfeed');
  });

  it('reads identical bytes at a sample of other pages, including multi-page reads', async () => {
    const samples = [
      0, 0x9f000, 0xc0000, 0x100000, 0x1000000, 0x1ee00000, 0x1f000000, 0x1ffff000, 0xfd000000, 0xfdfff000, 0xfffc0000,
      0xffff0000,
    ];
    for (let k = 0; k < 40; k++) {
      const offset = (k * 0x7654321) % 0x1fe00000;
      samples.push(0x100000 + offset - (offset % 4096));
    }
    for (const address of samples) {
      expect(
        compareBytes(await kdump.memory.read(address, 4096), await elf.memory.read(address, 4096)),
        `page 0x${address.toString(16)}`,
      ).toBe('equal');
    }
    expect(compareBytes(await kdump.memory.read(0x238800, 0x5000), await elf.memory.read(0x238800, 0x5000))).toBe(
      'equal',
    );
  });

  it('exports the kdump as ELF: every RAM byte equals the QEMU ELF core', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khoscope-real-export-'));
    try {
      const [path] = await writeExportPlan(await exportImage(kdump, {}), dir);
      const file = await NodeFileSource.open(path);
      try {
        const converted = await openImage(file);
        if (converted.kind !== 'memory') throw new Error('memory expected');
        expect(converted.memory.ranges).toEqual(RAM);
        expect(converted.notes.osRelease).toBe('7.3.4');
        const step = 1 << 20;
        for (const range of RAM) {
          for (let at = range.start; at < range.end; at += step) {
            const length = Math.min(step, range.end - at);
            expect(
              compareBytes(await converted.memory.read(at, length), await elf.memory.read(at, length)),
              `at 0x${at.toString(16)}`,
            ).toBe('equal');
          }
        }
      } finally {
        await file.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exports the ELF core with a changed root page and a new page, streamed to disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khoscope-real-export-'));
    try {
      const root = new Uint8Array(4096).fill(0x5a);
      const fresh = new Uint8Array(4096).fill(0xa5);
      const [path] = await writeExportPlan(
        await exportImage(elf, {
          pages: new Map([
            [0x23a000, root],
            [0x40000000, fresh],
          ]),
        }),
        dir,
      );
      const file = await NodeFileSource.open(path);
      try {
        const edited = await openImage(file);
        if (edited.kind !== 'memory') throw new Error('memory expected');
        expect(edited.memory.ranges).toEqual([
          ...RAM.slice(0, 2),
          { start: 0x40000000, end: 0x40001000 },
          ...RAM.slice(2),
        ]);
        expect(compareBytes(await edited.memory.read(0x23a000, 4096), root)).toBe('equal');
        expect(compareBytes(await edited.memory.read(0x40000000, 4096), fresh)).toBe('equal');
        for (const address of [...KHO_PAGES.filter((a) => a !== 0x23a000), 0x238ff8, 0x1ffff000, 0xfffc0000]) {
          expect(compareBytes(await edited.memory.read(address, 4096), await elf.memory.read(address, 4096))).toBe(
            'equal',
          );
        }
        expect(edited.notes.osRelease).toBe('7.3.4');
      } finally {
        await file.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('page states: the ELF stores every page; QEMU dumps every RAM page in kdump too', async () => {
    expect(await elf.memory.pageState(0x23a000)).toBe('stored');
    expect(await kdump.memory.pageState(0x23a000)).toBe('stored');
    expect(await kdump.memory.pageState(0xa0000)).toBe('hole');
  });
});
