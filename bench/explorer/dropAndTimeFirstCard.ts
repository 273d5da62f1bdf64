import type { Page } from '@playwright/test';

// The scripts below run inside the page. They are plain JavaScript source
// because bench/ is type-checked without the DOM library (it belongs with
// core/, which must not see DOM types).

/** Adds a hidden file input the bench fills with a file from disk (no bytes pass through the bench). */
const ADD_INPUT = `(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  input.dataset.benchFile = '';
  document.body.append(input);
})()`;

/**
 * Puts the file at `path` into a hidden file input of the page
 * (`input[data-bench-file]`), for in-page scripts to drop or read.
 */
export async function attachBenchFile(page: Page, path: string): Promise<void> {
  await page.evaluate(ADD_INPUT);
  await page.locator('input[data-bench-file]').setInputFiles(path);
}

/**
 * Drops the input's file on the page's main area as a desktop drag would
 * (dragenter, dragover, drop with one DataTransfer) and resolves with the
 * milliseconds from the drop to the animation frame in which the first graph
 * card is laid out with a size. Polls once per frame, so the figure is at
 * most one frame late.
 */
const dropScript = (timeoutMs: number): string => `(async () => {
  const input = document.querySelector('input[data-bench-file]');
  const transfer = new DataTransfer();
  for (const file of input.files) transfer.items.add(file);
  const target = document.querySelector('main');
  const fire = (type) => target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  fire('dragenter');
  fire('dragover');
  const started = performance.now();
  fire('drop');
  return await new Promise((resolve, reject) => {
    const check = () => {
      const card = document.querySelector('[data-card]');
      if (card && card.getBoundingClientRect().width > 0) return resolve(performance.now() - started);
      if (performance.now() - started > ${timeoutMs}) return reject(new Error('no graph card ${timeoutMs} ms after the drop'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
})()`;

/** Opens the explorer's start page and waits for its main area, where files are dropped. */
export async function openStartPage(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.locator('main').waitFor();
}

/**
 * Drops the file at `path` on the start page (see `openStartPage`) and
 * returns the milliseconds until the graph's first card is on screen.
 */
export async function dropAndTimeFirstCard(page: Page, path: string, timeoutMs: number): Promise<number> {
  await attachBenchFile(page, path);
  return (await page.evaluate(dropScript(timeoutMs))) as number;
}
