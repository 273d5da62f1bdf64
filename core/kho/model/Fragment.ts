import type { FdtContent } from './FdtContent';
import type { FragmentLocation } from './FragmentLocation';
import type { RawContent } from './RawContent';
import type { UserContent } from './UserContent';

/**
 * One blob of the KHO graph: an FDT or a raw struct, where it lives, its bytes
 * and what they decode to. `content` is null when nothing could be decoded
 * (the diagnostics say why); `user` is set for known KHO users.
 */
export interface Fragment {
  id: string;
  /** Id of the root fragment this fragment was first reached from. */
  root: string;
  /** Links from the root to here (0 for a root). */
  depth: number;
  location: FragmentLocation;
  /** Bytes the fragment occupies (blob-size, FDT totalsize, or struct size). */
  size: number;
  /** What the bytes are: `fdt`, `luo-ser`, `kexec-metadata`, `memfd-v2`, `unknown`, ... */
  format: string;
  /** The root `compatible` of an FDT or the compatible string of a raw struct. */
  compatible: string | null;
  bytes: Uint8Array;
  content: FdtContent | RawContent | null;
  user: UserContent | null;
}
