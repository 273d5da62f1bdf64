import { buildSeedExample, fdtDocument, fdtNode } from '../../core/build';
import { decodeKhoGraph, type KhoGraph } from '../../core/kho';
import { writeFdt } from '../../core/fdt';
import { cstring, u64 } from '../../core/bytes';
import { BytesSource, openImage } from '../../core/mem';
import { mainlineMemory } from './mainlineImage';

/** The seed's worked example, decoded (4 fragments, 3 big-endian page-list links, no map). */
export async function seedGraph(): Promise<KhoGraph> {
  const { memory, root } = buildSeedExample();
  return decodeKhoGraph(memory, { roots: [root] });
}

/**
 * A debugfs blob set whose `fdt` is cut short like the 7.3 kernel's (the
 * root grew after the file was made): children are reached by name, from
 * nodes the truncated root cannot show.
 */
export async function truncatedBlobSetGraph(): Promise<KhoGraph> {
  const memblock = writeFdt(
    fdtDocument(
      [['compatible', cstring('memblock-v1')]],
      [
        fdtNode('demo1', [
          ['compatible', cstring('reserve-mem-v1')],
          ['start', u64(0x1f00_0000)],
          ['size', u64(0x40_0000)],
        ]),
      ],
    ),
  );
  const root = writeFdt(
    fdtDocument(
      [
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x239000)],
      ],
      [
        fdtNode('memblock', [
          ['blob-size', u64(memblock.length)],
          ['preserved-data', u64(0x1847000)],
        ]),
      ],
    ),
  );
  const image = await openImage([
    new BytesSource(root.subarray(0, 100), 'fdt'),
    new BytesSource(memblock, 'sub_fdts/memblock'),
  ]);
  return decodeKhoGraph(image);
}

/** The mainline-style image (app/testing/mainlineImage), decoded as the explorer does: scan, then decode the root. */
export async function mainlineGraph(): Promise<KhoGraph> {
  return decodeKhoGraph(mainlineMemory());
}

/**
 * A lone DTB named `name`, decoded as the explorer does: a plain board tree
 * (with `model` when given) or, with `compatible` `kho-v1`, a KHO root file.
 */
export async function loneDtbGraph(name: string, compatible: string, model?: string): Promise<KhoGraph> {
  const properties: [string, Uint8Array][] = [['compatible', cstring(compatible)]];
  if (model !== undefined) properties.unshift(['model', cstring(model)]);
  const dtb = writeFdt(fdtDocument(properties, [fdtNode('memory@80000000', [['device_type', cstring('memory')]])]));
  return decodeKhoGraph(await openImage(new BytesSource(dtb, name)));
}
