import type { FdtIndex } from '../../fdt';
import { hex, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { ByteOrder } from '../../bytes/ByteOrder';
import type { ValidationReader } from './ValidationReader';

/** What the root's child pointers lead to. */
export interface ChildPointerCheck {
  /** Children that carry a pointer property. */
  total: number;
  /** Of those, the ones whose pointer lands on an FDT or a plausible blob in RAM. */
  resolved: number;
  /** One plain-words line per child that does not resolve. */
  failures: string[];
}

const FDT_MAGIC = [0xd0, 0x0d, 0xfe, 0xed];

/**
 * Follows the pointer of every child node of the root: `fdt` (kho-v1) and
 * `preserved-data` (kho-v2+, with `blob-size` from v3) are native u64s;
 * `kho,recursive-fdt` is a list of page addresses, accepted in either byte
 * order (seed-design.md). A pointer resolves when it lands inside RAM at an
 * FDT magic, or (for `preserved-data` with a `blob-size`) when the whole blob
 * lies inside RAM.
 */
export async function checkChildPointers(
  reader: ValidationReader,
  fdt: FdtIndex,
  pageSize: number,
): Promise<ChildPointerCheck> {
  const check: ChildPointerCheck = { total: 0, resolved: 0, failures: [] };
  for (const child of fdt.nodeChildren(0)) {
    const name = fdt.nodeName(child);
    const failure = await checkChild(reader, fdt, child, pageSize);
    if (failure === undefined) continue;
    check.total++;
    if (failure === null) check.resolved++;
    else check.failures.push(`child ${name}: ${failure}`);
  }
  return check;
}

/** undefined: no pointer property; null: it resolves; a string: why it does not. */
async function checkChild(
  reader: ValidationReader,
  fdt: FdtIndex,
  node: number,
  pageSize: number,
): Promise<string | null | undefined> {
  for (const name of ['fdt', 'preserved-data']) {
    const p = fdt.findProperty(node, name);
    if (p < 0) continue;
    const value = fdt.propertyValue(p);
    if (value.length !== 8) return `${name} has ${value.length} bytes, not 8`;
    const target = u64(value, 0, 'le');
    if (target === null) return `${name} is above 2^53`;
    if (await startsWithFdtMagic(reader, target)) return null;
    const sizeProperty = name === 'preserved-data' ? fdt.findProperty(node, 'blob-size') : -1;
    const sizeValue = sizeProperty >= 0 ? fdt.propertyValue(sizeProperty) : undefined;
    const size = sizeValue?.length === 8 ? u64(sizeValue, 0, 'le') : null;
    if (size !== null && size > 0 && reader.memory.contains(target, size)) return null;
    return reader.memory.contains(target, 1)
      ? `${name} ${hex(target)} is in RAM but holds no FDT${size === null ? '' : ` and blob-size ${size} does not fit`}`
      : `${name} ${hex(target)} is outside RAM`;
  }
  const p = fdt.findProperty(node, 'kho,recursive-fdt');
  if (p < 0) return undefined;
  const value = fdt.propertyValue(p);
  if (value.length === 0 || value.length % 8 !== 0)
    return `kho,recursive-fdt has ${value.length} bytes, not a multiple of 8`;
  for (const order of ['be', 'le'] as const) {
    if (await pageListResolves(reader, value, order, pageSize)) return null;
  }
  return 'kho,recursive-fdt pages are not all page-aligned in RAM with an FDT on the first (in either byte order)';
}

async function pageListResolves(
  reader: ValidationReader,
  value: Uint8Array,
  order: ByteOrder,
  pageSize: number,
): Promise<boolean> {
  for (let at = 0; at < value.length; at += 8) {
    const page = u64(value, at, order);
    if (page === null || page % pageSize !== 0 || !reader.memory.contains(page, pageSize)) return false;
  }
  return startsWithFdtMagic(reader, u64(value, 0, order) as number);
}

async function startsWithFdtMagic(reader: ValidationReader, address: number): Promise<boolean> {
  const head = await reader.read(address, 4);
  return typeof head !== 'string' && FDT_MAGIC.every((b, i) => head[i] === b);
}

/** The u64 at `offset` as an address, or null when it is 2^53 or more. */
function u64(bytes: Uint8Array, offset: number, order: ByteOrder): number | null {
  return toAddress(readU64(bytes, offset, order));
}
