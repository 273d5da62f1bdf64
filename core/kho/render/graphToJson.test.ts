import { describe, expect, it } from 'vitest';
import { fdtBlob } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { type KhoChildSpec, placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import { bytesToHex, graphToJson, writeGraphJson } from './graphToJson';

/** The graph of a kho-v4 root at 0x1000 with the given children. */
async function rootWith(children: KhoChildSpec[]): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
  placeKhoRoot(builder, { address: 0x1000, compatible: 'kho-v4', map: 'radix-tree', children });
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('graphToJson', () => {
  it('writes bigints and bytes as hex strings and the map ranges as a list', async () => {
    const blob = fdtBlob([['compatible', cstring('a-v1')]]);
    const json = JSON.parse(graphToJson(await rootWith([{ name: 'a', address: 0x8000, blob }])));
    expect(json.roots[0].map).toMatchObject({
      encoding: 'radix-tree',
      status: 'complete',
      ranges: [
        { start: 0x1000, end: 0x2000 },
        { start: 0x8000, end: 0x9000 },
      ],
    });
    const blobSize = json.fragments[0].content.root.children[0].properties[0];
    expect(blobSize).toMatchObject({
      name: 'blob-size',
      value: { kind: 'u64', value: `0x${blob.length.toString(16)}`, order: 'le' },
    });
    expect(blobSize.raw).toBe(Buffer.from(new BigUint64Array([BigInt(blob.length)]).buffer).toString('hex'));
    expect(json.fragments[1].bytes).toBe(Buffer.from(blob).toString('hex'));
  });

  it('is laid out exactly as JSON.stringify with two-space indentation, in chunks', async () => {
    const graph = await rootWith(
      Array.from({ length: 20 }, (_, i) => ({
        name: `c${i}`,
        address: 0x8000 + i * 0x1000,
        blob: fdtBlob([['compatible', cstring(`c${i}-v1`)]]),
      })),
    );
    const expected = JSON.stringify(
      { format: 'khoscope-graph', version: 1, ...graph },
      (_key, value) =>
        typeof value === 'bigint'
          ? `0x${value.toString(16)}`
          : value instanceof Uint8Array
            ? Buffer.from(value).toString('hex')
            : value?.constructor?.name === 'PreservedRanges'
              ? value.toArray()
              : value,
      2,
    );
    const chunks = [...writeGraphJson(graph, { chunkChars: 1024 })];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(expected);
    expect(graphToJson(graph)).toBe(expected);
  });

  it('writes a byte array longer than maxHexBytes as its length, the hex of its start and the limit that cut it', async () => {
    const graph = await rootWith([
      { name: 'big', address: 0x8000, blob: new Uint8Array(300).fill(0xab), blobSize: 300 },
    ]);
    const json = JSON.parse(graphToJson(graph, { maxHexBytes: 64 }));
    const big = json.fragments.find((fragment: { size: number }) => fragment.size === 300);
    expect(big.bytes).toEqual({
      length: 300,
      hex: 'ab'.repeat(64),
      cut: 'only the first 64 of the 300 bytes are written (graph JSON limit maxHexBytes)',
    });
    // Under the limit the bytes stay a plain hex string.
    expect(JSON.parse(graphToJson(graph)).fragments.find((f: { size: number }) => f.size === 300).bytes).toBe(
      'ab'.repeat(300),
    );
  });

  it('writes hex two lowercase digits per byte at any length', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff);
    expect(bytesToHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    expect(bytesToHex(bytes.subarray(0, 5))).toBe(Buffer.from(bytes.subarray(0, 5)).toString('hex'));
    expect(bytesToHex(new Uint8Array(0))).toBe('');
  });
});
