import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// `khoscope open` serves its own origin, not the app's dev server, so this spec
// uses Playwright's plain `test` and checks here that no request leaves that origin.
const repository = fileURLToPath(new URL('..', import.meta.url));
const image = `${repository}fixtures/linux-7.3/pre-kexec.carved.elf`;
const builtApp = `${repository}dist/app/index.html`;

/** Starts `khoscope open IMAGE --format json` and resolves to the process and the URL it printed. */
async function openImage(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/khoscope.js', 'open', image, '--format', 'json'], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: child.stdout! })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value]);
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

test('khoscope open: the explorer on a local image, read by ranges from 127.0.0.1 only', async ({ page }) => {
  // npm run test:e2e builds dist/app first; a bare `playwright test` without it fails here rather than skip.
  expect(existsSync(builtApp), 'the explorer is not built (dist/app): npm run build:app makes it').toBe(true);
  const { child, url } = await openImage();
  try {
    const origin = new URL(url).origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const foreign: string[] = [];
    const ranges: number[] = [];
    page.context().on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
    });
    page.context().on('response', async (response) => {
      if (new URL(response.url()).pathname.endsWith('/image') && response.request().method() === 'GET')
        ranges.push(response.status() === 206 ? Number(response.headers()['content-length']) : Number.NaN);
    });
    await page.goto(url);
    await expect(page.getByTestId('file-name')).toHaveText('pre-kexec.carved.elf', { timeout: 60_000 });
    await expect(page.getByRole('treeitem', { name: 'memblock' }).first()).toBeVisible();
    expect(foreign).toEqual([]);
    // Read lazily: every read is a byte range (206), none of them the whole file.
    expect(ranges.length).toBeGreaterThan(1);
    expect(ranges.every((length) => length > 0 && length < statSync(image).size)).toBe(true);
    // Without the token, the same server gives nothing.
    const bare = await page.request.get(`${origin}/`);
    expect(bare.status()).toBe(404);
    expect((await bare.body()).length).toBe(0);
  } finally {
    child.kill('SIGINT');
  }
});
