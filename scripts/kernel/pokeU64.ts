/**
 * `node bin/run-ts.js scripts/kernel/pokeU64.ts IN OUT PATH:PROP=VALUE...`
 *
 * Writes little-endian u64 values over properties of the first KHO root's
 * tree, in place, bypassing the editor: `/kho_test:preserved-data=0x1000000`
 * writes into the root's `kho_test` child, `/:preserved-memory-map=0x40000000`
 * into the root node. The property must already be 8 bytes long. It exists
 * to make the broken images `npm run test:kernel` asks the real kernel about
 * (pointers the editor never lets a user write), so it refuses anything else.
 * Everything else in the image stays byte for byte: OUT is IN with the changed
 * page(s), in IN's container.
 */
import { decodeKhoGraph } from '../../core/kho/decode/decodeKhoGraph';
import type { DecodedNode } from '../../core/kho/model/FdtContent';
import { exportImage } from '../../core/mem/export/exportImage';
import { writeExportFile } from '../../core/mem/export/NodeExportWriter';
import { openImage } from '../../core/mem/openImage';
import { NodeFileSource } from '../../core/mem/sources/NodeFileSource';

const [input, output, ...pokes] = process.argv.slice(2);
if (!input || !output || pokes.length === 0) {
  process.stderr.write('usage: pokeU64.ts IN OUT PATH:PROP=VALUE...\n');
  process.exit(2);
}

const source = await NodeFileSource.open(input);
try {
  const image = await openImage(source);
  if (image.kind !== 'memory') throw new Error(`${input} is not a memory image`);
  const graph = await decodeKhoGraph(image);
  const root = graph.roots.find((r) => r.fragment !== null);
  const fragment = root && graph.fragments.find((f) => f.id === root.fragment);
  if (fragment?.content?.kind !== 'fdt' || fragment.location.kind !== 'contiguous')
    throw new Error('the image has no contiguous KHO root FDT');
  const ps = image.pageSize;
  const pages = new Map<number, Uint8Array>();
  for (const poke of pokes) {
    const match = /^(\/[^:]*):([^=]+)=(0x[0-9a-f]+)$/i.exec(poke);
    if (!match) throw new Error(`"${poke}" is not PATH:PROP=0xVALUE`);
    const [, path, name, value] = match;
    let node: DecodedNode | undefined = fragment.content.root;
    for (const part of path.split('/').filter(Boolean)) node = node?.children.find((c) => c.name === part);
    const property = node?.properties.find((p) => p.name === name);
    if (property?.raw.length !== 8) throw new Error(`${path}:${name} is not an 8-byte property of the root`);
    const address = fragment.location.address + property.valueOffset;
    const page = address - (address % ps);
    if (address + 8 > page + ps) throw new Error(`${path}:${name} straddles a page`);
    const bytes = pages.get(page) ?? (await image.memory.read(page, ps)).slice();
    new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(address - page, BigInt(value), true);
    pages.set(page, bytes);
  }
  const plan = await exportImage(image, { pages });
  await writeExportFile(plan.files[0], output);
  process.stdout.write(`wrote ${output}: ${pokes.join(', ')}\n`);
} finally {
  await source.close();
}
