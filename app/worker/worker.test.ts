import { describe, expect, it } from 'vitest';
import { buildSeedExample } from '../../core/build';
import { decodeKhoGraph, findKhoRoots } from '../../core/kho';
import { MemoryError, SparseMemory } from '../../core/mem';
import type { LoadProgress } from '../model/LoadProgress';
import { mainlineMemory, twoRootsMemory } from '../testing/mainlineImage';
import { describeOpenFailure } from './describeOpenFailure';
import type { OpenedSession } from './OpenedSession';
import { ProgressReporter } from './ProgressReporter';
import { readSessionMemory, MAX_READ_BYTES } from './readSessionMemory';
import { reviveGraph } from './reviveGraph';
import { runPlan } from './runPlan';

function session(memory: SparseMemory): OpenedSession {
  return {
    target: memory,
    memory,
    info: {
      name: 'test',
      fileCount: 1,
      size: 0,
      container: 'built',
      detail: 'test image',
      pageSize: memory.pageSize,
      ranges: [...memory.ranges],
      hasMemory: true,
      warnings: [],
    },
  };
}

function recorder(): { reporter: ProgressReporter; seen: LoadProgress[] } {
  const seen: LoadProgress[] = [];
  return {
    reporter: new ProgressReporter(
      (progress) => seen.push(progress),
      () => 0,
    ),
    seen,
  };
}

describe('runPlan', () => {
  it('scans, finds one root, decodes it, and reports scan then decode progress', async () => {
    const { reporter, seen } = recorder();
    const answer = await runPlan(
      session(buildSeedExample().memory),
      7,
      {},
      null,
      new AbortController().signal,
      reporter,
    );
    expect(answer.kind).toBe('graph');
    if (answer.kind !== 'graph') return;
    expect(answer.session).toBe(7);
    expect(answer.scan?.candidates.map((candidate) => candidate.address)).toEqual([0x4000_0000]);
    expect(answer.graph.fragments.map((fragment) => fragment.id)).toEqual([
      '0x40000000',
      '0x40001000',
      '0x40002000',
      '0x40003000',
    ]);
    expect(seen.map((progress) => progress.stage)).toEqual(['scanning', 'decoding']);
  });

  it('offers a choice when the scan finds several roots, and decodes the ones chosen with what the scan found', async () => {
    const memory = twoRootsMemory();
    const answer = await runPlan(session(memory), 1, {}, null, new AbortController().signal, recorder().reporter);
    expect(answer.kind).toBe('choose-root');
    if (answer.kind !== 'choose-root') return;
    expect(answer.scan.candidates.map((candidate) => candidate.address)).toEqual([0x23a000, 0x400000]);
    const given = await runPlan(
      session(memory),
      2,
      { roots: [0x400000] },
      null,
      new AbortController().signal,
      recorder().reporter,
    );
    expect(given.kind === 'graph' && given.graph.roots.map((root) => [root.address, root.how])).toEqual([
      [0x400000, 'given'],
    ]);
    // Chosen from the page's scan (as the page sends it, cloned): the decode keeps how the root was found and its rank.
    const chosen = await runPlan(
      session(memory),
      3,
      { roots: [0x400000] },
      structuredClone(answer.scan),
      new AbortController().signal,
      recorder().reporter,
    );
    expect(chosen.kind).toBe('graph');
    if (chosen.kind !== 'graph') return;
    expect(chosen.graph.roots.map((root) => [root.address, root.how, root.rank])).toEqual([
      [0x400000, 'page-scan', answer.scan.candidates[1].rank],
    ]);
    const own = await decodeKhoGraph(memory, {
      scan: await findKhoRoots(memory, { pageSize: memory.pageSize }),
      roots: [0x400000],
    });
    expect(chosen.graph.diagnostics).toEqual(own.diagnostics);
  });

  it('says when there is no root, and lists every FDT when asked', async () => {
    const blank = new SparseMemory(4096, [{ start: 0, end: 0x10_0000 }]);
    const answer = await runPlan(session(blank), 1, {}, null, new AbortController().signal, recorder().reporter);
    expect(answer).toMatchObject({
      kind: 'no-root',
      scan: { candidates: [], bytesScanned: 0x10_0000, listedAllFdts: false },
    });
    const listed = await runPlan(
      session(mainlineMemory()),
      1,
      { listAllFdts: true },
      null,
      new AbortController().signal,
      recorder().reporter,
    );
    expect(listed.kind).toBe('choose-root');
    if (listed.kind === 'choose-root')
      expect(listed.scan.fdts.map((fdt) => fdt.compatible)).toEqual(['kho-v4', 'memblock-v1']);
  });

  it('stops when cancelled, rejecting with the reason', async () => {
    const controller = new AbortController();
    const reason = new DOMException('Opening was cancelled', 'AbortError');
    controller.abort(reason);
    await expect(runPlan(session(mainlineMemory()), 1, {}, null, controller.signal, recorder().reporter)).rejects.toBe(
      reason,
    );
  });
});

describe('ProgressReporter', () => {
  it('passes stage changes at once and other updates at most every 80 ms', () => {
    let now = 0;
    const seen: LoadProgress[] = [];
    const reporter = new ProgressReporter(
      (progress) => seen.push(progress),
      () => now,
    );
    reporter.report({ stage: 'scanning', bytesScanned: 1 });
    now = 10;
    reporter.report({ bytesScanned: 2 });
    now = 100;
    reporter.report({ bytesScanned: 3 });
    reporter.report({ stage: 'decoding', fragments: 1 });
    expect(seen.map((progress) => [progress.stage, progress.bytesScanned, progress.fragments])).toEqual([
      ['scanning', 1, 0],
      ['scanning', 3, 0],
      ['decoding', 3, 1],
    ]);
  });
});

describe('readSessionMemory', () => {
  it('reads memory, and answers holes, bad ranges and images without memory in words', async () => {
    const opened = session(buildSeedExample().memory);
    const read = await readSessionMemory(opened, 0x4000_0000, 4);
    expect(read).toEqual({ ok: true, bytes: Uint8Array.of(0xd0, 0x0d, 0xfe, 0xed) });
    expect(await readSessionMemory(opened, 0x10, 4)).toMatchObject({
      ok: false,
      message: expect.stringContaining('physical address 0x10'),
    });
    expect(await readSessionMemory(opened, -1, 4)).toMatchObject({ ok: false });
    expect(await readSessionMemory(opened, 0x4000_0000, MAX_READ_BYTES + 1)).toMatchObject({ ok: false });
    expect(await readSessionMemory({ ...opened, memory: null }, 0, 1)).toEqual({
      ok: false,
      message: 'a test image has no physical memory to read',
    });
  });
});

describe('reviveGraph', () => {
  it('rebuilds the preserved-memory map after a structured clone', async () => {
    const graph = await decodeKhoGraph(mainlineMemory());
    const revived = reviveGraph(structuredClone(graph));
    const map = revived.roots[0].map;
    expect(map?.isPreserved(0x1847000)).toBe(true);
    expect(map?.isPreserved(0x1f00_0000)).toBe(false);
    expect(map?.blockCount).toBe(graph.roots[0].map?.blockCount);
  });
});

describe('describeOpenFailure', () => {
  it('puts a container error in words, with where and what to try', () => {
    const problem = describeOpenFailure(
      new MemoryError('file', 0x40, 'ELF program header 3', 'p_filesz is larger than p_memsz'),
      '7f 45 4c 46',
    );
    expect(problem).toEqual({
      headline: 'This ELF file is damaged or is not a memory dump.',
      reason: 'p_filesz is larger than p_memsz',
      where: 'file offset 0x40 in the ELF program header 3',
      hint: expect.stringContaining('QEMU dump-guest-memory'),
      firstBytes: '7f 45 4c 46',
    });
    expect(
      describeOpenFailure(
        new MemoryError('file', 0, 'image file', 'the file is compressed with gzip (unpack it with gunzip first)'),
        '',
      ).headline,
    ).toBe('This file is compressed.');
    expect(
      describeOpenFailure(
        new MemoryError('file', 0x1000, 'kdump page 3', 'page is zstd-compressed, which khoscope does not support'),
        '',
      ).headline,
    ).toBe('This dump uses a compression khoscope cannot read.');
    expect(describeOpenFailure(new MemoryError('file', 0, 'debugfs file set', 'no `fdt` file'), '').headline).toBe(
      'These files are not a complete KHO debugfs set.',
    );
  });

  it('calls anything unexpected a bug in khoscope, not in the file', () => {
    expect(describeOpenFailure(new TypeError('x is undefined'), '').headline).toMatch(/bug in khoscope/);
  });
});
