import type { EditPlan, PlannedFragment } from '../../../core/edit';
import { hex } from '../../../core/bytes';
import type { KhoGraph } from '../../../core/kho';
import type { Link } from '../../../core/kho';
import type { ExportPreview, PreviewFragment } from '../../model/ExportPreview';

/**
 * What export of `plan` changes, in words for the export dialog. `input` is
 * the opened graph, `edited` the graph the edited image decodes to; a
 * pointer or page list is listed when its addresses differ from the input's
 * (or it is new).
 */
export function exportPreview(plan: EditPlan, input: KhoGraph, edited: KhoGraph): ExportPreview {
  const fragments: PreviewFragment[] = plan.fragments.flatMap((fragment) =>
    fragment.fate === 'unchanged'
      ? []
      : [
          {
            id: fragment.decodedId,
            was: fragment.fate === 'new' ? null : fragment.id,
            fate: fragment.fate,
            where: whereOf(fragment),
          },
        ],
  );
  const editIdOf = new Map(plan.fragments.map((fragment) => [fragment.decodedId, fragment.id]));
  const before = new Map(input.links.map((link) => [linkKey(link.from.fragment, link), link]));
  const pointers: string[] = [];
  for (const link of edited.links) {
    if (link.to === null) continue;
    const was = before.get(linkKey(editIdOf.get(link.from.fragment) ?? link.from.fragment, link));
    if (was && sameAddresses(was.addresses, link.addresses)) continue;
    const place = `${link.from.fragment} ${link.from.node}${link.from.property ? ` ${link.from.property}` : ''}`;
    pointers.push(
      `${place} → ${link.addresses.map(hex).join(' + ')}${was ? ` (was ${was.addresses.map(hex).join(' + ')})` : ' (new)'}`,
    );
  }
  return {
    fragments,
    dropped: [...plan.dropped],
    allocated: plan.allocated.map(hex),
    released: plan.released.map((range) => `${hex(range.start)}–${hex(range.end)}`),
    pointers,
    maps: plan.maps.map((map) => ({
      root: map.root,
      encoding: map.encoding,
      headBefore: hex(map.before),
      headAfter: hex(map.after),
      added: map.added.map(entryText),
      removed: map.removed.map(entryText),
    })),
    changedPages: plan.pages.size,
  };
}

/** A map entry as the kernel restores it: its first page and its order (`0x100000 order 0`). */
function entryText(block: { address: number; order: number }): string {
  return `${hex(block.address)} order ${block.order}`;
}

function whereOf(fragment: PlannedFragment): string {
  const { location } = fragment;
  const size = `${fragment.bytes.length} bytes`;
  if (location.kind === 'contiguous') return `${hex(location.address)}, ${size}`;
  if (location.kind === 'pages') return `pages ${location.pages.map(hex).join(' + ')}, ${size}`;
  return size;
}

function linkKey(fragment: string, link: Link): string {
  return `${fragment}\n${link.from.node}\n${link.from.property}`;
}

function sameAddresses(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((address, i) => address === b[i]);
}
