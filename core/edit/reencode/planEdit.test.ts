import { describe, expect, it } from 'vitest';
import { hex } from '../../bytes/readers';
import { applyEdit } from '../applyEdit';
import { EditError } from '../EditError';
import type { EditOperation } from '../EditOperation';
import type { EditState } from '../EditState';
import { bytesToHex } from '../hexBytes';
import { checkEditedImage } from '../testing/checkEditedImage';
import { openDemo, openInlineSpec, type OpenDemo } from '../testing/NodeDemoImages';
import { planEdit } from './planEdit';

const text = (value: string) => bytesToHex(Uint8Array.from([...value, '\0'], (c) => c.charCodeAt(0)));

function edited(state: EditState, ...ops: EditOperation[]): EditState {
  return ops.reduce((s, op) => applyEdit(s, op).state, state);
}

/** Plans the edit, checks every promise on the exported image, and returns the plan and the decoded result. */
async function exportChecked(demo: OpenDemo, state: EditState) {
  const plan = await planEdit(demo.image.memory, demo.graph, state);
  const { problems, graph } = await checkEditedImage(demo, state, plan);
  expect(problems).toEqual([]);
  return { plan, graph };
}

const fate = (plan: Awaited<ReturnType<typeof planEdit>>, id: string) => plan.fragments.find((f) => f.id === id)?.fate;

describe('writing an edit back (draft scheme, the seed example)', () => {
  it('rewrites a fragment that still fits in place and changes nothing else', async () => {
    const demo = await openDemo('seed-example');
    const { plan } = await exportChecked(
      demo,
      edited(demo.state, {
        op: 'set-property',
        fragment: '0x40002000',
        node: '/node2',
        name: 'key3',
        value: text('a longer value than v3'),
      }),
    );
    expect(fate(plan, '0x40002000')).toBe('rewritten-in-place');
    expect([...plan.pages.keys()].map(hex)).toEqual(['0x40002000']);
    expect(plan.allocated).toEqual([]);
  });

  it("grows a page list onto the lowest free zero page and rewrites the parent's list", async () => {
    const demo = await openDemo('seed-example');
    const { plan, graph } = await exportChecked(
      demo,
      edited(demo.state, {
        op: 'add-property',
        fragment: '0x40003000',
        node: '/',
        name: 'big',
        value: bytesToHex(new Uint8Array(5000).fill(0x41)),
      }),
    );
    expect(plan.allocated.map(hex)).toEqual(['0x40004000']);
    expect(fate(plan, '0x40003000')).toBe('grown');
    expect(graph.links.find((l) => l.from.node === '/node1')?.addresses.map(hex)).toEqual([
      '0x40003000',
      '0x40005000',
      '0x40004000',
    ]);
    expect(fate(plan, '0x40002000')).toBe('rewritten-in-place');
  });

  it('gives back the pages a shrunk page list no longer needs, zeroed', async () => {
    const demo = await openDemo('seed-example');
    const ops: EditOperation[] = [];
    for (let i = 100; i <= 260; i++)
      ops.push({ op: 'remove-property', fragment: '0x40003000', node: '/', name: `key${i}` });
    const { plan, graph } = await exportChecked(demo, edited(demo.state, ...ops));
    expect(plan.released).toEqual([{ start: 0x4000_5000, end: 0x4000_6000 }]);
    expect(plan.pages.get(0x4000_5000)!.every((b) => b === 0)).toBe(true);
    expect(graph.links.find((l) => l.from.node === '/node1')?.addresses.map(hex)).toEqual(['0x40003000']);
  });

  it('splits a node onto a new page and inlines a fragment, giving its page back', async () => {
    const demo = await openDemo('seed-example');
    const state = edited(
      demo.state,
      { op: 'split', fragment: '0x40002000', node: '/node2' },
      { op: 'inline', fragment: '0x40000000', node: '/memblock' },
    );
    const { plan, graph } = await exportChecked(demo, state);
    expect(plan.dropped).toEqual(['0x40001000']);
    expect(plan.pages.get(0x4000_1000)!.every((b) => b === 0)).toBe(true);
    expect(fate(plan, 'new-1')).toBe('new');
    expect(graph.links.map((l) => [l.from.node, l.to])).toEqual([
      ['/gpu@0x100000000', '0x40002000'],
      ['/node1', '0x40003000'],
      ['/node2', plan.fragments.find((f) => f.id === 'new-1')!.decodedId],
    ]);
  });

  it('splits a link owner: its page list moves into a new fragment between parent and target', async () => {
    const demo = await openDemo('seed-example');
    const { plan, graph } = await exportChecked(
      demo,
      edited(demo.state, { op: 'split', fragment: '0x40002000', node: '/node1' }),
    );
    const middle = plan.fragments.find((f) => f.id === 'new-1')!.decodedId;
    expect(graph.links.filter((l) => l.from.node === '/node1').map((l) => [l.from.fragment, l.to])).toEqual([
      ['0x40002000', middle],
    ]);
    expect(graph.links.find((l) => l.from.fragment === middle)).toMatchObject({
      from: { node: '/' },
      to: '0x40003000',
      addresses: [0x4000_3000, 0x4000_5000],
    });
  });

  it('writes a page list in the other byte order, and the decoder reads it so', async () => {
    const demo = await openDemo('seed-example');
    const { graph } = await exportChecked(
      demo,
      edited(demo.state, { op: 'set-page-order', fragment: '0x40002000', node: '/node1', order: 'le' }),
    );
    expect(graph.links.find((l) => l.from.node === '/node1')).toMatchObject({
      order: 'le',
      addresses: [0x4000_3000, 0x4000_5000],
    });
  });

  it('refuses a root that would outgrow its page', async () => {
    const demo = await openDemo('seed-example');
    const state = edited(demo.state, {
      op: 'add-property',
      fragment: '0x40000000',
      node: '/',
      name: 'big',
      value: bytesToHex(new Uint8Array(5000)),
    });
    await expect(planEdit(demo.image.memory, demo.graph, state)).rejects.toThrow(
      /the root FDT would be \d+ bytes but only 4096 fit at 0x40000000/,
    );
  });
});

describe('writing an edit back (anchored top level)', () => {
  it('adds pages to the root and updates every anchor page', async () => {
    const demo = await openDemo('anchored-root');
    const state = edited(demo.state, {
      op: 'add-property',
      fragment: '0x80001000',
      node: '/',
      name: 'big',
      value: bytesToHex(new Uint8Array(3000).fill(7)),
    });
    const { plan, graph } = await exportChecked(demo, state);
    expect(graph.roots[0].anchorChain).toMatchObject({
      anchorPages: [0x8000_1000, 0x8000_2000],
      pages: [0x8000_4000, 0x8000_9000, 0x8000_6000, 0x8000_0000],
    });
    // The first page of RAM is free: only page 0 reads as "no pointer".
    expect(plan.allocated.map(hex)).toEqual(['0x80000000']);
  });

  it('drops an anchor page the shorter page list no longer needs', async () => {
    const demo = await openDemo('anchored-root');
    const ops: EditOperation[] = [];
    for (let i = 40; i < 80; i++)
      ops.push({
        op: 'remove-node',
        fragment: '0x80001000',
        node: `/vfio-pci@${(Math.floor(i / 8) + 1).toString(16).padStart(2, '0')},${i % 8}`,
      });
    const { graph } = await exportChecked(demo, edited(demo.state, ...ops));
    expect(graph.roots[0].anchorChain).toMatchObject({ anchorPages: [0x8000_1000], pages: [0x8000_4000, 0x8000_9000] });
  });
});

describe('writing an edit back (mainline maps)', () => {
  it('kho-v1: moves a grown sub-FDT, patches the root pointer, and rewrites the 512-byte-bitmap chunk list', async () => {
    const demo = await openDemo('kho-v1');
    const state = edited(demo.state, {
      op: 'add-property',
      fragment: '0x101000',
      node: '/demo1',
      name: 'note',
      value: bytesToHex(new Uint8Array(5000).fill(0x42)),
    });
    const { plan, graph } = await exportChecked(demo, state);
    const memblock = plan.fragments.find((f) => f.id === '0x101000')!;
    expect(memblock.fate).toBe('moved');
    expect(fate(plan, '0x100000')).toBe('patched');
    // The old one-page folio's entry goes; the moved blob is one two-page folio, so one order-1 entry.
    expect(plan.maps).toMatchObject([{ encoding: 'chunk-list', removed: [{ address: 0x10_1000, order: 0 }] }]);
    expect(plan.maps[0].added).toEqual([
      { address: memblock.location.kind === 'contiguous' ? memblock.location.address : -1, order: 1 },
    ]);
    expect(graph.roots[0].map?.details).toMatchObject({ encoding: 'chunk-list', bitmapBytes: 512 });
    expect(graph.roots[0].map?.isPreserved(0x10_1000)).toBe(false);
    expect(plan.pages.get(0x10_1000)!.every((b) => b === 0)).toBe(true);
  });

  it('kho-v4: a blob that grows in place gets its blob-size updated and the map stays as it was', async () => {
    const demo = await openDemo('kho-v4');
    const state = edited(demo.state, {
      op: 'add-property',
      fragment: '0x104000',
      node: '/data',
      name: 'note',
      value: text('grown in place'),
    });
    const { plan, graph } = await exportChecked(demo, state);
    expect(fate(plan, '0x104000')).toBe('rewritten-in-place');
    expect(fate(plan, '0x100000')).toBe('patched');
    expect(plan.maps).toEqual([]);
    expect(graph.links.find((l) => l.from.node === '/kho_test')?.size).toBe(
      plan.fragments.find((f) => f.id === '0x104000')!.bytes.length,
    );
  });

  it('kho-v4: removing LUO gives back its struct, blocks and memfd, and clears them from the radix tree', async () => {
    const demo = await openDemo('kho-v4');
    const { plan, graph } = await exportChecked(
      demo,
      edited(demo.state, { op: 'remove-node', fragment: '0x100000', node: '/LUO' }),
    );
    expect(plan.dropped.sort()).toEqual(['0x102000', '0x103000']);
    const blockPages = demo.graph.blockSets.flatMap((set) => set.blocks.map((b) => b.address));
    for (const page of [0x10_2000, 0x10_3000, ...blockPages])
      expect(graph.roots[0].map?.isPreserved(page), hex(page)).toBe(false);
    expect(plan.maps[0].encoding).toBe('radix-tree');
  });

  it('kho-v4: a new fragment is preserved and linked with preserved-data and its blob-size', async () => {
    const demo = await openDemo('kho-v4');
    const state = edited(demo.state, {
      op: 'add-fragment',
      fragment: '0x100000',
      node: '/',
      name: 'extra',
      tree: { name: '', properties: [['compatible', text('extra-v1')]], children: [] },
    });
    const { plan, graph } = await exportChecked(demo, state);
    const extra = plan.fragments.find((f) => f.id === 'new-1')!;
    expect(graph.links.find((l) => l.from.node === '/extra')).toMatchObject({
      scheme: 'preserved-data',
      to: extra.decodedId,
      size: extra.bytes.length,
    });
    expect(plan.maps[0]).toMatchObject({ added: [{ address: Number(extra.decodedId), order: 0 }], removed: [] });
  });
});

describe('the page allocator', () => {
  it('takes the lowest free zero pages, says so when none is left, and can be told to take non-zero pages', async () => {
    const demo = await openDemo('seed-example');
    const grown = edited(demo.state, {
      op: 'add-property',
      fragment: '0x40003000',
      node: '/',
      name: 'big',
      value: bytesToHex(new Uint8Array(5000).fill(1)),
    });
    expect((await planEdit(demo.image.memory, demo.graph, grown)).allocated.map(hex)).toEqual(['0x40004000']);
    // Six pages of RAM where 0x40004000, the one page no structure uses, holds someone's bytes.
    const end = 0x4000_6000;
    const memory = {
      kind: 'test',
      pageSize: 4096,
      ranges: [{ start: 0x4000_0000, end }],
      contains: (address: number, length: number) => address >= 0x4000_0000 && address + length <= end,
      read: async (address: number, length: number) => {
        const bytes = (await demo.image.memory.read(address, length)).slice();
        if (address === 0x4000_4000) bytes.fill(0xee);
        return bytes;
      },
    };
    await expect(planEdit(memory, demo.graph, grown)).rejects.toThrow(EditError);
    await expect(planEdit(memory, demo.graph, grown)).rejects.toThrow(
      /no free page left: a page must be inside the RAM ranges \(\[0x40000000, 0x40006000\)\) and above 1 MiB, used by no decoded structure, not preserved, zero-filled/,
    );
    expect((await planEdit(memory, demo.graph, grown, { allowNonZeroPages: true })).allocated.map(hex)).toEqual([
      '0x40004000',
    ]);
  });
});

describe('a plan with no edit', () => {
  it('changes nothing, even where a page list into a target does not fit its FDT (issue 14)', async () => {
    // A two-page FDT linked by a one-page list first (a truncated read) and by its full two-page list second:
    // the target is not rewritten, so neither list may be "corrected".
    const demo = await openInlineSpec(
      {
        pageSize: 4096,
        container: 'elf',
        ram: [{ start: '0x40000000', size: '0x100000' }],
        fragments: {
          top: { tree: { children: { short: {}, owner: {} } }, at: '0x40000000' },
          owner: { tree: { children: { node: {} } }, pages: ['0x40002000'] },
          big: { tree: { properties: { blob: `[${'ab '.repeat(6000)}]` } }, pages: ['0x40003000', '0x40005000'] },
        },
        roots: [{ fragment: 'top', scheme: 'draft' }],
        links: [
          { from: 'top:/short', pointer: ['0x40003000'] },
          { from: 'top:/owner', to: 'owner' },
          { from: 'owner:/node', to: 'big' },
        ],
      },
      'short-list.elf',
    );
    expect(demo.graph.diagnostics.map((d) => d.code)).toContain('page-list-too-short');
    const plan = await planEdit(demo.image.memory, demo.graph, demo.state);
    expect(plan.pages.size).toBe(0);
    expect(plan.fragments.every((f) => f.fate === 'unchanged')).toBe(true);
  });
});
