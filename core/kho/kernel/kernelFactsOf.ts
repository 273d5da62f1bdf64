import type { OpenedImage } from '../../mem/OpenedImage';
import { CMDLINE_FILE } from '../../mem/containers/DebugfsSet';
import type { NoteEntry } from '../../mem/containers/ElfNotes';
import { parseVmcoreinfo } from '../../mem/containers/ImageNotes';
import { CARVE_NOTE_NAME, CARVED_KERNEL_IMAGE } from '../carve/carveNotes';
import { type KernelFacts, noKernelFacts } from '../model/KernelFacts';
import { type KernelImageAnswer, kernelImageRange } from './kernelImageRange';

/**
 * Why a memory image has no command line: VMCOREINFO carries none (no
 * `saved_command_line` or `boot_command_line` symbol either, so the string
 * cannot be found in the dump), nor does the kdump header (utsname only).
 */
const NO_CMDLINE_IN_DUMPS =
  'a memory dump carries no command line (VMCOREINFO names no command-line symbol; the kdump header has only utsname)';

/** What an opened image says about its kernel: the kernel image's range, the command line (docs/kho-graph.md). */
export function kernelFactsOf(image: OpenedImage): KernelFacts {
  if (image.kind === 'debugfs') {
    return {
      kernelImage: null,
      commandLine: image.cmdline === null ? null : { text: image.cmdline, source: `debugfs ${CMDLINE_FILE}` },
      missing: {
        kernelImage: 'a debugfs set says nothing about the kernel image',
        ...(image.cmdline === null
          ? { commandLine: `the debugfs set has no ${CMDLINE_FILE} file (a copy of /proc/cmdline)` }
          : {}),
      },
    };
  }
  if (image.kind === 'dtb') return noKernelFacts('a lone DTB says nothing about its kernel');
  const answer = carvedKernelImage(image.notes.entries) ?? kernelImageRange(image.notes.vmcoreinfo);
  return {
    kernelImage: answer.range,
    commandLine: null,
    missing: { ...(answer.range === null ? { kernelImage: answer.why } : {}), commandLine: NO_CMDLINE_IN_DUMPS },
  };
}

/**
 * The kernel image range a `khoscope carve` note kept (the carved image has
 * no kernel symbols), or null when the image is not carved.
 */
function carvedKernelImage(entries: readonly NoteEntry[]): KernelImageAnswer | null {
  const note = entries.find((e) => e.name === CARVE_NOTE_NAME);
  if (!note) return null;
  const keys = parseVmcoreinfo(new TextDecoder().decode(note.desc));
  const missing = keys.get(CARVED_KERNEL_IMAGE.missing);
  const range = /^0x([0-9a-f]{1,14})-0x([0-9a-f]{1,14})$/.exec(keys.get(CARVED_KERNEL_IMAGE.range) ?? '');
  if (!range) return missing === undefined ? null : { range: null, why: missing };
  const [start, end] = [Number.parseInt(range[1], 16), Number.parseInt(range[2], 16)];
  if (!(start < end)) return { range: null, why: `the carve note's ${CARVED_KERNEL_IMAGE.range} is not a range` };
  return {
    range: {
      start,
      end,
      endIsLowerBound: keys.get(CARVED_KERNEL_IMAGE.end) !== 'exact',
      source: keys.get(CARVED_KERNEL_IMAGE.from) ?? `the carve note's ${CARVED_KERNEL_IMAGE.range}`,
    },
  };
}
