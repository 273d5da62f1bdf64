import { hex, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import type { TargetSpec } from '../decode/PendingTarget';
import { propertyOf, type DecodedNode } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { LinkScheme } from '../model/Link';
import type { RootVersion } from '../model/RootVersion';
import { DRAFT_PAGE_LIST_PROPERTY } from '../values/abiPropertyTypes';

/** Why mainline pointers are read little-endian. */
const NATIVE_ORDER = 'KHO property values are native-endian (little-endian on every KHO architecture)';

/**
 * The mainline schemes on the children of a KHO root (kho-format.md §1.3):
 * `fdt` (kho-v1: a sub-FDT sized by its own header), `preserved-data`
 * (kho-v2: an FDT; kho-v3+: any blob of `blob-size` bytes). A pointer that
 * does not belong to the root's version is still followed and flagged. In a
 * debugfs blob set the child is the file `sub_fdts/<name>` instead. A child
 * without any pointer is flagged only under a mainline root (one with a
 * `preserved-memory-map`): in the seed's draft it is an in-place subnode.
 */
export function followRootChildren(
  ctx: DecodeContext,
  fragment: Fragment,
  root: DecodedNode,
  version: RootVersion,
): void {
  const mainline = propertyOf(root, 'preserved-memory-map') !== undefined;
  for (const child of root.children) {
    const location = { fragment: fragment.id, node: child.path };
    if (propertyOf(child, DRAFT_PAGE_LIST_PROPERTY)) continue;
    const fdt = propertyOf(child, 'fdt');
    const data = propertyOf(child, 'preserved-data');
    if (!fdt && !data) {
      if (mainline)
        ctx.diagnostics.warning(
          'missing-pointer',
          `root child ${child.name} has no fdt, preserved-data or ${DRAFT_PAGE_LIST_PROPERTY} property`,
          location,
        );
      continue;
    }
    const scheme: LinkScheme = data ? 'preserved-data' : 'kho-v1-fdt';
    const property = data ?? fdt!;
    const expected = version.rules === 1 ? 'fdt' : 'preserved-data';
    if (property.name !== expected) {
      ctx.diagnostics.warning(
        'property-outside-version',
        `${version.compatible} roots point to children with \`${expected}\`, but ${child.name} uses \`${property.name}\``,
        { ...location, property: property.name },
      );
    }
    if (property.raw.length !== 8) {
      ctx.diagnostics.error(
        'bad-property-length',
        `\`${property.name}\` is ${property.raw.length} bytes; it must be a u64 (8 bytes)`,
        { ...location, property: property.name, offset: property.offset },
      );
      continue;
    }
    const value = readU64(property.raw, 0, 'le');
    const address = toAddress(value);
    if (address === null || address === 0) {
      ctx.diagnostics.error(
        'bad-pointer',
        `\`${property.name}\` of ${child.name} is ${hex(value)}, not a usable physical address`,
        { ...location, property: property.name, offset: property.offset },
      );
      continue;
    }
    const size = scheme === 'preserved-data' ? blobSize(ctx, fragment, child, version) : null;
    const from = { fragment: fragment.id, node: child.path, property: property.name };
    const target: TargetSpec = ctx.blobFiles
      ? { kind: 'file', path: `sub_fdts/${child.name}`, nodeName: child.name }
      : size === null
        ? { kind: 'fdt', address }
        : { kind: 'blob', address, size, nodeName: child.name };
    ctx.follow(fragment, { from, scheme, addresses: [address], size, order: 'le', orderReason: NATIVE_ORDER }, target);
  }
}

/** The child's `blob-size` (kho-v3+), or null when absent or unusable (then the blob must be an FDT). */
function blobSize(ctx: DecodeContext, fragment: Fragment, child: DecodedNode, version: RootVersion): number | null {
  const property = propertyOf(child, 'blob-size');
  const location = { fragment: fragment.id, node: child.path, property: 'blob-size' };
  if (!property) {
    if (version.rules >= 3)
      ctx.diagnostics.warning(
        'missing-blob-size',
        `${version.compatible} children carry blob-size, but ${child.name} has none: the blob is read as an FDT sized by its header`,
        location,
      );
    return null;
  }
  if (property.raw.length !== 8) {
    ctx.diagnostics.error(
      'bad-property-length',
      `blob-size is ${property.raw.length} bytes; it must be a u64 (8 bytes)`,
      { ...location, offset: property.offset },
    );
    return null;
  }
  const size = toAddress(readU64(property.raw, 0, 'le'));
  if (size === null || size === 0) {
    ctx.diagnostics.error(
      'bad-size',
      `blob-size ${hex(readU64(property.raw, 0, 'le'))} is not a usable size`,
      location,
    );
    return null;
  }
  return size;
}
