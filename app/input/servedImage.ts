import { openFiles } from '../state/openActions';
import type { ServedFile } from '../worker/protocol';

/** What `khoscope open` asks the page to open: `?image=<url relative to the page>&name=<file name>`. */
export interface ServedImageQuery {
  url: string;
  name: string;
}

/** The served image the page's query names, or null (a normal page load). */
export function servedImageQuery(search: string, base: string): ServedImageQuery | null {
  const params = new URLSearchParams(search);
  const image = params.get('image');
  if (image === null || image === '') return null;
  const url = new URL(image, base);
  // Only an image from the page's own server: the query must not make the page read elsewhere.
  if (url.origin !== new URL(base).origin) return null;
  return { url: url.href, name: params.get('name') || 'image' };
}

/**
 * Opens the image `khoscope open` serves: asks its size once (HEAD), then
 * hands it to the worker like a dropped file, which reads it by range
 * requests, never whole. Resolves to a problem in words, or null when opened.
 */
export async function openServedImage(query: ServedImageQuery): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(query.url, { method: 'HEAD', cache: 'no-store' });
  } catch {
    return `The image ${query.name} could not be reached: is khoscope open still running?`;
  }
  const size = Number(response.headers.get('content-length'));
  if (!response.ok || !Number.isSafeInteger(size))
    return `The image ${query.name} could not be opened (HTTP ${response.status}).`;
  const file: ServedFile = { served: true, url: query.url, size, name: query.name };
  openFiles([{ file, path: query.name }]);
  return null;
}
