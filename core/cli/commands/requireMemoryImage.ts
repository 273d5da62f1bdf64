import type { MemoryImage, OpenedImage } from '../../mem/OpenedImage';
import { InputError } from '../InputError';
import type { ImageArguments } from './imageArguments';

/**
 * The opened image when it is physical memory; a lone DTB or a debugfs blob
 * set is an `InputError` (`why` ends the sentence: what the command cannot do
 * without memory).
 */
export function requireMemoryImage(image: OpenedImage, args: ImageArguments, why: string): MemoryImage {
  if (image.kind === 'memory') return image;
  const what = image.kind === 'dtb' ? 'a lone FDT blob' : 'a KHO debugfs blob set';
  throw new InputError(`${args.paths.join(' ')} is ${what}, which ${why}`);
}
