import type { MemoryImage } from '../OpenedImage';
import { elfMachineFor } from './machineNumbers';

/**
 * Byte order and `e_machine` for an ELF core written from `image`: those of
 * the input, so tools that check `e_machine` see the right one. An ELF
 * input keeps its own, a kdump gives its header's, and a raw dump (which
 * states neither) is little-endian with EM_NONE.
 */
export function elfIdentityOf(image: MemoryImage): { littleEndian: boolean; machine: number } {
  if (image.container === 'elf') return { littleEndian: image.elf.littleEndian, machine: image.elf.machine };
  if (image.container === 'kdump')
    return { littleEndian: image.kdump.littleEndian, machine: elfMachineFor(image.kdump.machine) };
  return { littleEndian: true, machine: 0 };
}
