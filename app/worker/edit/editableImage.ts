import { EditError } from '../../../core/edit';
import type { KhoRootScan } from '../../../core/kho';
import type { KhoGraph } from '../../../core/kho';
import { inputFileSource } from '../openInputFiles';
import type { OpenedSession } from '../OpenedSession';
import type { OpenInput } from '../protocol';
import { EditSession } from './EditSession';
import { imageIdentity } from './imageIdentity';

/** An opened image whose graph was shown, with what editing it needs: the graph, the scan it came from, the input. */
export interface EditableImage {
  session: OpenedSession;
  input: OpenInput;
  graph: KhoGraph;
  scan: KhoRootScan | null;
}

/**
 * Starts editing an opened image: works out its identity (name, size, hash
 * of its first and KHO pages) and builds the edit state. Throws `EditError`
 * for an image without physical memory (a blob set, a lone DTB).
 */
export async function startEditSession(image: EditableImage): Promise<EditSession> {
  const { session, input, graph } = image;
  const memory = session.memory;
  if (!memory)
    throw new EditError(
      session.info.name,
      `a ${session.info.detail} has no physical memory to write fragments into; open a memory image to edit`,
    );
  const pageSize = graph.source.pageSize;
  const firstPage =
    input.kind === 'files'
      ? await inputFileSource(input.files[0]).read(0, pageSize)
      : memory.ranges.length > 0
        ? await memory.read(memory.ranges[0].start, Math.min(pageSize, memory.ranges[0].end - memory.ranges[0].start))
        : new Uint8Array(0);
  const identity = await imageIdentity({ name: session.info.name, size: session.info.size, firstPage }, memory, graph);
  return EditSession.start(session.target, memory, graph, image.scan, identity);
}
