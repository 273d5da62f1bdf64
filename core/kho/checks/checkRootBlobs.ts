import { hex } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import { blockHolding } from '../maps/mapBlocks';
import type { Fragment } from '../model/Fragment';
import type { KhoRoot } from '../model/KhoGraph';

/** What the owner of a well-known root child expects its blob to be, and how to recognise it. */
interface ExpectedBlob {
  what: string;
  holds(fragment: Fragment): boolean;
}

const fdtWith = (compatible: string): ExpectedBlob => ({
  what: `an FDT with compatible "${compatible}"`,
  holds: (fragment) => fragment.content?.kind === 'fdt' && fragment.compatible === compatible,
});

/**
 * The root children whose owners are known, by node name, with what each
 * owner's ABI says its blob holds (kho-format.md §6): the next kernel's
 * owner checks exactly this before it restores anything.
 */
const EXPECTED: Readonly<Record<string, ExpectedBlob>> = {
  kho_test: fdtWith('kho-test-v1'),
  memblock: fdtWith('memblock-v1'),
  LUO: {
    what: 'a struct luo_ser (or a LUO FDT)',
    holds: (fragment) =>
      fragment.format === 'luo-ser' ||
      (fragment.content?.kind === 'fdt' && fragment.compatible?.startsWith('luo-') === true),
  },
  'kexec-metadata': { what: 'a struct kho_kexec_metadata', holds: (fragment) => fragment.format === 'kexec-metadata' },
};

/**
 * Checks each mainline root's own children against what the next kernel
 * does with them:
 * - a blob pointer outside RAM: the next kernel maps it while it boots and
 *   panics (`blob-outside-ram`);
 * - a blob that does not hold what its owner's ABI says (kho_test's
 *   `preserved-data` leading to kernel text, say): the owner refuses it
 *   (`wrong-blob`);
 * - a blob preserved, but not as the head of a block covering it: the owner
 *   restores its blob with `kho_restore_folio`/`kho_restore_free`, which
 *   find only a block whose head is the blob (`wrong-map-entry`).
 */
export function checkRootBlobs(ctx: DecodeContext, roots: readonly KhoRoot[]): void {
  for (const root of roots) {
    if (!root.fragment || !root.version) continue;
    for (const link of ctx.links) {
      if (link.from.fragment !== root.fragment || (link.scheme !== 'preserved-data' && link.scheme !== 'kho-v1-fdt'))
        continue;
      const address = link.addresses[0];
      const location = { fragment: root.fragment, node: link.from.node, property: link.from.property, address };
      const name = link.from.node.slice(1);
      if (address !== undefined && address !== 0 && ctx.memory && !ctx.memory.contains(address, 1)) {
        ctx.diagnostics.error(
          'blob-outside-ram',
          `${name}'s ${link.from.property} ${hex(address)} is outside RAM: the next kernel will panic early in boot, when it maps the blob`,
          location,
        );
        continue;
      }
      const fragment = link.to === null ? undefined : ctx.fragments.get(link.to);
      if (!fragment) continue;
      const expected = EXPECTED[name];
      // An unreadable blob (content null) already has its own error, which says more.
      if (expected && fragment.content !== null && !expected.holds(fragment)) {
        const holds =
          fragment.content?.kind === 'fdt'
            ? `an FDT with compatible ${fragment.compatible === null ? '(none)' : `"${fragment.compatible}"`}`
            : `${fragment.format === 'unknown' ? 'bytes of no known format' : fragment.format}`;
        ctx.diagnostics.error(
          'wrong-blob',
          `${name}'s ${link.from.property} leads to ${hex(address)}, which holds ${holds}, not ${expected.what}: the next kernel's ${name} will refuse it`,
          location,
        );
      }
      const map = root.map;
      if (map?.status !== 'complete' || map.blockCount === 0 || fragment.location.kind !== 'contiguous') continue;
      const entry = blockHolding(map, address);
      // A blob with no entry at all is already a not-preserved warning (checkPreservation).
      const covers = entry === null || (entry.address === address && ctx.pageSize * 2 ** entry.order >= fragment.size);
      if (!covers) {
        ctx.diagnostics.error(
          'wrong-map-entry',
          `${name}'s blob at ${hex(address)} (${fragment.size} bytes): the next kernel restores it from a map entry whose head is the blob and which covers it, but the map holds order ${entry.order} at ${hex(entry.address)} there`,
          location,
        );
      }
    }
  }
}
