import type { Page } from '@playwright/test';

/**
 * Runs `action` (JavaScript source, run in the page) and resolves with the
 * milliseconds from just before it until the frame in which `done`
 * (JavaScript source of an expression, evaluated in the page) first holds
 * has been painted: what a person waits between doing something and seeing
 * its result. `done` is checked in each animation frame callback, which runs
 * before that frame's style, layout and paint; the clock stops in a task
 * posted from that callback, which the browser runs only after the frame's
 * rendering, so the figure includes the paint and is at most one frame late.
 * Plain source because bench/ is type-checked without the DOM library.
 */
export async function timeInteraction(page: Page, action: string, done: string, timeoutMs = 30_000): Promise<number> {
  return (await page.evaluate(`(async () => {
    const started = performance.now();
    ${action};
    return await new Promise((resolve, reject) => {
      const afterPaint = new MessageChannel();
      afterPaint.port1.onmessage = () => resolve(performance.now() - started);
      const check = () => {
        if (${done}) return afterPaint.port2.postMessage(null);
        if (performance.now() - started > ${timeoutMs}) return reject(new Error(${JSON.stringify(`not done ${timeoutMs} ms after the action: ${done}`)}));
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  })()`)) as number;
}
