import { describe, expect, it } from 'vitest';
import { fdtBlob } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { graphToJson } from './graphToJson';

describe('graphToJson', () => {
  it('writes bigints and bytes as hex strings and the map ranges as a list', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const blob = fdtBlob([['compatible', cstring('a-v1')]]);
    placeKhoRoot(builder, {
      address: 0x1000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      children: [{ name: 'a', address: 0x8000, blob }],
    });
    const json = JSON.parse(graphToJson(await decodeKhoGraph(builder.memory, { roots: [0x1000] })));
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
});
