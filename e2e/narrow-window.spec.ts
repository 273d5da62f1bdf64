import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, openWithPicker, screenshot } from './support/pageActions';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every control of the top bar is inside the window, none cut off at the right edge. */
async function expectTopBarInside(page: Page, width: number) {
  for (const button of await page.locator('.topbar button').all()) {
    const box = await boxOf(button);
    expect(box.x + box.width, (await button.textContent()) ?? '').toBeLessThanOrEqual(width);
  }
}

test.describe('a 1024 × 768 window', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the minimap is scaled down and covers neither cards nor controls; the top bar fits', async ({ page }) => {
    await page.goto('/?demo=linux-7-3');
    await expectExplorer(page);
    const pane = await boxOf(page.getByTestId('graph-view'));
    expect(pane.width).toBeGreaterThanOrEqual(480);
    const minimap = page.getByRole('img', { name: /Minimap/ });
    await expect(minimap).toBeVisible();
    const map = await boxOf(minimap);
    expect(map.width).toBeLessThanOrEqual(pane.width * 0.22 + 1);
    expect(map.height).toBeLessThanOrEqual(pane.height * 0.22 + 1);
    expect(overlaps(map, await boxOf(page.locator('.graph-toolbar')))).toBe(false);
    const cards = await page.locator('.gcard').all();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const box = await card.boundingBox();
      if (box) expect(overlaps(map, box), `minimap over card ${await card.getAttribute('data-card')}`).toBe(false);
    }
    await expect(page.getByTestId('file-name')).toHaveAttribute('title', 'linux-7-3.elf');
    await expect(page.getByTestId('file-name')).toHaveText('linux-7-3.elf');
    const name = await boxOf(page.getByTestId('file-name'));
    expect(await page.getByTestId('file-name').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(name.width).toBeGreaterThan(60);
    await expectTopBarInside(page, 1024);
    await screenshot(page, 'narrow-1024-linux-7-3');
  });

  test('a long file name ellipsizes, keeps room, and is whole in its title', async ({ page }) => {
    const long = 'at-kexec-linux-7.3.4-guest-qemu-x86_64-kho-on-memfd-session-dump.carved.elf';
    await page.goto('/');
    await openWithPicker(page, 'Open an image', { name: long, bytes: mainlineElf() });
    await expectExplorer(page);
    const fileName = page.getByTestId('file-name');
    await expect(fileName).toHaveAttribute('title', long);
    expect(await fileName.evaluate((e) => getComputedStyle(e).textOverflow)).toBe('ellipsis');
    expect(await fileName.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect((await boxOf(fileName)).width).toBeGreaterThanOrEqual(90);
    await expectTopBarInside(page, 1024);
  });
});
