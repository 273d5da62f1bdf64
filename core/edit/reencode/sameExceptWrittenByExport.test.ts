import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FdtDocument, FdtNode } from '../../fdt/FdtDocument';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import { wideRootElf } from '../../kho/testing/wideRootImage';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { DRAFT_PAGE_LIST_PROPERTY } from '../../kho/values/abiPropertyTypes';
import { editStateFromGraph } from '../editStateFromGraph';
import type { EditState } from '../EditState';
import { sameDocument } from '../sameTree';
import { maskedDocument } from '../testing/maskedDocument';
import { sameExceptWrittenByExport } from './sameExceptWrittenByExport';

/** A wide root's edit state and the id and tree of its root fragment. */
async function wideRoot(): Promise<{ state: EditState; id: string; doc: FdtDocument }> {
  const image = await openImage(new BytesSource(wideRootElf(6), 'wide.elf'));
  const state = editStateFromGraph(await decodeKhoGraph(image));
  const id = state.roots[0].fragment!;
  return { state, id, doc: state.fragments[id].document! };
}

/** One change to a root child: what a tree compared with the input may differ in, masked or not. */
type Change =
  | { kind: 'pointer' | 'other-value' | 'page-list' | 'pointer-length'; child: number; byte: number }
  | { kind: 'rename'; child: number; name: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('pointer', 'other-value', 'page-list', 'pointer-length') as fc.Arbitrary<
      'pointer' | 'other-value' | 'page-list' | 'pointer-length'
    >,
    child: fc.nat(5),
    byte: fc.nat(255),
  }),
  // Names that repeat a sibling's, or that no path can spell ('/' inside, empty).
  fc.record({ kind: fc.constant('rename' as const), child: fc.nat(5), name: fc.constantFrom('c0', 'c1', 'a/b', '') }),
);

/** The tree with one change made to a copy of the child it names. */
function changed(doc: FdtDocument, c: Change): FdtDocument {
  const children = doc.root.children.map((child, i): FdtNode => {
    if (i !== c.child) return child;
    switch (c.kind) {
      case 'rename':
        return { ...child, name: c.name };
      case 'pointer':
        return { ...child, properties: [{ name: 'fdt', value: new Uint8Array(8).fill(c.byte) }] };
      case 'pointer-length':
        return { ...child, properties: [{ name: 'fdt', value: new Uint8Array(4).fill(c.byte) }] };
      case 'other-value':
        return { ...child, properties: [...child.properties, { name: 'label', value: Uint8Array.of(c.byte) }] };
      case 'page-list':
        return {
          ...child,
          properties: [...child.properties, { name: DRAFT_PAGE_LIST_PROPERTY, value: new Uint8Array(8).fill(c.byte) }],
        };
    }
  });
  return { ...doc, root: { ...doc.root, children } };
}

/** The answer, or the error's text: both comparisons must agree on either. */
function outcome(compare: () => boolean): string {
  try {
    return String(compare());
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe('sameExceptWrittenByExport', () => {
  it('answers (and fails) as comparing the two masked copies does', async () => {
    const { state, id, doc } = await wideRoot();
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(change, { maxLength: 4 }), fc.array(change, { maxLength: 4 }), (left, right) => {
        const a = left.reduce(changed, doc);
        const b = right.reduce(changed, doc);
        const reference = outcome(() => sameDocument(maskedDocument(state, id, a), maskedDocument(state, id, b)));
        expect(outcome(() => sameExceptWrittenByExport(state, id, a, b))).toBe(reference);
        seen.add(reference.startsWith('Edit') ? 'refused' : reference);
      }),
      { seed: 14, numRuns: 400 },
    );
    // The runs met every answer: the same, different, and a tree no path can mask.
    expect([...seen].sort()).toEqual(['false', 'refused', 'true']);
  });

  it('ignores the pointers export writes and sees anything else', async () => {
    const { state, id, doc } = await wideRoot();
    expect(sameExceptWrittenByExport(state, id, doc, changed(doc, { kind: 'pointer', child: 2, byte: 7 }))).toBe(true);
    expect(sameExceptWrittenByExport(state, id, doc, changed(doc, { kind: 'other-value', child: 2, byte: 7 }))).toBe(
      false,
    );
  });
});
