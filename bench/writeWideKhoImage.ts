import { TREE_ROOT, wideShape, writeKhoTreeImage } from './writeKhoTreeImage';

/** Where the root goes. */
export const WIDE_ROOT = TREE_ROOT;

/**
 * Writes a sparse raw image (file byte 0 = physical 0) holding a kho-v4 root
 * at 1 MiB with `children` direct children, each pointing by
 * `preserved-data` at a small FDT of its own on its own page from 16 MiB on,
 * and a radix map preserving them all: `children` fragments and links below
 * a root with that many children. Returns the image's size.
 */
export function writeWideKhoImage(path: string, children: number): number {
  return writeKhoTreeImage(path, children + 1, wideShape);
}
