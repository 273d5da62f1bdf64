import { beforeAll, describe, expect, it } from 'vitest';
import type { KhoGraph } from '../../core/kho';
import { seedGraph } from '../testing/testGraphs';
import { editedFileName } from './editActions';
import { remapSelection, shownId } from './remapSelection';

let graph: KhoGraph;
beforeAll(async () => {
  graph = await seedGraph();
});

describe('the selection across an edit', () => {
  it('keeps what still exists', () => {
    const selection = { kind: 'property', fragment: '0x40002000', node: '/node2', property: 'key3' } as const;
    expect(remapSelection(selection, {}, {}, graph)).toEqual(selection);
  });

  it('follows a fragment that moved through its id in the edit state', () => {
    // Before: shown as 0x40099000 (edit id 0x40002000); after: back at 0x40002000.
    const selection = { kind: 'node', fragment: '0x40099000', node: '/node2' } as const;
    expect(remapSelection(selection, { '0x40099000': '0x40002000' }, {}, graph)).toEqual({
      kind: 'node',
      fragment: '0x40002000',
      node: '/node2',
    });
    expect(shownId('new-1', { '0x50000000': 'new-1' })).toBe('0x50000000');
    expect(shownId('0x40002000', {})).toBe('0x40002000');
  });

  it('falls back to the node of a removed property, the fragment of a removed node, else nothing', () => {
    expect(
      remapSelection({ kind: 'property', fragment: '0x40002000', node: '/node2', property: 'gone' }, {}, {}, graph),
    ).toEqual({ kind: 'node', fragment: '0x40002000', node: '/node2' });
    expect(remapSelection({ kind: 'node', fragment: '0x40002000', node: '/gone' }, {}, {}, graph)).toEqual({
      kind: 'fragment',
      fragment: '0x40002000',
    });
    expect(remapSelection({ kind: 'fragment', fragment: '0x7000' }, {}, {}, graph)).toBeNull();
    expect(remapSelection({ kind: 'diagnostic', index: 9999 }, {}, {}, graph)).toBeNull();
  });

  it('names the download after the image, as ELF for a kdump', () => {
    expect(editedFileName('pre-kexec.elf', false)).toBe('pre-kexec.edited.elf');
    expect(editedFileName('dumps/vmcore', false)).toBe('vmcore.edited');
    expect(editedFileName('vmcore.kdump', true)).toBe('vmcore.kdump.edited.elf');
  });
});
