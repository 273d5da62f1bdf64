import type { Diagnostic } from '../model/Diagnostic';

/** No diagnostics: what every place without any gets (shared, never written to). */
const NONE: readonly Diagnostic[] = Object.freeze([]);

/**
 * Diagnostics grouped by the place they are about, so a renderer can print
 * each one where it belongs and then whatever no place claimed. Places are
 * a side structure, a fragment's property or raw field, a node, a fragment,
 * or a bare address. A place's diagnostics are handed out once: taken, they
 * leave the index. Fragment places are looked up through nested maps
 * (fragment, node, property), so asking about a place builds no key: the
 * text renderer asks once per property, hundreds of thousands of times on
 * a wide root, and almost every answer is "none".
 */
export class DiagnosticIndex {
  /** fragment → node ('' for the fragment itself and raw fields) → property ('' for the node itself) → diagnostics. */
  private readonly atFragments = new Map<string, Map<string, Map<string, Diagnostic[]>>>();
  /** Structures (`S|id`), addresses (`A|address`) and the image as a whole (`global`). */
  private readonly elsewhere = new Map<string, Diagnostic[]>();
  private readonly taken = new Set<Diagnostic>();

  constructor(private readonly all: readonly Diagnostic[]) {
    for (const diagnostic of all) {
      const { fragment, node, property, structure, address } = diagnostic.location;
      if (structure === undefined && fragment !== undefined) {
        const nodes = getOrAdd(this.atFragments, fragment, () => new Map<string, Map<string, Diagnostic[]>>());
        const properties = getOrAdd(nodes, node ?? '', () => new Map<string, Diagnostic[]>());
        getOrAdd(properties, property ?? '', () => []).push(diagnostic);
      } else {
        const key = structure !== undefined ? `S|${structure}` : address !== undefined ? `A|${address}` : 'global';
        getOrAdd(this.elsewhere, key, () => []).push(diagnostic);
      }
    }
  }

  /** Diagnostics about a property or raw field (`node` '' for raw fields). */
  atProperty(fragment: string, node: string, property: string): readonly Diagnostic[] {
    const properties = this.atFragments.get(fragment)?.get(node);
    const list = properties?.get(property);
    if (list === undefined) return NONE;
    properties!.delete(property);
    return this.mark(list);
  }

  /** Diagnostics about a node as a whole. */
  atNode(fragment: string, node: string): readonly Diagnostic[] {
    return this.atProperty(fragment, node, '');
  }

  /** Diagnostics about a fragment as a whole. */
  atFragment(fragment: string): readonly Diagnostic[] {
    return this.atProperty(fragment, '', '');
  }

  /** Diagnostics about a side structure (vmalloc area, block set, map, anchor chain). */
  atStructure(id: string): readonly Diagnostic[] {
    return this.take(`S|${id}`);
  }

  /** Diagnostics about an address only (no fragment). */
  atAddress(address: number): readonly Diagnostic[] {
    return this.take(`A|${address}`);
  }

  /** Diagnostics about the image as a whole (no location at all). */
  atImage(): readonly Diagnostic[] {
    return this.take('global');
  }

  /** Everything not taken yet, in original order. */
  rest(): readonly Diagnostic[] {
    const rest = this.all.filter((diagnostic) => !this.taken.has(diagnostic));
    this.atFragments.clear();
    this.elsewhere.clear();
    return this.mark(rest);
  }

  private take(key: string): readonly Diagnostic[] {
    const list = this.elsewhere.get(key);
    if (list === undefined) return NONE;
    this.elsewhere.delete(key);
    return this.mark(list);
  }

  /** Records the diagnostics as taken (for `rest`) and hands them out. */
  private mark(list: Diagnostic[]): readonly Diagnostic[] {
    for (const diagnostic of list) this.taken.add(diagnostic);
    return list;
  }
}

/** The value at `key`, first set to `make()` when there is none. */
function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
