import { describe, expect, it } from 'vitest';
import { fdtDocument, fdtNode, type PropertyList } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { encodeAnchorPage } from '../discover/encodeAnchorPage';
import { cstring, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from './decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const FDT_PAGES = [0x2_0000, 0x5_0000, 0x4_0000];
const ANCHORS = [0x1_0000, 0x3_0000];

/** A kho-v1 top level of about 2.5 pages (many child nodes) with one draft child. */
function bigRoot() {
  const children = [fdtNode('child', [['kho,recursive-fdt', u64List([0x6_0000], 'be')]])];
  for (let i = 0; i < 240; i++)
    children.push(fdtNode(`user${i}`, [['note', cstring(`in-place node ${i}`)]] as PropertyList));
  return fdtDocument([['compatible', cstring('kho-v1')]], children);
}

function image() {
  const builder = new KhoImageBuilder({ ram: RAM });
  const size = builder.placeFdtOnPages(FDT_PAGES, bigRoot());
  builder.placeFdt(0x6_0000, fdtDocument([['compatible', cstring('child-v1')]]));
  return { builder, size };
}

describe('top-level FDT through KHOANCH1 anchor pages', () => {
  it('concatenates the listed pages across the chain and decodes the root', async () => {
    const { builder, size } = image();
    expect(size).toBeGreaterThan(2 * 4096);
    builder.placeAnchorChain(ANCHORS, FDT_PAGES, size, [2, 1]);
    const graph = await decodeKhoGraph(builder.memory, { roots: [ANCHORS[0]] });
    expect(graph.roots[0]).toMatchObject({
      fragment: '0x10000',
      compatible: 'kho-v1',
      anchorChain: { anchorPages: ANCHORS, fdtSize: size, pages: FDT_PAGES },
    });
    expect(graph.fragments[0]).toMatchObject({ location: { kind: 'pages', pages: FDT_PAGES, length: size }, size });
    expect(graph.links[0]).toMatchObject({ from: { node: '/child' }, to: '0x60000' });
    expect(graph.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('is found by root discovery when no root is given', async () => {
    const { builder, size } = image();
    builder.placeAnchorChain(ANCHORS, FDT_PAGES, size, [2, 1]);
    const graph = await decodeKhoGraph(builder.memory);
    expect(graph.roots.map((r) => [r.address, r.how, r.compatible])).toEqual([[ANCHORS[0], 'anchor', 'kho-v1']]);
  });

  it('reports a broken chain (next anchor page without the magic)', async () => {
    const { builder, size } = image();
    builder.placeAnchorChain(ANCHORS, FDT_PAGES, size, [2, 1]);
    builder.memory.write(
      ANCHORS[1],
      encodeAnchorPage(4096, { next: 0, fdtSize: size, pages: [FDT_PAGES[2]], magic: 'NOTANCHR' }),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [ANCHORS[0]] });
    expect(graph.roots[0].fragment).toBeNull();
    expect(graph.diagnostics).toMatchObject([
      { severity: 'error', code: 'anchor-chain', location: { address: ANCHORS[0], structure: 'anchor:0x10000' } },
    ]);
    expect(graph.diagnostics[0].message).toMatch(/does not lead to a KHOANCH1 page/);
  });

  it('reports pages listed beyond what fdt_size needs', async () => {
    const { builder, size } = image();
    builder.placeAnchorChain(ANCHORS, [...FDT_PAGES, 0x7_0000], size, [2, 2]);
    const graph = await decodeKhoGraph(builder.memory, { roots: [ANCHORS[0]] });
    expect(graph.roots[0].fragment).toBe('0x10000');
    expect(graph.diagnostics.filter((d) => d.code === 'anchor-chain')).toMatchObject([{ severity: 'warning' }]);
    expect(graph.diagnostics.find((d) => d.code === 'anchor-chain')?.message).toMatch(
      /lists 4 pages; fdt_size \d+ needs only 3/,
    );
  });

  it('reports an fdt_size that disagrees with the FDT header', async () => {
    const { builder, size } = image();
    builder.placeAnchorChain(ANCHORS, FDT_PAGES, size + 16, [2, 1]);
    const graph = await decodeKhoGraph(builder.memory, { roots: [ANCHORS[0]] });
    expect(graph.diagnostics.filter((d) => d.code === 'anchor-chain').map((d) => d.message)).toEqual([
      `the anchor chain says fdt_size ${size + 16} but the FDT's totalsize is ${size}`,
    ]);
  });
});
