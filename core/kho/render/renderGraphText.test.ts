import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeVmallocDescriptor } from '../../build/rawStructs';
import { cstring, u32, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { renderGraphText, writeGraphText } from './renderGraphText';

describe('renderGraphText', () => {
  it('prints every diagnostic exactly once, at the place it is about', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const khoTest = fdtBlob(
      [
        ['compatible', cstring('kho-test-v1')],
        ['magic', u32(1)],
      ],
      [
        fdtNode('data', [
          ['nr_folios', u32(1)],
          ['folios_info', encodeVmallocDescriptor({ first: 0x20_0000n, totalPages: 1, flags: 1, order: 0 })],
          ['csum', u32(0)],
        ]),
      ],
    );
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [
        { name: 'kho_test', address: 0x8000, blob: khoTest },
        { name: 'lost', address: 0x9000, blob: fdtBlob([['compatible', cstring('x-v1')]]), preserve: false },
      ],
    });
    builder.placeFdt(
      0x6_0000,
      fdtBlob(
        [
          ['compatible', cstring('kho-v4')],
          ['preserved-memory-map', u64(0)],
        ],
        [fdtNode('far', [['preserved-data', u64(0x4000_0000)]])],
      ),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000, 0x6_0000, 0x7_0000] });
    const text = renderGraphText(graph);
    expect(graph.diagnostics.length).toBeGreaterThanOrEqual(5);
    for (const diagnostic of graph.diagnostics) {
      const line = `[${diagnostic.severity} ${diagnostic.code}] ${diagnostic.message}`;
      expect(text.split(line).length - 1, line).toBe(1);
    }
    // Each diagnostic sits one level below the line it is about.
    expect(text).toMatch(/\n( +)magic = 0x1 {2}\(u32 LE\)\n\1 {2}\[error bad-magic\] kho_test magic is 0x1/);
    expect(text).toMatch(
      /\n( +)folios_info = kho_vmalloc .*\n\1 {2}vmalloc area: .*\n\1 {4}\[error dangling-pointer\] vmalloc chunk at 0x200000/,
    );
    expect(text).toMatch(
      /\n( +)far\/\n\1 {2}preserved-data = 0x40000000 {2}\(u64 LE\)\n\1 {4}\[error dangling-pointer\]/,
    );
    expect(text).toMatch(
      /\nroot 0x70000: \(no compatible\) \(found by given\)\n {2}\[error bad-magic\] no FDT at 0x70000/,
    );
    // Streamed in small chunks: the same text, each chunk whole lines, cut after the property that filled it.
    const chunks = [...writeGraphText(graph, { chunkChars: 100 })];
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(5);
    const longestLine = Math.max(...text.split('\n').map((line) => line.length + 1));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(100 + 4 * longestLine);
    }
  });
});
