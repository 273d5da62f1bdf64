import { extractionTar, type Fragment, graphToJson, type KhoGraph, renderFragmentDts } from '../../../core/kho';
import { downloadBytes } from '../../components/downloadBytes';
import { latin1Bytes } from '../../format/latin1Bytes';
import { useDocumentStore } from '../../state/documentStore';

/**
 * The explorer's extra exports, made in the page from the decoded graph
 * (nothing is read again, nothing leaves the machine): one fragment's DTS,
 * the whole graph as JSON (docs/graph-json-schema.md), and the debugfs
 * `kho/out` layout as a tar. Each returns the file name it saved, or throws
 * with the reason (a label a tar cannot hold).
 */

/** The base of download names: the image's name without its folder and extension. */
function baseName(label: string): string {
  const name = label.replace(/\/+$/, '').split('/').pop() ?? '';
  return name.replace(/\.(elf|raw|img|bin|dump|kdump|vmcore|dtb|gz)$/i, '') || 'kho';
}

/** Saves `fragment` as DTS, named after the image and the fragment id. */
export function downloadFragmentDts(graph: KhoGraph, fragment: Fragment, label: string): string {
  const name = `${baseName(label)}-${fragment.id.replace(/[^\w.-]+/g, '_')}.dts`;
  downloadBytes(name, latin1Bytes(renderFragmentDts(graph, fragment)), 'text/plain');
  return name;
}

/** Saves the whole graph as JSON. */
export function downloadGraphJson(graph: KhoGraph, label: string): string {
  const name = `${baseName(label)}.graph.json`;
  downloadBytes(name, new TextEncoder().encode(graphToJson(graph)), 'application/json');
  return name;
}

/** Saves the debugfs `kho/out` layout of the graph's blobs as a tar. */
export function downloadDebugfsTar(graph: KhoGraph, label: string): string {
  const name = `${baseName(label)}.kho-out.tar`;
  downloadBytes(name, extractionTar(graph), 'application/x-tar');
  return name;
}

/** Runs an export; a refusal (a name a tar cannot hold) becomes a notice in plain words, never a broken page. */
export function runExport(what: string, save: () => string): void {
  try {
    save();
  } catch (error) {
    useDocumentStore
      .getState()
      .notify(`The ${what} could not be made: ${error instanceof Error ? error.message : String(error)}`);
  }
}
