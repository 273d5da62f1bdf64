import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';
import type { KhoGraph } from '../model/KhoGraph';
import { liveReserveMemRanges } from './liveReserveMemRanges';

const CODE = 'reserve-mem-placement';

/**
 * Where each reserve-mem region a next kernel would revive lies, against
 * what the image says about memory that region must not share (issue 15):
 *
 * - a KHO scratch area (debugfs `scratch_phys`/`scratch_len`, `bootmem_*`):
 *   the next kernel allocates its early memory there, and KHO places the
 *   kexec image there (`kho_locate_mem_hole`), so nothing preserved may lie
 *   in it (a `KEXEC_HANDOVER_DEBUG` kernel refuses to preserve such memory,
 *   `kho_scratch_overlap`);
 * - the kernel image (VMCOREINFO, `kernelImageRange`): its code and data,
 *   where a next kernel of the same build without KASLR loads too.
 *
 * Linux revives a region without looking at where it is (`reserve_mem_kho_revive`
 * checks the node's compatible, the sizes of `start` and `size`, the
 * alignment and the size), so an overlap is taken silently and the trouble
 * comes later: these are errors. That a region is not preserved is the
 * preservation check's (`wrong-map-entry`). What could not be checked,
 * because the image does not say, is `placementUnchecked`'s (a line of
 * `check` and `tree`, not a diagnostic: most images lack one or the other).
 */
export function checkReserveMemPlacement(graph: KhoGraph): Diagnostic[] {
  const regions = liveReserveMemRanges(graph);
  if (regions.length === 0) return [];
  const out: Diagnostic[] = [];
  const scratch = graph.scratchAreas.filter((area) => area.size > 0);
  const image = graph.kernel.kernelImage;
  for (const { fragment, range } of regions) {
    if (range.start === null || range.size === 0n) continue;
    const start = range.start;
    const end = start + Number(range.size);
    const place = `reserve-mem ${range.name} [${hex(start)}, ${hex(end)})`;
    const location = { fragment, node: range.node, property: 'start', address: start };
    for (const area of scratch) {
      if (start >= area.address + area.size || area.address >= end) continue;
      out.push({
        severity: 'error',
        code: CODE,
        message: `${place} overlaps KHO scratch area [${hex(area.address)}, ${hex(area.address + area.size)}) (${area.source}): the next kernel allocates its early memory there, so the region's contents are overwritten (no kernel preserves memory inside scratch; Linux revives the region without checking)`,
        location,
      });
    }
    if (image && start < image.end && image.start < end) {
      out.push({
        severity: 'error',
        code: CODE,
        message: `${place} overlaps the kernel image [${hex(image.start)}, ${hex(image.end)}${image.endIsLowerBound ? ' at least' : ''}) (${image.source}): that is kernel code and data, where a next kernel of the same build loads too, so the region's users and the kernel write over each other (Linux revives the region without checking)`,
        location,
      });
    }
  }
  return out;
}

/**
 * What the reserve-mem regions could not be checked against, because the
 * image does not say (empty when there are no regions, or all was checked).
 */
export function placementUnchecked(graph: KhoGraph): string[] {
  if (liveReserveMemRanges(graph).length === 0) return [];
  return [
    ...(graph.scratchAreas.some((area) => area.size > 0)
      ? []
      : ['the KHO scratch areas (not in this image: a debugfs set has them in scratch_phys/scratch_len)']),
    ...(graph.kernel.kernelImage ? [] : [`the kernel image (${graph.kernel.missing.kernelImage ?? 'not known'})`]),
  ];
}
