import type { KhoGraph } from '../model/KhoGraph';
import { extractionFiles } from './extractionFiles';
import { tarArchive } from './tarArchive';

/** The folder the archive's files sit in, as the kernel's debugfs shows them. */
export const EXTRACTION_TAR_FOLDER = 'kho/out';

/**
 * The files `khoscope extract` writes (`extractionFiles`: `fdt`,
 * `sub_fdts/<name>`, `<name>.d/<label>`, one folder per root when there are
 * several) as a ustar archive under `kho/out/`, so unpacking it gives the
 * debugfs layout. Throws a RangeError when a label cannot be a tar path.
 */
export function extractionTar(graph: KhoGraph): Uint8Array<ArrayBuffer> {
  const decoded = graph.roots.filter((root) => root.fragment !== null);
  const files = extractionFiles(graph, decoded.length > 1);
  return tarArchive(files.map((file) => ({ path: `${EXTRACTION_TAR_FOLDER}/${file.path}`, bytes: file.bytes })));
}
