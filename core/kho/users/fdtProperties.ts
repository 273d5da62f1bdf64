import { readCString, readU32, readU64 } from '../../bytes/readers';
import type { DecodeContext } from '../decode/DecodeContext';
import { propertyOf, type DecodedNode } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';

/**
 * Reads the ABI-typed properties known users rely on, checking their length:
 * a u64 must be 8 bytes, a u32 4. A property of the wrong length is a
 * `bad-property-length` error at that property, and reads as absent (null);
 * a missing required one is a `missing-property` warning.
 */

/** The u64 (LE) property `name` of `node`, or null. */
export function u64Property(
  ctx: DecodeContext,
  fragment: Fragment,
  node: DecodedNode,
  name: string,
  required = true,
): bigint | null {
  const raw = checkedValue(ctx, fragment, node, name, 8, required);
  return raw ? readU64(raw, 0, 'le') : null;
}

/** The u32 (LE) property `name` of `node`, or null. */
export function u32Property(
  ctx: DecodeContext,
  fragment: Fragment,
  node: DecodedNode,
  name: string,
  required = true,
): number | null {
  const raw = checkedValue(ctx, fragment, node, name, 4, required);
  return raw ? readU32(raw, 0, 'le') : null;
}

/** The string property `name` of `node` (up to its first NUL), or null when absent. */
export function stringProperty(node: DecodedNode, name: string): string | null {
  const property = propertyOf(node, name);
  return property ? readCString(property.raw, 0, property.raw.length) : null;
}

function checkedValue(
  ctx: DecodeContext,
  fragment: Fragment,
  node: DecodedNode,
  name: string,
  size: number,
  required: boolean,
): Uint8Array | null {
  const property = propertyOf(node, name);
  const location = { fragment: fragment.id, node: node.path, property: name };
  if (!property) {
    if (required)
      ctx.diagnostics.warning('missing-property', `node ${node.path} has no \`${name}\` property`, location);
    return null;
  }
  if (property.raw.length !== size) {
    ctx.diagnostics.error('bad-property-length', `\`${name}\` is ${property.raw.length} bytes; the ABI says ${size}`, {
      ...location,
      offset: property.offset,
    });
    return null;
  }
  return property.raw;
}
