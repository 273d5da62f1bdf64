import type { Fragment } from '../model/Fragment';
import type { Link } from '../model/Link';

/**
 * A link found in a fragment but not yet followed: the link (its `to` still
 * null), the fragment that holds it, and how to read what it points at.
 */
export interface PendingTarget {
  link: Link;
  owner: Fragment;
  target: TargetSpec;
}

/**
 * How to read a link's target.
 * - `fdt`: an FDT at one address, sized by its own header (`fdt`, kho-v2 `preserved-data`).
 * - `blob`: `size` bytes at one address, FDT or raw (kho-v3+ `preserved-data` + `blob-size`);
 *   the node name picks the format, then the bytes are sniffed.
 * - `fdt-pages`: an FDT spread over pages read in list order (draft `kho,recursive-fdt`).
 * - `raw`: a packed struct of known format and size (LUO handler data, with the handler's compatible).
 * - `file`: a file of a debugfs blob set.
 */
export type TargetSpec =
  | { kind: 'fdt'; address: number }
  | { kind: 'blob'; address: number; size: number; nodeName: string }
  | { kind: 'fdt-pages'; pages: number[] }
  | { kind: 'raw'; address: number; size: number; format: string; compatible?: string }
  | { kind: 'file'; path: string; nodeName: string };
