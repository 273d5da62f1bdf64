import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { openImageArguments, type ImageArguments } from './imageArguments';

/** Opens IMAGE as the arguments say, decodes its KHO graph (given roots, or discovered ones), and closes it. */
export async function decodeImageGraph(args: ImageArguments): Promise<KhoGraph> {
  const opened = await openImageArguments(args);
  try {
    return await decodeKhoGraph(opened.image, { roots: args.roots ?? undefined, pageSize: args.pageSize });
  } finally {
    await opened.close();
  }
}
