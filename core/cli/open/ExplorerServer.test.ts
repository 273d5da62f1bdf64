import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../commands/testing/cliTestKit';
import { type ExplorerServer, serveExplorer } from './ExplorerServer';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw HTTP request to the server (node:http, so the Host header and the path go out as written). */
function ask(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('serveExplorer (khoscope open)', () => {
  const folder = temporaryFolder('khoscope-open-');
  const image = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i & 0xff));
  let server: ExplorerServer;

  beforeAll(async () => {
    const app = join(folder(), 'app');
    mkdirSync(join(app, 'assets'), { recursive: true });
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>khoscope</title>');
    writeFileSync(join(app, 'assets', 'main.js'), 'export {};');
    writeFileSync(join(folder(), 'secret.txt'), 'not served');
    writeFileSync(join(folder(), 'vmcore.elf'), image);
    server = await serveExplorer({ appDir: app, imagePath: join(folder(), 'vmcore.elf'), port: 0 });
  });
  afterAll(() => server.close());

  it('prints a loopback URL with a random token that opens the page on the image', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${server.token}/?image=image&name=vmcore.elf`);
    expect(server.token).toMatch(/^[0-9a-f]{32}$/);
    const page = await ask(server.port, `/${server.token}/?image=image&name=vmcore.elf`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<title>khoscope</title>');
    const script = await ask(server.port, `/${server.token}/assets/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves the image by byte ranges only, never whole', async () => {
    const head = await ask(server.port, `/${server.token}/image`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('10000');
    expect(head.headers['accept-ranges']).toBe('bytes');
    const range = await ask(server.port, `/${server.token}/image`, { range: 'bytes=4096-4103' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe('bytes 4096-4103/10000');
    expect([...range.body]).toEqual([...image.subarray(4096, 4104)]);
    const tail = await ask(server.port, `/${server.token}/image`, { range: 'bytes=9998-20000' });
    expect([...tail.body]).toEqual([...image.subarray(9998)]);
    for (const refused of [undefined, 'bytes=10000-10001', 'bytes=5-2', 'bytes=0-1,4-5', 'bytes=-500']) {
      const answer = await ask(server.port, `/${server.token}/image`, refused ? { range: refused } : {});
      expect(answer.status, refused ?? 'no Range').toBe(416);
      expect(answer.body.length).toBe(0);
    }
  });

  it('gives nothing to another path, another host header, a missing or wrong token, or another method', async () => {
    const nothing = async (answer: Promise<Answer>, what: string) => {
      const { status, body } = await answer;
      expect(status, what).toBe(404);
      expect(body.length, what).toBe(0);
    };
    const { port, token } = server;
    await nothing(ask(port, '/'), 'no token');
    await nothing(ask(port, '/image'), 'the image without a token');
    await nothing(ask(port, `/${'0'.repeat(32)}/`), 'a wrong token');
    await nothing(ask(port, `/${token.slice(0, -1)}/image`), 'a token one digit short');
    await nothing(ask(port, `/${token}/secret.txt`), 'a file beside the image');
    await nothing(ask(port, `/${token}/%2e%2e/secret.txt`), 'a path out of the app folder');
    await nothing(ask(port, `/${token}/..%2fsecret.txt`), 'an encoded slash out of the app folder');
    await nothing(ask(port, `/${token}/assets`), 'a folder');
    await nothing(ask(port, `/${token}/`, { host: `evil.example:${port}` }), 'another host (DNS rebinding)');
    await nothing(ask(port, `/${token}/image`, { host: 'evil.example', range: 'bytes=0-15' }), 'another host');
    await nothing(ask(port, `/${token}/`, {}, 'POST'), 'POST');
    await nothing(ask(port, `/${token}/image`, {}, 'DELETE'), 'DELETE');
    expect((await ask(port, `/${token}/`, { host: `localhost:${port}` })).status).toBe(200);
  });
});
