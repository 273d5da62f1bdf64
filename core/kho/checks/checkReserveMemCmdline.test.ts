import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { checkReserveMemCmdline, judgeCommandLine, memparse, parseReserveMemArgs } from './checkReserveMemCmdline';

/** A kho-v4 root whose memblock keeps demo1 (4 MiB at 0x400000) and demo2 (2 MiB at 0x801000). */
async function graph() {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  const region = (name: string, start: number, size: number) =>
    fdtNode(name, [
      ['compatible', cstring('reserve-mem-v1')],
      ['start', u64(start)],
      ['size', u64(size)],
    ]);
  const memblock = fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    [region('demo1', 0x40_0000, 0x40_0000), region('demo2', 0x80_1000, 0x20_0000)],
  );
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'memblock', address: 0x8000, blob: memblock }],
  });
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('reserve-mem regions against the next kernel command line', () => {
  it('parses sizes as memparse does and reserve_mem= as size:align:name', () => {
    expect([
      memparse('4M'),
      memparse('0x1000'),
      memparse('4k'),
      memparse('010'),
      memparse('0'),
      memparse('4X'),
    ]).toEqual([0x40_0000n, 0x1000n, 0x1000n, 8n, 0n, null]);
    const { args, bad } = parseReserveMemArgs(
      'quiet reserve_mem=4M:4096:demo1  reserve_mem=1G:2M:a:b reserve_mem=4M:4096:',
    );
    expect(args).toEqual([{ name: 'demo1', size: 0x40_0000n, align: 0x1000n, text: 'reserve_mem=4M:4096:demo1' }]);
    expect(bad).toEqual(['reserve_mem=1G:2M:a:b', 'reserve_mem=4M:4096:']);
  });

  it('a matching command line raises nothing', async () => {
    expect(checkReserveMemCmdline(await graph(), 'reserve_mem=4M:4096:demo1 reserve_mem=2M:4096:demo2')).toEqual([]);
  });

  it('a size that differs is an error saying the next kernel refuses it; a missing one, a lost region', async () => {
    const found = checkReserveMemCmdline(await graph(), 'reserve_mem=8M:4096:demo1 reserve_mem=1M:4k:spare');
    expect(found.map((d) => [d.severity, d.location.node ?? null, d.message])).toEqual([
      [
        'error',
        '/demo1',
        "demo1 is 0x400000 bytes here, but the command line's reserve_mem=8M:4096:demo1 asks for 0x800000: the next kernel refuses the region (wrong size)",
      ],
      [
        'warning',
        '/demo2',
        'no reserve_mem=…:demo2 on the command line: the next kernel does not revive demo2, and its contents are lost',
      ],
      ['info', null, 'reserve_mem=1M:4k:spare names no preserved region: the next kernel reserves spare afresh'],
    ]);
  });

  it('a start that misses the alignment asked for is a warning', async () => {
    const found = checkReserveMemCmdline(await graph(), 'reserve_mem=4M:4096:demo1 reserve_mem=2M:2M:demo2');
    expect(found).toMatchObject([
      {
        severity: 'warning',
        location: { node: '/demo2', property: 'start' },
        message: expect.stringMatching(/0x801000, not aligned to 0x200000/),
      },
    ]);
  });

  it('judgeCommandLine replaces the command-line findings, and keeps the graph when they do not change', async () => {
    const base = await graph();
    expect(judgeCommandLine(base, null)).toBe(base);
    const typed = judgeCommandLine(base, 'reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2');
    expect(typed).not.toBe(base);
    expect(typed.diagnostics.filter((d) => d.code === 'reserve-mem-cmdline')).toHaveLength(1);
    expect(judgeCommandLine(typed, 'reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2')).toBe(typed);
    const cleared = judgeCommandLine(typed, null);
    expect(cleared.diagnostics).toEqual(base.diagnostics);
  });
});
