import { test as base, expect } from '@playwright/test';

/**
 * The test object every spec uses. For EVERY test it records all requests
 * (page and workers) and the console, and afterwards fails the test if a
 * request left the app's origin (data: and blob: URLs are local) or if the
 * page logged an error or threw.
 */
export const test = base.extend<{ localOnlyGuard: undefined }>({
  localOnlyGuard: [
    async ({ context, page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        const local = url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
        if (!local) foreign.push(url);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('worker', (worker) =>
        worker.on('console', (message) => message.type() === 'error' && errors.push(`worker: ${message.text()}`)),
      );
      await use(undefined);
      expect(foreign, 'requests that left the origin').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
