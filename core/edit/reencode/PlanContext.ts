import type { FdtDocument } from '../../fdt/FdtDocument';
import { readFdt } from '../../fdt/readFdt';
import type { Fragment } from '../../kho/model/Fragment';
import type { KhoGraph, KhoRoot } from '../../kho/model/KhoGraph';
import type { ImageMemory } from '../../mem/ImageMemory';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { EDITABLE_SCHEMES } from '../editStateFromGraph';
import type { EditState, PointerKind, PointerTarget } from '../EditState';
import { pointerSlots, slotTarget, type PointerSlot } from '../pointerSlots';
import { reachableFragments, type FixedLink } from '../reachableFragments';

/** A slot of a reachable fragment and where it leads. */
export interface IncomingLink {
  owner: string;
  slot: PointerSlot;
  target: PointerTarget;
}

/**
 * What every step of planning an export shares: the input (memory, its
 * decoded graph, the edited state), the fragments the edited tree reaches,
 * the links into each, and the input's own trees to compare against.
 */
export class PlanContext {
  readonly pageSize: number;
  /** Reachable fragment ids, breadth-first from the roots. */
  readonly reachable: string[];
  /** Links into each reachable fragment from the slots of reachable FDT fragments. */
  readonly incoming = new Map<string, IncomingLink[]>();
  /** The input's fragments by id. */
  readonly inputFragments: ReadonlyMap<string, Fragment>;
  private readonly originalDocuments = new Map<string, FdtDocument>();

  constructor(
    readonly memory: PhysicalMemory & Partial<ImageMemory>,
    readonly graph: KhoGraph,
    readonly state: EditState,
  ) {
    this.pageSize = state.pageSize;
    this.inputFragments = new Map(graph.fragments.map((fragment) => [fragment.id, fragment]));
    const fixed: FixedLink[] = graph.links
      .filter((link) => link.to !== null && !EDITABLE_SCHEMES.has(link.scheme))
      .map((link) => ({ from: link.from.fragment, to: link.to! }));
    this.reachable = reachableFragments(state, fixed);
    for (const id of this.reachable) {
      const document = state.fragments[id].document;
      if (!document) continue;
      for (const slot of pointerSlots(state, id, document)) {
        const target = slotTarget(state, slot);
        if (!target) continue;
        const list = this.incoming.get(target.fragment) ?? [];
        list.push({ owner: id, slot, target });
        this.incoming.set(target.fragment, list);
      }
    }
  }

  /** The tree the input held for a fragment (null for a new or non-FDT fragment). */
  originalDocument(id: string): FdtDocument | null {
    const cached = this.originalDocuments.get(id);
    if (cached) return cached;
    const fragment = this.inputFragments.get(id);
    if (fragment?.content?.kind !== 'fdt') return null;
    const document = readFdt(fragment.bytes).toDocument();
    this.originalDocuments.set(id, document);
    return document;
  }

  /** The input's root record of a root fragment. */
  inputRoot(id: string): KhoRoot | undefined {
    return this.graph.roots.find((root) => root.fragment === id);
  }

  /** How links reach a fragment: by page list, by address, or not at all (a root, or only fixed links). */
  incomingKinds(id: string): Set<PointerKind> {
    return new Set((this.incoming.get(id) ?? []).map((link) => link.slot.kind));
  }

  /** True for the root fragment of a root. */
  isRoot(id: string): boolean {
    return this.state.roots.some((root) => root.fragment === id);
  }
}
