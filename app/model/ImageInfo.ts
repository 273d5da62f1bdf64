import type { PhysRange } from '../../core/mem';

/** The containers the explorer tells apart (`built` = an image made in the page, such as the seed demo). */
export type ImageContainer = 'raw' | 'elf' | 'kdump' | 'debugfs' | 'dtb' | 'built';

/**
 * What the page knows about the opened image (plain data from the worker):
 * enough for the top bar, the memory map and the problem screens. The bytes
 * stay in the worker.
 */
export interface ImageInfo {
  /** The file name, the dropped folder's name, or the demo's title. */
  name: string;
  /** How many files make up the image (a debugfs set has several). */
  fileCount: number;
  /** Bytes of the file(s) as the user gave them. */
  size: number;
  container: ImageContainer;
  /** The container in words (`ELF core`, `kdump (makedumpfile flattened)`, `debugfs blob set`, ...). */
  detail: string;
  /** Page size in use (stated by the image, else the option). */
  pageSize: number;
  /** Physical RAM ranges; empty for a blob set or a lone DTB. */
  ranges: PhysRange[];
  /** False for a blob set or a lone DTB: there is no memory to read. */
  hasMemory: boolean;
  /** Things the container reader tolerated but wants shown. */
  warnings: string[];
  /** Set when the one file given is device-tree source text (read as a raw dump, it holds no root): compile it first. */
  dtsSource?: true;
}
