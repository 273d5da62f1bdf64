import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../core/edit';
import { openDemo } from '../../../core/edit/testing/NodeDemoImages';
import { decodeKhoGraph, graphToJson } from '../../../core/kho';
import { BytesSource, openImage } from '../../../core/mem';
import type { EditAnswer, EditSnapshot } from '../../model/EditSnapshot';
import { EditSession } from './EditSession';

const u64le = (value: bigint) => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value, true);
  return bytesToHex(bytes);
};

async function session(id: string) {
  const demo = await openDemo(id);
  return { demo, edits: EditSession.start(demo.image, demo.image.memory, demo.graph, null, `${id}|identity`) };
}

function snapshotOf(answer: EditAnswer): EditSnapshot {
  if (!answer.ok) throw new Error(`refused: ${answer.refusal}`);
  return answer.snapshot;
}

describe('EditSession (the worker side of editing)', () => {
  it('applies an edit: the snapshot carries the decoded edited graph, what changed and what export writes', async () => {
    const { edits } = await session('kho-v4');
    expect(edits.snapshot()).toMatchObject({ position: 0, history: [], graph: null, preview: null, added: [] });
    const snapshot = snapshotOf(
      await edits.apply({
        op: 'set-property',
        fragment: '0x101000',
        node: '/demo1',
        name: 'size',
        value: u64le(0x800000n),
      }),
    );
    expect(snapshot.position).toBe(1);
    expect(snapshot.history.map((entry) => entry.label)).toEqual(['set size on /demo1 of 0x101000']);
    const memblock = snapshot.graph!.fragments.find((fragment) => fragment.id === '0x101000')!;
    const demo1 = memblock.content?.kind === 'fdt' ? memblock.content.root.children[0] : undefined;
    expect(demo1?.properties.find((property) => property.name === 'size')?.value).toMatchObject({
      kind: 'u64',
      value: 0x800000n,
    });
    expect(snapshot.changed).toContain('0x101000');
    expect(snapshot.preview!.fragments.map((fragment) => [fragment.id, fragment.fate])).toContainEqual([
      '0x101000',
      'rewritten-in-place',
    ]);
    expect(snapshot.preview!.changedPages).toBeGreaterThan(0);
    // demo1 now reserves 8 MiB, of which the map preserves only the first 4 MiB: what the edit costs. The
    // region is also no longer preserved as exactly the blocks its kernel writes for it (wrong-map-entry).
    expect(snapshot.added.map((diagnostic) => [diagnostic.code, diagnostic.location.node])).toEqual([
      ['not-preserved', '/demo1'],
      ['wrong-map-entry', '/demo1'],
    ]);
    expect(snapshot.exportBlocked).toBeNull();
  });

  it('refuses in plain words and changes nothing: an owned value, an operation that does not apply', async () => {
    const { edits } = await session('kho-v4');
    const owned = await edits.apply({
      op: 'set-property',
      fragment: '0x100000',
      node: '/memblock',
      name: 'blob-size',
      value: u64le(1n),
    });
    expect(owned).toEqual({
      ok: false,
      refusal: expect.stringMatching(/blob-size is a link to a blob: the editor writes it/),
    });
    const missing = await edits.apply({ op: 'remove-node', fragment: '0x101000', node: '/nothing' });
    expect(missing.ok).toBe(false);
    expect(edits.snapshot().position).toBe(0);
  });

  it('undo, redo and going to any step of the history; a new edit forgets what was undone', async () => {
    const { edits } = await session('seed-example');
    const at = { fragment: '0x40002000', node: '/node2' };
    snapshotOf(
      await edits.apply({ op: 'set-property', ...at, name: 'key3', value: bytesToHex(new Uint8Array([0x61, 0])) }),
    );
    snapshotOf(await edits.apply({ op: 'add-node', ...at, name: 'x-fresh' }));
    snapshotOf(await edits.apply({ op: 'split', ...at }));
    expect(snapshotOf(await edits.undo())).toMatchObject({ position: 2 });
    expect(snapshotOf(await edits.goTo(0))).toMatchObject({ position: 0, graph: null });
    const back = snapshotOf(await edits.goTo(3));
    expect(back.position).toBe(3);
    expect(back.history.map((entry) => entry.op.op)).toEqual(['set-property', 'add-node', 'split']);
    // The split node is a fragment of its own now: the graph has one more fragment than the input.
    expect(back.graph!.fragments.length).toBe(5);
    snapshotOf(await edits.goTo(1));
    const forked = snapshotOf(await edits.apply({ op: 'remove-property', ...at, name: 'key4' }));
    expect(forked.history.map((entry) => entry.op.op)).toEqual(['set-property', 'remove-property']);
    expect(snapshotOf(await edits.redo()).position).toBe(2);
  });

  it('restores a saved log (applied and undone steps), and says which saved step no longer applies', async () => {
    const { edits } = await session('seed-example');
    const at = { fragment: '0x40002000', node: '/node2' };
    const add = { op: 'add-node' as const, ...at, name: 'x-a' };
    const remove = { op: 'remove-property' as const, ...at, name: 'key4' };
    const restored = snapshotOf(await edits.restore([add], [remove]));
    expect(restored.position).toBe(1);
    expect(restored.history.map((entry) => entry.op)).toEqual([add, remove]);
    expect(snapshotOf(await edits.redo()).position).toBe(2);
    const stale = await edits.restore([{ op: 'remove-node', ...at, node: '/gone' }], []);
    expect(stale).toEqual({
      ok: false,
      refusal: expect.stringMatching(/^saved step 1 \(delete node \/gone of 0x40002000\)/),
    });
    expect(edits.snapshot().position).toBe(2);
  });

  it('names the problems an edit brings in that the image did not have', async () => {
    const { edits } = await session('kho-v4');
    const snapshot = snapshotOf(
      await edits.apply({ op: 'remove-property', fragment: '0x101000', node: '/demo1', name: 'size' }),
    );
    expect(snapshot.added.map((diagnostic) => diagnostic.code)).toContain('missing-property');
  });

  it('exports a Blob in the same container: only planned pages differ, and it decodes to the shown graph', async () => {
    const { demo, edits } = await session('kho-v4');
    const big = bytesToHex(new Uint8Array(5000).fill(0xab));
    const snapshot = snapshotOf(
      await edits.apply({ op: 'add-property', fragment: '0x101000', node: '/demo1', name: 'x-blob', value: big }),
    );
    expect(snapshot.preview!.allocated.length).toBeGreaterThan(0);
    expect(snapshot.preview!.pointers.some((line) => line.startsWith('0x100000 /memblock preserved-data'))).toBe(true);
    expect(snapshot.preview!.maps[0].added.length).toBeGreaterThan(0);
    const blob = await edits.exportBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const reopened = await openImage(new BytesSource(bytes, 'kho-v4.edited.elf'));
    if (reopened.kind !== 'memory') throw new Error('the export is not a memory image');
    const ps = demo.image.pageSize;
    const changed = new Set<number>();
    for (const page of demo.storedPages) {
      const before = await demo.image.memory.read(page, ps);
      const after = await reopened.memory.read(page, ps);
      if (bytesToHex(before) !== bytesToHex(after)) changed.add(page);
    }
    const planned = snapshot.preview!.changedPages;
    expect(changed.size).toBeLessThanOrEqual(planned);
    const graph = await decodeKhoGraph(reopened);
    // The demo was opened as bare memory and is exported as an ELF core: only what the container says differs.
    const { source, kernel } = snapshot.graph!;
    expect(graphToJson({ ...graph, source, kernel })).toBe(graphToJson(snapshot.graph!));
  });
});
