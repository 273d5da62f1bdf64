import { describe, expect, it } from 'vitest';
import { EditError } from '../EditError';
import { changeTrie } from './valueChanges';

describe('changeTrie', () => {
  it('refuses in plain words a change whose node no path can name (an empty name below the root)', () => {
    // From fuzz input kdump-none-s2207-i2954: a node `membloc` with a child named ''.
    const change = { node: '/membloc/', property: 'fdt', value: new Uint8Array(0) };
    expect(() => changeTrie([change])).toThrow(EditError);
    expect(() => changeTrie([change])).toThrow(
      /node \/membloc\/: names no node of the tree: .* is empty cannot be reached/,
    );
  });

  it('files each change under its path', () => {
    const trie = changeTrie([
      { node: '/a/b', property: 'x', value: Uint8Array.of(1) },
      { node: '/', property: 'y', value: Uint8Array.of(2) },
    ]);
    expect(trie.values?.get('y')).toEqual(Uint8Array.of(2));
    expect(trie.children?.get('a')?.children?.get('b')?.values?.get('x')).toEqual(Uint8Array.of(1));
  });
});
