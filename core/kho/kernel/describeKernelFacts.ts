import { hex } from '../../bytes/readers';
import { placementUnchecked } from '../checks/checkReserveMemPlacement';
import type { KhoGraph } from '../model/KhoGraph';

/**
 * One line per fact the image gives about its kernel, saying where it came
 * from (`kernel image: [0x1000000, 0x17be000 at least) from VMCOREINFO …`,
 * `command line: "…" from debugfs cmdline`), then what the reserve-mem
 * regions could not be checked against for want of a fact.
 */
export function describeKernelFacts(graph: KhoGraph): string[] {
  const { kernel } = graph;
  const lines: string[] = [];
  const image = kernel.kernelImage;
  if (image)
    lines.push(
      `kernel image: [${hex(image.start)}, ${hex(image.end)}${image.endIsLowerBound ? ' at least' : ''}) from ${image.source}`,
    );
  if (kernel.commandLine) lines.push(`command line: "${kernel.commandLine.text}" from ${kernel.commandLine.source}`);
  for (const what of placementUnchecked(graph)) lines.push(`reserve-mem placement not checked against ${what}`);
  return lines;
}
