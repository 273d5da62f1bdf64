import { describe, expect, it } from 'vitest';
import type { Selection } from '../model/Selection';
import { formatHash, parseHash } from './urlHash';

describe('URL hash', () => {
  const selections: Selection[] = [
    { kind: 'fragment', fragment: '0x23a000' },
    { kind: 'node', fragment: 'sub_fdts/memblock', node: '/demo1' },
    { kind: 'property', fragment: '0x23a000', node: '/memblock', property: 'preserved-data' },
    { kind: 'property', fragment: '0x1844000', node: '', property: 'sessions[0].files' },
    { kind: 'link', link: '0x23a000:/gpu@0x100000000:kho,recursive-fdt' },
    { kind: 'diagnostic', index: 3 },
    { kind: 'memory', address: 0x1f00000, length: 4096 },
  ];

  it('round-trips every kind of selection with the tab and theme', () => {
    for (const selection of selections) {
      const hash = formatHash({ selection, tab: 'hex', theme: 'dark' });
      expect(hash.startsWith('#')).toBe(true);
      expect(parseHash(hash)).toEqual({ selection, tab: 'hex', theme: 'dark' });
    }
  });

  it('writes nothing for nothing, and ignores what it does not understand', () => {
    expect(formatHash({ selection: null, tab: null, theme: null })).toBe('');
    expect(parseHash('#tab=nope&theme=blue&sel=property&f=0x1')).toEqual({ selection: null, tab: null, theme: null });
    expect(parseHash('#sel=memory&a=-5&len=1').selection).toBeNull();
    expect(parseHash('').selection).toBeNull();
  });
});
