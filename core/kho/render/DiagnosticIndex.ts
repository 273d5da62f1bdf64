import type { Diagnostic } from '../model/Diagnostic';

/**
 * Diagnostics grouped by the place they are about, so a renderer can print
 * each one where it belongs and then whatever no place claimed. Places are
 * a side structure, a fragment's property or raw field, a node, a fragment,
 * or a bare address.
 */
export class DiagnosticIndex {
  private readonly byPlace = new Map<string, Diagnostic[]>();
  private readonly taken = new Set<Diagnostic>();

  constructor(private readonly all: readonly Diagnostic[]) {
    for (const diagnostic of all) {
      const key = placeOf(diagnostic);
      const list = this.byPlace.get(key);
      if (list) list.push(diagnostic);
      else this.byPlace.set(key, [diagnostic]);
    }
  }

  /** Diagnostics about a property or raw field (`node` '' for raw fields). */
  atProperty(fragment: string, node: string, property: string): Diagnostic[] {
    return this.take(`F|${fragment}|${node}|${property}`);
  }

  /** Diagnostics about a node as a whole. */
  atNode(fragment: string, node: string): Diagnostic[] {
    return this.take(`F|${fragment}|${node}|`);
  }

  /** Diagnostics about a fragment as a whole. */
  atFragment(fragment: string): Diagnostic[] {
    return this.take(`F|${fragment}||`);
  }

  /** Diagnostics about a side structure (vmalloc area, block set, map, anchor chain). */
  atStructure(id: string): Diagnostic[] {
    return this.take(`S|${id}`);
  }

  /** Diagnostics about an address only (no fragment). */
  atAddress(address: number): Diagnostic[] {
    return this.take(`A|${address}`);
  }

  /** Diagnostics about the image as a whole (no location at all). */
  atImage(): Diagnostic[] {
    return this.take('global');
  }

  /** Everything not taken yet, in original order. */
  rest(): Diagnostic[] {
    const rest = this.all.filter((diagnostic) => !this.taken.has(diagnostic));
    rest.forEach((diagnostic) => this.taken.add(diagnostic));
    return rest;
  }

  private take(key: string): Diagnostic[] {
    const list = (this.byPlace.get(key) ?? []).filter((diagnostic) => !this.taken.has(diagnostic));
    list.forEach((diagnostic) => this.taken.add(diagnostic));
    return list;
  }
}

function placeOf(diagnostic: Diagnostic): string {
  const { fragment, node, property, structure, address } = diagnostic.location;
  if (structure !== undefined) return `S|${structure}`;
  if (fragment !== undefined) return `F|${fragment}|${node ?? ''}|${property ?? ''}`;
  if (address !== undefined) return `A|${address}`;
  return 'global';
}
