import { fdtBlob, placeRoot, u64beList } from '../core/kho/discover/testing/khoTestImage';
import { SparseMemory } from '../core/mem/SparseMemory';
import { writeSparseMemoryFile } from './writeSparseKhoImage';

const MiB = 2 ** 20;
const PAGE = 4096;
/** Where the root goes. */
export const TREE_ROOT = MiB;
/** Where fragment 1's blob goes; fragment i's is i − 1 pages further. */
const FIRST_BLOB = 16 * MiB;

/** Bytes a child node takes in the root's FDT, at most (name, `preserved-data`, its string). */
const ROOT_BYTES_PER_CHILD = 64;

/** Room the radix map takes, at most, for every image this writes (a few pages per 32,768 preserved pages). */
const MAP_BYTES_BOUND = MiB;

/** The parent of fragment `i` (1 … fragments − 1); fragment 0 is the root. Parents must come first. */
export type ParentOf = (i: number) => number;

/** Every fragment a child of the root: one root with `fragments − 1` children. */
export const wideShape: ParentOf = () => 0;

/** A `fanOut`-ary tree filled breadth first: 10,000 fragments at fan-out 4 reach depth 7. */
export const bushyShape =
  (fanOut: number): ParentOf =>
  (i) =>
    Math.floor((i - 1) / fanOut);

/**
 * `chains` chains hanging off the root, each fragment pointing at the next:
 * 10,000 fragments in 160 chains reach depth 63, just inside the decoder's
 * default maxDepth of 64.
 */
export const deepShape =
  (chains: number): ParentOf =>
  (i) =>
    i <= chains ? 0 : i - chains;

/** Physical address of fragment `i`'s blob. */
const blobOf = (i: number): number => (i === 0 ? TREE_ROOT : FIRST_BLOB + (i - 1) * PAGE);

/**
 * Writes a sparse raw image (file byte 0 = physical 0) holding a KHO tree of
 * `fragments` fragments shaped by `parentOf`: a kho-v4 root at 1 MiB whose
 * children are linked by `preserved-data`, and below them fragments linked
 * by a one-page `kho,recursive-fdt` list (the draft scheme, which any
 * fragment may use). Fragment i is a small FDT of its own page, compatible
 * `user<i>-v1`, reached through a node named `user<i>` in its parent; a
 * radix map preserves every page. Returns the image's size.
 */
export function writeKhoTreeImage(path: string, fragments: number, parentOf: ParentOf): number {
  const size = FIRST_BLOB + fragments * PAGE + MiB;
  const memory = new SparseMemory(PAGE, [{ start: 0, end: size }]);
  const children: number[][] = Array.from({ length: fragments }, () => []);
  for (let i = 1; i < fragments; i++) children[parentOf(i)].push(i);
  // The root's FDT outgrows its first page with a few dozen children: its other pages are preserved too.
  const rootPages = Math.ceil((ROOT_BYTES_PER_CHILD * children[0].length + PAGE) / PAGE);
  const preserved = Array.from({ length: rootPages - 1 }, (_, k) => TREE_ROOT + (k + 1) * PAGE);
  // The map's pages go on the first MiB boundary above the root's last page: at 100k children
  // the root spans 6 MiB, and a map at a fixed 4 MiB was partly overwritten by it.
  const mapPages = TREE_ROOT + Math.ceil((rootPages * PAGE) / MiB) * MiB;
  if (mapPages + MAP_BYTES_BOUND > FIRST_BLOB) {
    throw new RangeError(`${children[0].length} root children: the root and its map would reach the blobs`);
  }
  for (let i = 1; i < fragments; i++) if (parentOf(i) !== 0) preserved.push(blobOf(i));
  placeRoot(memory, {
    address: TREE_ROOT,
    compatible: 'kho-v4',
    map: 'radix-tree',
    mapPages,
    children: children[0].map((i) => ({ name: `user${i}`, blob: blobOf(i), property: 'preserved-data' as const })),
    preserved,
  });
  // placeRoot wrote each root child as a leaf; fragments with children of their own get them here.
  for (let i = 1; i < fragments; i++) {
    if (children[i].length === 0 && parentOf(i) === 0) continue;
    const pointers = children[i].map((child) => ({
      name: `user${child}`,
      properties: [{ name: 'kho,recursive-fdt', value: u64beList([blobOf(child)]) }],
      children: [],
    }));
    memory.write(blobOf(i), fdtBlob(`user${i}-v1`, [], pointers));
  }
  writeSparseMemoryFile(path, size, memory);
  return size;
}
