import { randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** What `serveExplorer` serves, and where. */
export interface ExplorerServerOptions {
  /** Folder of the prebuilt explorer (dist/app). */
  appDir: string;
  /** The image file; only this file is served besides the app's. */
  imagePath: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
}

/** A running server: the URL that opens the explorer on the image, and how to stop it. */
export interface ExplorerServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** The path under the token at which the image is served. */
export const IMAGE_PATH = 'image';

/**
 * Serves the prebuilt explorer and one image on 127.0.0.1 only. Every request
 * must carry the random token as its first path segment (`/<token>/…`) and a
 * Host header naming this server (`127.0.0.1:<port>` or `localhost:<port>`,
 * which defeats DNS rebinding); only GET and HEAD of the app's files and of
 * the image are answered. Anything else gets an empty 404: no listing, no
 * hint. The image is answered by byte ranges (206), which is how the page
 * reads it: lazily, never whole.
 */
export async function serveExplorer(options: ExplorerServerOptions): Promise<ExplorerServer> {
  const token = randomBytes(16).toString('hex');
  const image = await stat(options.imagePath);
  const server = createServer((request, response) => {
    answer(request, response, options, token, image, port).catch(() => nothing(response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const name = encodeURIComponent(options.imagePath.split(sep).pop() ?? 'image');
  return {
    url: `http://127.0.0.1:${port}/${token}/?image=${IMAGE_PATH}&name=${name}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  options: ExplorerServerOptions,
  token: string,
  image: Stats,
  port: number,
): Promise<void> {
  const host = request.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return nothing(response);
  if (request.method !== 'GET' && request.method !== 'HEAD') return nothing(response);
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const prefix = `/${token}/`;
  if (!path.startsWith(prefix)) return nothing(response);
  const rest = decodeURIComponent(path.slice(prefix.length));
  if (rest === IMAGE_PATH) return serveImage(request, response, options.imagePath, image.size);
  return serveAppFile(request, response, options.appDir, rest === '' ? 'index.html' : rest);
}

/** The image, by one byte range per request (a request without `Range` gets the size only, with HEAD). */
function serveImage(request: IncomingMessage, response: ServerResponse, path: string, size: number): void {
  const headers = { ...COMMON_HEADERS, 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
  if (request.method === 'HEAD') {
    response.writeHead(200, { ...headers, 'Content-Length': size });
    response.end();
    return;
  }
  const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
  const start = range ? Number(range[1]) : Number.NaN;
  const end = range ? Math.min(Number(range[2]), size - 1) : Number.NaN;
  // Only ranges: the page never needs the image whole, so the server never sends it whole.
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
    response.end();
    return;
  }
  response.writeHead(206, {
    ...headers,
    'Content-Length': end - start + 1,
    'Content-Range': `bytes ${start}-${end}/${size}`,
  });
  createReadStream(path, { start, end })
    .on('error', () => response.destroy())
    .pipe(response);
}

/** One file of the prebuilt explorer; nothing outside its folder, no folders, no listings. */
async function serveAppFile(
  request: IncomingMessage,
  response: ServerResponse,
  appDir: string,
  relative: string,
): Promise<void> {
  const path = normalize(join(appDir, relative));
  if (!path.startsWith(appDir.endsWith(sep) ? appDir : appDir + sep) || relative.includes('\0'))
    return nothing(response);
  const file = await stat(path).catch(() => null);
  if (!file?.isFile()) return nothing(response);
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': file.size,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The answer to anything not served: an empty 404 that says nothing. */
function nothing(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(404, { 'Content-Length': 0 });
  response.end();
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
