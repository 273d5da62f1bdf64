import type { Page } from '@playwright/test';
import '../../app/views/graph/dev/harnessApi';

/** Opens the dev-only views harness (app/views/graph/dev/harness.html) and waits until the view rendered. */
export async function openHarness(page: Page, query: Record<string, string>): Promise<void> {
  await page.goto(`/views/graph/dev/harness.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => window.harness?.ready === true, undefined, { timeout: 30_000 });
}

/** Sets the harness selection as another view would. */
export async function selectFromOutside(page: Page, selection: unknown): Promise<void> {
  await page.evaluate((next) => window.harness.select(next as never), selection);
}

/** The selection the harness shows (what the view last selected, or what was set). */
export async function harnessSelection(page: Page): Promise<unknown> {
  const text = await page.getByTestId('harness-selection').textContent();
  return text === 'nothing selected' ? null : JSON.parse(text ?? 'null');
}
