import type { Diagnostic } from './Diagnostic';
import type { Fragment } from './Fragment';
import type { KernelFacts } from './KernelFacts';
import type { Link } from './Link';
import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import type { RootRole } from './RootRole';
import type { RootVersion } from './RootVersion';
import type { AnchorChain, BlockSet, ScratchArea, VmallocArea } from './SideStructures';

/**
 * Everything decoded from one image: its KHO roots, every fragment and link
 * reachable from them, the side structures, and every diagnostic. Plain data
 * (bigint and typed arrays included) apart from the maps' small classes, so a
 * Web Worker can post it as is.
 */
export interface KhoGraph {
  source: GraphSource;
  roots: KhoRoot[];
  fragments: Fragment[];
  links: Link[];
  vmallocAreas: VmallocArea[];
  blockSets: BlockSet[];
  scratchAreas: ScratchArea[];
  /** What the image says about the kernel that wrote it (kernel image range, command line). */
  kernel: KernelFacts;
  diagnostics: Diagnostic[];
}

/** What the graph was decoded from. */
export interface GraphSource {
  /** `memory` (a physical-memory image), `debugfs` (a blob set) or `dtb` (one lone FDT). */
  kind: 'memory' | 'debugfs' | 'dtb';
  name: string;
  pageSize: number;
}

/** One KHO root: where it is, how it was found, its version and preserved-memory map. */
export interface KhoRoot {
  /** Id of the root fragment, or null when the root could not be decoded. */
  fragment: string | null;
  /** Physical address of the root page (or first anchor page); null for a debugfs or dtb root. */
  address: number | null;
  /** How the root was found: `given` (--root), or the scan's method. */
  how: string;
  /** The scan's rank when it was discovered. */
  rank: number | null;
  compatible: string | null;
  version: RootVersion | null;
  /** Set when the top-level FDT was reached through KHOANCH1 anchor pages. */
  anchorChain: AnchorChain | null;
  /**
   * The decoded preserved-memory map (status `no-map-yet` when the value is 0);
   * null when the root has none. Its `ranges` survive a structured clone as
   * `{ pairs }`: rebuild with `new PreservedRanges(pairs)`.
   */
  map: PreservedMemoryMap | null;
  /** What the root is to the kernel in the image (outgoing, incoming, ...) and why; set once the graph is decoded. */
  role?: RootRole;
}
