import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { expectExplorer, screenshot } from './support/pageActions';
import { graphAtRest } from './support/graphPlacement';

/** The smallest text on screen in the graph, in screen pixels (font size × zoom), over cards and edge labels in view. */
async function smallestGraphText(page: Page): Promise<{ px: number; count: number; sample: string }> {
  return page.evaluate(() => {
    const view = document.querySelector('[data-testid="graph-view"]')!.getBoundingClientRect();
    const world = document.querySelector('.graph-world') as HTMLElement;
    const k = new DOMMatrix(getComputedStyle(world).transform).a;
    let px = Number.POSITIVE_INFINITY;
    let count = 0;
    let sample = '';
    const walker = document.createTreeWalker(world, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const element = node.parentElement!;
      const box = element.getBoundingClientRect();
      const inView = box.right > view.left && box.left < view.right && box.bottom > view.top && box.top < view.bottom;
      if (!inView || box.width === 0) continue;
      count++;
      const size = Number.parseFloat(getComputedStyle(element).fontSize) * k;
      if (size < px) {
        px = size;
        sample = node.textContent.trim().slice(0, 40);
      }
    }
    return { px, count, sample };
  });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('card text at the default fit is at least 11 px on every demo and the real Linux 7.3 dump, at 1440×900', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const manifest = (await (await request.get('/demos/index.json')).json()) as { id: string; title: string }[];
  expect(manifest.map((demo) => demo.id)).toContain('linux-7-3');
  for (const demo of [...manifest, { id: 'fdt-demo', title: 'Device tree demo' }]) {
    await page.goto(`/?demo=${demo.id}`);
    if (demo.id === 'broken') {
      await expect(page.getByRole('heading', { name: /KHO roots found/ })).toBeVisible({ timeout: 30_000 });
      await page.getByRole('button', { name: /^Decode all \d+ roots/ }).click();
    }
    await expectExplorer(page);
    await expect(page.locator('.gcard').first()).toBeVisible();
    // The initial placement waits for the view's size: wait until it has placed the text and stopped moving.
    await expect.poll(async () => (await smallestGraphText(page)).count).toBeGreaterThan(3);
    await graphAtRest(page);
    const text = await smallestGraphText(page);
    expect(text.count, `${demo.id}: text on screen`).toBeGreaterThan(3);
    expect(text.px, `${demo.id}: smallest text "${text.sample}"`).toBeGreaterThanOrEqual(11);
    await screenshot(page, `readable-${demo.id}`);
    // The overview is one key away, and Fit brings readable text back.
    await page.keyboard.press('o');
    await expect.poll(async () => (await smallestGraphText(page)).px).toBeLessThanOrEqual(text.px);
    await page.keyboard.press('f');
    await expect.poll(async () => (await smallestGraphText(page)).px).toBeGreaterThanOrEqual(11);
  }
});
