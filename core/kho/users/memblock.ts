import { hex } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import type { FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { ReserveMemRange } from '../model/UserContent';
import { stringProperty, u64Property } from './fdtProperties';

/** Compatible of each `reserve_mem` subnode. */
const RESERVE_MEM_COMPATIBLE = 'reserve-mem-v1';

/**
 * Decodes a `memblock-v1` FDT (kho-format.md §6.1): one `reserve-mem-v1`
 * subnode per `reserve_mem=` region with u64 LE `start` and `size`. The
 * regions are preserved by memblock, so they are claimed against the map.
 */
export function decodeMemblock(ctx: DecodeContext, fragment: Fragment, fdt: FdtContent): void {
  const ranges: ReserveMemRange[] = [];
  for (const node of fdt.root.children) {
    const compatible = stringProperty(node, 'compatible');
    const location = { fragment: fragment.id, node: node.path };
    if (compatible !== RESERVE_MEM_COMPATIBLE) {
      ctx.diagnostics.warning(
        'unknown-version',
        `memblock subnode ${node.name} has compatible "${compatible ?? '(none)'}", not "${RESERVE_MEM_COMPATIBLE}"`,
        { ...location, property: 'compatible' },
      );
      continue;
    }
    const startRaw = u64Property(ctx, fragment, node, 'start');
    const size = u64Property(ctx, fragment, node, 'size');
    if (startRaw === null || size === null) continue;
    const start = toAddress(startRaw);
    ranges.push({ name: node.name, node: node.path, start, size });
    const end = start === null ? null : toAddress(startRaw + size);
    if (start === null || end === null) {
      ctx.diagnostics.error(
        'address-too-large',
        `reserve-mem ${node.name} [${hex(startRaw)}, +${hex(size)}) is past 2^53`,
        { ...location, property: 'start' },
      );
    } else if (size > 0n) {
      // reserve_mem preserves the region with kho_preserve_pages over exactly [start, start + size).
      ctx.claimPreserved(
        fragment.root,
        start,
        end,
        `reserve-mem ${node.name}`,
        { ...location, property: 'start', address: start },
        {
          kind: 'pages',
          consequence: `the next kernel revives ${node.name} only where the map holds exactly the region it preserved, and only when its size equals that kernel's reserve_mem= argument (was start or size changed?)`,
        },
      );
    }
  }
  fragment.user = { user: 'memblock', ranges };
}
