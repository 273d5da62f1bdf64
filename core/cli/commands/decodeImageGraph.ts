import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoDecodeOptions } from '../../kho/decode/KhoDecodeOptions';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import type { OpenedImage } from '../../mem/OpenedImage';
import { findKhoRoots } from '../../kho/discover';
import { ProgressLine } from '../ProgressLine';
import { openImageArguments, type ImageArguments } from './imageArguments';

/** Opens IMAGE as the arguments say, decodes its KHO graph (given roots, or discovered ones), and closes it. */
export async function decodeImageGraph(args: ImageArguments, progress = new ProgressLine()): Promise<KhoGraph> {
  const opened = await openImageArguments(args);
  try {
    return await decodeKhoGraph(opened.image, await decodeOptionsFor(opened.image, args, progress));
  } finally {
    progress.clear();
    await opened.close();
  }
}

/**
 * The decode options the arguments ask for, with progress on `progress`. Root
 * discovery is run here, not inside the decoder, so that a long scan of a big
 * image shows how far it has got; the decoder then chooses among its roots
 * exactly as it would have.
 */
export async function decodeOptionsFor(
  image: OpenedImage,
  args: ImageArguments,
  progress: ProgressLine,
): Promise<KhoDecodeOptions> {
  const options: KhoDecodeOptions = {
    roots: args.roots ?? undefined,
    pageSize: args.pageSize,
    onProgress: progress.active
      ? ({ fragments, links, bytesRead }) =>
          progress.update(`decoding: ${fragments} fragments, ${links} links, ${mebibytes(bytesRead)} read`)
      : undefined,
  };
  if (image.kind !== 'memory' || args.roots !== null) return options;
  const scan = await findKhoRoots(image.memory, {
    pageSize: args.pageSize ?? image.pageSize,
    onProgress: progress.active ? scanProgress(progress) : undefined,
  });
  return { ...options, scan };
}

/** Scan progress as `scanning: 42% of 16.0 GiB`. */
export function scanProgress(progress: ProgressLine): (p: { bytesScanned: number; totalBytes: number }) => void {
  return ({ bytesScanned, totalBytes }) => {
    const percent = totalBytes === 0 ? 100 : Math.floor((100 * bytesScanned) / totalBytes);
    progress.update(`scanning: ${percent}% of ${mebibytes(totalBytes)}`, percent === 100);
  };
}

function mebibytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
