import type { Page } from '@playwright/test';
import { attachBenchFile } from './dropAndTimeFirstCard';

/**
 * In-page JavaScript (bench/ has no DOM types): reads the bench input's file
 * front to back as the root scan does (`Blob.slice` in 4 MiB chunks, two in
 * flight) and resolves with the milliseconds it took.
 */
const READ_SCRIPT = `(async () => {
  const file = document.querySelector('input[data-bench-file]').files[0];
  const CHUNK = 4 * 1024 * 1024;
  const started = performance.now();
  const inFlight = [];
  let next = 0;
  const start = () => {
    if (next >= file.size) return;
    inFlight.push(file.slice(next, Math.min(next + CHUNK, file.size)).arrayBuffer());
    next += CHUNK;
  };
  start();
  start();
  while (inFlight.length > 0) {
    await inFlight.shift();
    start();
  }
  return performance.now() - started;
})()`;

/**
 * Milliseconds Chromium takes to read the file at `path` once, the way the
 * scan reads it, with nothing examined: the floor under drop → first graph
 * for an image whose every byte is RAM. `page` must be on the app's origin
 * (see `openStartPage`).
 */
export async function timeFileRead(page: Page, path: string): Promise<number> {
  await attachBenchFile(page, path);
  return (await page.evaluate(READ_SCRIPT)) as number;
}
