import type { KhoGraph } from '../../core/kho';
import type { DocumentView } from '../state/documentStore';

/**
 * The document view of a finished open that shows `graph` and nothing else
 * (no image, scan or memory reader): what the store tests hand to
 * `finishOpening`.
 */
export function readyView(label: string, graph: KhoGraph): DocumentView {
  return { status: 'ready', label, image: null, scan: null, graph, problem: null, plan: {}, readMemory: null };
}
