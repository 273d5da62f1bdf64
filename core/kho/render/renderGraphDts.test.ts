import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from '../../bytes/latin1';
import { printDts } from '../../fdt/dts/printDts';
import { readFdt } from '../../fdt/readFdt';
import { writeFdt } from '../../fdt/writeFdt';
import type { DebugfsImage, DtbImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { fdtBlob, fdtDocument, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u32, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { renderGraphDts, renderGraphDtsParts, writeGraphDts } from './renderGraphDts';

/** The DTS of one fragment: the text after its head comment, up to the next fragment's. */
function fragmentText(dts: string, id: string): string {
  const start = dts.indexOf(`/* fragment ${id}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = dts.indexOf('\n/* fragment ', start + 1);
  return dts.slice(dts.indexOf('\n', start) + 1, end < 0 ? undefined : end);
}

function lone(bytes: Uint8Array): DtbImage {
  return { kind: 'dtb', bytes, source: new BytesSource(new Uint8Array(0), 'root.dtb'), warnings: [] };
}

describe('renderGraphDts', () => {
  it("prints each FDT fragment as dtc does, with the ABI reading and the link target after the property's line", async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const child = fdtBlob([
      ['compatible', cstring('x-v1')],
      ['count', u32(3)],
    ]);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'zero',
      children: [{ name: 'x', address: 0x8000, blob: child }],
    });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    const dts = renderGraphDts(graph);
    const root = fragmentText(dts, '0x1000');
    expect(root).toContain(
      `\t\tblob-size = <0x${((child.length << 24) >>> 0).toString(16)} 0x00>; /* u64 LE 0x${child.length.toString(16)} */\n`,
    );
    expect(root).toContain('\t\tpreserved-data = <0x800000 0x00>; /* u64 LE 0x8000 -> fragment 0x8000 */\n');
    // Split per fragment for the DTS tab: the same text, in the graph's fragment order.
    const parts = renderGraphDtsParts(graph);
    expect(parts.map((part) => part.fragment)).toEqual(graph.fragments.map((fragment) => fragment.id));
    expect(parts.map((part) => part.text).join('\n')).toBe(dts);
    expect(parts.find((part) => part.fragment === '0x8000')?.text.startsWith('/* fragment 0x8000:')).toBe(true);
    // Streamed as bytes: small chunks cut at node ends, each a fresh array; one chunk when the size is large.
    const small = [...writeGraphDts(graph, { chunkBytes: 16 })];
    expect(small.length).toBeGreaterThan(graph.fragments.length);
    expect(new Set(small.map((chunk) => chunk.buffer)).size).toBe(small.length);
    expect(small.map((chunk) => decodeLatin1(chunk, 0, chunk.length)).join('')).toBe(dts);
    const whole = [...writeGraphDts(graph)];
    expect(whole.length).toBe(1);
    expect(decodeLatin1(whole[0], 0, whole[0].length)).toBe(dts);
    expect(root).toContain('\tcompatible = "kho-v4";\n');
    // Without the comments, each fragment is exactly printDts of its bytes.
    const rootBytes = graph.fragments.find((f) => f.id === '0x1000')!.bytes;
    expect(root.replace(/ \/\* .*? \*\//g, '')).toBe(printDts(readFdt(rootBytes).toDocument()));
    expect(fragmentText(dts, '0x8000').replace(/ \/\* .*? \*\//g, '')).toBe(printDts(readFdt(child).toDocument()));
  });

  it('pairs readings with the right properties in blobs older than version 16, whose implied name properties are not printed', async () => {
    const doc = {
      ...fdtDocument(
        [['compatible', cstring('kho-v4')]],
        [
          fdtNode('a', [
            ['preserved-data', u64(0x100000)],
            ['blob-size', u64(16)],
          ]),
        ],
      ),
      version: 1,
      lastCompVersion: 1,
    };
    const dts = renderGraphDts(await decodeKhoGraph(lone(writeFdt(doc))));
    expect(dts).toContain(
      '\t\tpreserved-data = <0x1000 0x00>; /* u64 LE 0x100000 not followed */\n\t\tblob-size = <0x10000000 0x00>; /* u64 LE 0x10 */\n\t};',
    );
    expect(dts).not.toContain('name =');
  });

  it('prints a truncated debugfs root as far as its bytes go, under a comment saying what is missing', async () => {
    const full = fdtBlob(
      [
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x239000)],
      ],
      [
        fdtNode('memblock', [
          ['blob-size', u64(64)],
          ['preserved-data', u64(0x100000)],
        ]),
      ],
    );
    const image: DebugfsImage = {
      kind: 'debugfs',
      root: full.subarray(0, 150),
      children: new Map(),
      scratch: [],
      scratchNaming: null,
      cmdline: null,
      files: [],
      warnings: [],
    };
    const text = fragmentText(renderGraphDts(await decodeKhoGraph(image)), 'fdt');
    expect(text).toBe(
      [
        "/* truncated: the bytes hold 150 of the FDT's 229 bytes; the structure block stops at 0x8c: the property header there is cut " +
          '(2 nodes and 3 properties read, inside node /memblock); the strings block (57 bytes at 0xac) is cut, none of it is present: 3 property names missing; below is what they hold */',
        '/dts-v1/;',
        '',
        '/ {',
        '\t<name at strings+0x0 not in the 150 bytes present> = "kho-v4";',
        '\t<name at strings+0xb not in the 150 bytes present> = <0x902300 0x00>;',
        '',
        '\tmemblock {',
        '\t\t<name at strings+0x20 not in the 150 bytes present> = <0x40000000 0x00>;',
        '\t};',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('keeps text from the blob inside its comments', async () => {
    const blob = fdtBlob([['compatible', cstring('evil*/x')]]);
    const dts = renderGraphDts(await decodeKhoGraph(lone(blob)));
    expect(dts.split('\n')[0]).toBe(`/* fragment dtb: evil*\\/x, ${blob.length} bytes, root dtb */`);
  });
});
