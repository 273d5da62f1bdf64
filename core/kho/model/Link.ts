import type { ByteOrder } from '../../bytes/ByteOrder';
import type { FieldRef } from './FieldRef';

/** How a link's pointer is encoded (see docs/kho-graph.md). */
export type LinkScheme =
  | 'draft-recursive-fdt'
  | 'kho-v1-fdt'
  | 'preserved-data'
  | 'debugfs-name'
  | 'luo-file-data'
  | 'luo-flb-data';

/**
 * One pointer from a node (or raw field) of a fragment to another fragment.
 * `to` is null when the target could not be read (the diagnostics say why).
 */
export interface Link {
  id: string;
  from: FieldRef;
  to: string | null;
  scheme: LinkScheme;
  /** Physical addresses: one start address, or the page list in list order. */
  addresses: number[];
  /** Size of the target in bytes, when known (blob-size, FDT totalsize, struct size). */
  size: number | null;
  /** Byte order the pointer was read in. */
  order: ByteOrder;
  /** Why that byte order (ABI rule, or the seed's reading test). */
  orderReason: string;
}
