import { probeFdtHeader } from '../../fdt/FdtHeader';
import { fileFragment } from './fileFragment';
import type { FdtHeader } from '../../fdt/FdtHeader';
import type { DebugfsImage } from '../../mem/OpenedImage';
import type { DecodeContext } from '../decode/DecodeContext';
import { decodeFdtBytes, decodeFdtPrefix } from '../decode/decodeFdtBytes';
import { decodeFdtFragment } from '../decode/decodeFragment';
import { registerVersion } from '../decode/decodeRoot';
import { decodeRootMap } from '../decode/decodeRootMap';
import { followLinks } from '../decode/followLinks';
import type { Fragment } from '../model/Fragment';
import type { KhoRoot } from '../model/KhoGraph';

/** Id (and path) of the root file of a blob set. */
export const BLOB_SET_ROOT = 'fdt';

/**
 * Decodes the kernel's KHO debugfs files (kho-format.md §5): `fdt` is the
 * root, each child resolves by name to `sub_fdts/<name>` (there is no
 * physical memory to follow pointers into), and `scratch_phys`/`scratch_len`
 * (`bootmem_*` from 7.4-rc1) give the scratch areas. The kernel fixes a debugfs file's size when it
 * creates it, so `fdt` can hold only a prefix of a root that grew later:
 * that is explained, what the prefix holds is shown (nodes and values; the
 * property names are in the strings block, which comes last and so is
 * usually missing), and the children are then taken from `sub_fdts/`.
 */
export async function decodeBlobSet(ctx: DecodeContext, image: DebugfsImage): Promise<KhoRoot[]> {
  image.scratch.forEach((area, i) => {
    ctx.scratchAreas.push({
      id: `scratch:${i}`,
      address: area.start,
      size: area.size,
      source:
        image.scratchNaming === 'bootmem' ? 'debugfs bootmem_phys/bootmem_len' : 'debugfs scratch_phys/scratch_len',
    });
  });
  for (const warning of image.warnings) ctx.diagnostics.info('image-warning', warning);
  const bytes = image.root;
  const root: KhoRoot = {
    fragment: BLOB_SET_ROOT,
    address: null,
    how: 'debugfs',
    rank: null,
    compatible: null,
    version: null,
    anchorChain: null,
    map: null,
  };
  const fragment = fileFragment(BLOB_SET_ROOT, bytes);
  ctx.fragments.set(fragment.id, fragment);
  const header = probeFdtHeader(bytes);
  const referenced = new Set<string>();
  if (header && header.totalSize > bytes.length) {
    decodeTruncatedRoot(ctx, fragment, header);
    root.compatible = fragment.compatible;
  } else {
    const fdt = decodeFdtBytes(ctx, fragment);
    if (fdt) {
      registerVersion(ctx, fragment, root);
      root.map = await decodeRootMap(ctx, fragment, fdt, root, null, {});
      await decodeFdtFragment(ctx, fragment, fdt);
      for (const child of fdt.root.children) referenced.add(child.name);
    }
  }
  for (const name of image.children.keys()) {
    if (referenced.has(name)) continue;
    if (referenced.size > 0)
      ctx.diagnostics.info('unreferenced-blob', `sub_fdts/${name} is not a child of the root`, {
        fragment: fragment.id,
      });
    ctx.follow(
      fragment,
      {
        from: { fragment: fragment.id, node: `/${name}`, property: '' },
        scheme: 'debugfs-name',
        addresses: [],
        size: null,
        order: 'le',
        orderReason: 'resolved by file name; no pointer was read',
      },
      { kind: 'file', path: `sub_fdts/${name}`, nodeName: name },
    );
  }
  await followLinks(ctx);
  return [root];
}

/**
 * Shows what a truncated root file holds and explains the cut. Its pointers
 * are not followed (the children come from sub_fdts/ by name) and its
 * version is not registered: a prefix cannot say which children it lacks.
 */
function decodeTruncatedRoot(ctx: DecodeContext, fragment: Fragment, header: FdtHeader): void {
  const read = decodeFdtPrefix(ctx, fragment);
  const truncation = read?.truncation ?? null;
  const shown =
    truncation === null
      ? 'The bytes present are not a readable FDT prefix (see the fdt-error)'
      : `Shown is what the file holds: ${truncation.reason}${truncation.missingNameCount > 0 ? ' (shown as placeholders)' : ''}`;
  ctx.diagnostics.warning(
    'debugfs-root-truncated',
    `fdt holds ${fragment.bytes.length} of the root FDT's ${header.totalSize} bytes: debugfs fixed the file's size when it was created and the root grew afterwards ` +
      `(children are added later). ${shown}. The children are taken from sub_fdts/ by name; the full root is in a memory image.`,
    {
      fragment: fragment.id,
      offset: truncation && !truncation.structureComplete ? truncation.stoppedAt : fragment.bytes.length,
    },
  );
}
