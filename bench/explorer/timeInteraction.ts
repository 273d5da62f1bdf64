import type { Page } from '@playwright/test';

/**
 * Runs `action` (JavaScript source, run in the page) and resolves with the
 * milliseconds from just before it to the animation frame in which
 * `done` (JavaScript source of an expression, evaluated in the page) first
 * holds: what a person waits between doing something and seeing its result.
 * Polls once per frame, so the figure is at most one frame late. Plain
 * source because bench/ is type-checked without the DOM library.
 */
export async function timeInteraction(page: Page, action: string, done: string, timeoutMs = 30_000): Promise<number> {
  return (await page.evaluate(`(async () => {
    const started = performance.now();
    ${action};
    return await new Promise((resolve, reject) => {
      const check = () => {
        if (${done}) return resolve(performance.now() - started);
        if (performance.now() - started > ${timeoutMs}) return reject(new Error(${JSON.stringify(`not done ${timeoutMs} ms after the action: ${done}`)}));
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  })()`)) as number;
}
