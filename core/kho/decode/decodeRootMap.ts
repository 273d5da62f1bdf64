import { MapError } from '../maps/MapError';
import type { MapDecodeOptions } from '../maps/MapDecodeOptions';
import { decodePreservedMemoryMap } from '../maps/decodePreservedMemoryMap';
import { mapEncodingFor } from '../maps/mapEncodingFor';
import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import { hex, readU64 } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import { propertyOf, type FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { KhoRoot } from '../model/KhoGraph';
import type { DecodeContext } from './DecodeContext';

/** Map decoder options the caller may set (page size, signal and progress come from the decode). */
export type RootMapOptions = Omit<MapDecodeOptions, 'pageSize' | 'signal' | 'onProgress'>;

/**
 * Decodes the map a root's `preserved-memory-map` points at, in the encoding
 * of the root's version (chunk list for kho-v1, radix tree from kho-v2). A
 * value of 0 is "no map yet" (6.19/7.0 before finalize), not an error; a root
 * without the property (the seed's draft) simply has no map. Reuses the map
 * root discovery already decoded when it is the same one. The map's own
 * problems become `map-problem` diagnostics.
 */
export async function decodeRootMap(
  ctx: DecodeContext,
  fragment: Fragment,
  fdt: FdtContent,
  root: KhoRoot,
  scanned: PreservedMemoryMap | null,
  options: RootMapOptions,
): Promise<PreservedMemoryMap | null> {
  const property = propertyOf(fdt.root, 'preserved-memory-map');
  const location = { fragment: fragment.id, node: '/', property: 'preserved-memory-map' };
  if (!property || !root.version) {
    if (root.version)
      ctx.diagnostics.info(
        'no-preserved-memory-map',
        'the root has no preserved-memory-map property, so preservation is not checked',
        { ...location, property: undefined },
      );
    return null;
  }
  if (property.raw.length !== 8) {
    ctx.diagnostics.error(
      'bad-property-length',
      `preserved-memory-map is ${property.raw.length} bytes; it must be a u64 (8 bytes)`,
      { ...location, offset: property.offset },
    );
    return null;
  }
  const value = readU64(property.raw, 0, 'le');
  const address = toAddress(value);
  if (address === null) {
    ctx.diagnostics.error(
      'address-too-large',
      `preserved-memory-map ${hex(value)} is not a usable physical address`,
      location,
    );
    return null;
  }
  if (address === 0)
    ctx.diagnostics.info(
      'no-map-yet',
      'preserved-memory-map is 0: the kernel has not written its map yet (6.19/7.0 before finalize)',
      location,
    );
  if (!ctx.memory) {
    if (address !== 0)
      ctx.diagnostics.info(
        'no-physical-memory',
        `the map at ${hex(address)} cannot be read: this source has no physical memory`,
        location,
      );
    return null;
  }
  if (address !== 0 && !ctx.memory.contains(address, 1))
    ctx.diagnostics.error(
      'map-outside-ram',
      `preserved-memory-map ${hex(address)} is outside RAM: the next kernel will panic early in boot, when it walks the map`,
      location,
    );
  ctx.progress('maps');
  const encoding = mapEncodingFor(root.version);
  if (scanned && scanned.address === address && scanned.encoding === encoding && scanned.pageSize === ctx.pageSize)
    return report(ctx, scanned, location);
  try {
    const map = await decodePreservedMemoryMap(ctx.memory, address, encoding, {
      ...options,
      pageSize: ctx.pageSize,
      signal: ctx.signal,
    });
    return report(ctx, map, location);
  } catch (error) {
    if (!(error instanceof MapError)) throw error;
    ctx.diagnostics.error('map-error', `the preserved-memory map cannot be decoded: ${error.message}`, location);
    return null;
  }
}

function report(
  ctx: DecodeContext,
  map: PreservedMemoryMap,
  location: { fragment: string; node: string; property: string },
): PreservedMemoryMap {
  const structure = `map:${hex(map.address)}`;
  for (const problem of map.problems) {
    ctx.diagnostics.warning('map-problem', `${problem.structure} at ${hex(problem.address)}: ${problem.message}`, {
      ...location,
      address: problem.address,
      structure,
    });
  }
  if (map.droppedProblems > 0)
    ctx.diagnostics.warning('map-problem', `${map.droppedProblems} more map problems were not kept`, {
      ...location,
      structure,
    });
  return map;
}
