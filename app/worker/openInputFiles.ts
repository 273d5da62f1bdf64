import { DTS_SNIFF_BYTES, looksLikeDtsSource } from '../../core/fdt/dts';
import { BlobSource, type ByteSource, HttpRangeSource, openImage } from '../../core/mem';
import type { ExplorePlan } from '../model/ExplorePlan';
import { sessionOfImage } from './describeImage';
import type { OpenedSession } from './OpenedSession';
import type { InputFile } from './protocol';

/** Page size assumed for images that state none, unless the user chose one. */
export const DEFAULT_PAGE_SIZE = 4096;

/** The bytes of one input file: a `Blob` slice by slice, or a served image range by range. */
export function inputFileSource(entry: InputFile): ByteSource {
  return 'served' in entry.file
    ? new HttpRangeSource(entry.file.url, entry.file.size, entry.path)
    : new BlobSource(entry.file, entry.path);
}

/**
 * Opens the user's files through `openImage`: one file as whatever its
 * content says it is, several as a debugfs blob set (named by their paths).
 * One file that opens as a raw dump but starts like DTS text is marked so
 * (`ImageInfo.dtsSource`).
 * Files are read through `Blob.slice` (or, served by `khoscope open`, by
 * HTTP range requests), never whole.
 */
export async function openInputFiles(
  label: string,
  files: readonly InputFile[],
  plan: ExplorePlan,
): Promise<OpenedSession> {
  const sources = files.map(inputFileSource);
  const options = { pageSize: plan.pageSize, base: plan.base };
  const image = await openImage(sources.length === 1 ? sources[0] : sources, options);
  const size = files.reduce((sum, entry) => sum + entry.file.size, 0);
  const session = sessionOfImage(
    image,
    { name: label, fileCount: files.length, size },
    plan.pageSize ?? DEFAULT_PAGE_SIZE,
  );
  // Anything unrecognised opens as a raw dump; a .dts among them deserves a better word than "no root".
  if (image.kind === 'memory' && image.container === 'raw' && sources.length === 1) {
    const head = await sources[0].read(0, Math.min(DTS_SNIFF_BYTES, sources[0].size));
    if (looksLikeDtsSource(head)) {
      session.info.dtsSource = true;
      session.info.detail = 'device-tree source text';
    }
  }
  return session;
}
