import type { KhoDecodeOptions } from '../decode/KhoDecodeOptions';
import type { KhoGraph } from '../model/KhoGraph';

/** Options of `carveImage`. */
export interface CarveOptions {
  /** Roots to decode (as `decodeKhoGraph`); without them root discovery runs, and the carved image keeps what it needs to find the same roots. */
  roots?: number[];
  /** Page size of the kernel that wrote the tree; defaults to the image's. Written to the carved image's VMCOREINFO. */
  pageSize?: number;
  limits?: KhoDecodeOptions['limits'];
  map?: KhoDecodeOptions['map'];
  /** A root scan already run (as `decodeKhoGraph`), so that a caller can show its progress. */
  scan?: KhoDecodeOptions['scan'];
  /**
   * The image's graph, decoded already with these same options (the
   * explorer and the fuzz target hold it): the first decode is then skipped.
   * A graph of another image or of other options gives a carve of the
   * wrong tree: the caller answers for it.
   */
  graph?: KhoGraph;
  /** Progress of the first decode (as `decodeKhoGraph`). */
  onProgress?: KhoDecodeOptions['onProgress'];
  /**
   * Also keep every page the roots' maps preserve: the preserved data itself
   * (reserve-mem regions, memfd content, test folios). Off by default: that is
   * where secrets live, and the graph decodes without it.
   */
  includeData?: boolean;
  /** Most bytes of preserved data `includeData` may add (default 64 MiB); more is refused. */
  maxDataBytes?: number;
}

/** Default of `CarveOptions.maxDataBytes`. */
export const DEFAULT_MAX_DATA_BYTES = 64 * 1024 * 1024;
