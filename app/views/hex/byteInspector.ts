import type { Fragment } from '../../../core/kho';
import type { Selection } from '../../model/Selection';
import { formatHex } from '../../format/formatHex';
import { ownerAt, type OwnerSpan } from './byteOwners';
import type { FragmentAddressIndex } from './fragmentAddresses';
import type { HexRegion } from './HexRegion';
import { regionAddress } from './hexRows';

/** How a byte is drawn: by what it is part of. */
export type ByteRole = 'token' | 'value' | 'meta' | 'strings' | 'other' | 'memory';

/** What the view knows about one byte of a region. */
export interface ByteFacts {
  address: number | null;
  /** The fragment holding it and the offset there, or null (memory no fragment claims). */
  fragment: Fragment | null;
  offset: number | null;
  owner: OwnerSpan | null;
}

/**
 * Answers "whose byte is this?" for a region: in a fragment region through
 * the fragment's owner spans, in a memory region through the fragment (if
 * any) whose pages hold the address.
 */
export class ByteInspector {
  constructor(
    private readonly region: HexRegion,
    private readonly fragments: ReadonlyMap<string, Fragment>,
    private readonly addresses: () => FragmentAddressIndex,
    private readonly ownersOf: (fragment: Fragment) => readonly OwnerSpan[],
  ) {}

  /** Everything known about region offset `offset`. */
  facts(offset: number): ByteFacts {
    const address = regionAddress(this.region, offset);
    return { address, ...this.owner(offset, address) };
  }

  /** The fragment, offset and owner of a byte (the address is only looked up for memory regions). */
  private owner(offset: number, address: number | null = null): Omit<ByteFacts, 'address'> {
    let fragment: Fragment | null = null;
    let inFragment: number | null = null;
    if (this.region.fragment !== null) {
      fragment = this.fragments.get(this.region.fragment) ?? null;
      inFragment = offset;
    } else {
      const at = address ?? regionAddress(this.region, offset);
      const hit = at === null ? null : this.addresses().at(at);
      if (hit) {
        fragment = this.fragments.get(hit.fragment) ?? null;
        inFragment = hit.offset;
      }
    }
    const owner = fragment && inFragment !== null ? (ownerAt(this.ownersOf(fragment), inFragment) ?? null) : null;
    return { fragment, offset: inFragment, owner };
  }

  /** How to draw the byte at `offset`. */
  role(offset: number): ByteRole {
    const { owner, offset: inFragment } = this.owner(offset);
    if (!owner || inFragment === null) return 'memory';
    switch (owner.part) {
      case 'property':
        return owner.valueStart !== undefined && inFragment < owner.valueStart ? 'token' : 'value';
      case 'node':
        return 'token';
      case 'field':
        return 'value';
      case 'header':
      case 'reservations':
        return 'meta';
      case 'strings':
        return 'strings';
      case 'other':
        return 'other';
    }
  }

  /** What clicking the byte selects: its owner, or the byte itself when no fragment holds it. */
  selectionAt(offset: number): Selection | null {
    const { owner, address } = this.facts(offset);
    if (owner) return owner.selection;
    return address === null ? null : { kind: 'memory', address, length: 1 };
  }

  /** One line about the byte for the status bar. */
  describe(offset: number): string {
    const { address, fragment, offset: inFragment, owner } = this.facts(offset);
    const where = [
      address === null ? null : formatHex(address),
      fragment && inFragment !== null ? `${fragment.id} + ${formatHex(inFragment)}` : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
    return `${where || `offset ${formatHex(offset)}`} — ${owner ? owner.label : 'no fragment holds this byte'}`;
  }
}
