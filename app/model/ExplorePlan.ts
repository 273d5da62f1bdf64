/**
 * How to find the KHO tree in an image, chosen by the user on the problem
 * and chooser screens: scan (default), decode given roots, list every FDT,
 * another page size, another physical base for a raw dump.
 */
export interface ExplorePlan {
  /** Page size of the kernel that wrote the image, when the image does not state it. */
  pageSize?: number;
  /** Raw dumps: physical address of the file's first byte. */
  base?: number;
  /** Decode exactly these roots (physical addresses of root FDTs or first anchor pages); no scan. */
  roots?: number[];
  /** Scan, and list every FDT found at a page start whatever its compatible. */
  listAllFdts?: boolean;
}
