import { test, expect } from '../support/test';
import { screenshot } from '../support/pageActions';
import { harnessSelection, openHarness, selectFromOutside } from './harness';

test.describe('hex view', () => {
  for (const theme of ['light', 'dark']) {
    test(`shows a page-list fragment page by page with the selected value highlighted (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1000, height: 700 });
      await openHarness(page, { view: 'hex', graph: 'seed', theme });
      await selectFromOutside(page, { kind: 'property', fragment: '0x40003000', node: '/', property: 'key200' });
      await expect(page.locator('.hex-view__name')).toHaveText('fragment 0x40003000 (gpu-subnode1-v1), 6.4 KiB');
      // "v200\0" is the value: five strong bytes, in view.
      const strong = page.locator('.hex-row__bytes .hex-cell--strong');
      await expect(strong).toHaveText(['76', '32', '30', '30', '00']);
      await expect(strong.first()).toBeInViewport();
      // Only the rows in view are in the DOM (the fragment has over 400).
      expect(await page.locator('.hex-row').count()).toBeLessThan(80);
      await screenshot(page, `views-hex-${theme}`);
    });
  }

  test('marks each page of the list with its address, and a click selects what owns the byte', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openHarness(page, { view: 'hex', graph: 'seed' });
    await selectFromOutside(page, { kind: 'fragment', fragment: '0x40003000' });
    await expect(page.locator('.hex-divider').first()).toHaveText('page 1 of 2 at 0x40003000');
    await page.getByTestId('hex-rows').evaluate((element) => (element.scrollTop = 257 * 20 - 100));
    await expect(page.locator('.hex-divider', { hasText: 'page 2 of 2 at 0x40005000' })).toContainText('skips 4.0 KiB');
    await expect(page.locator('.hex-row__address', { hasText: '0x40005000' })).toBeVisible();

    await selectFromOutside(page, { kind: 'fragment', fragment: '0x40002000' });
    await page.locator('.hex-row__bytes .hex-cell').first().click();
    expect(await harnessSelection(page)).toEqual({ kind: 'fragment', fragment: '0x40002000' });
    await expect(page.locator('.hex-view__status')).toContainText('FDT header');
    // The first "v" is in the compatible "gpu-v1", the second starts key1's value "v1".
    const key1 = page.locator('.hex-row__ascii .hex-cell', { hasText: 'v' }).nth(1);
    await key1.click();
    expect(await harnessSelection(page)).toEqual({
      kind: 'property',
      fragment: '0x40002000',
      node: '/',
      property: 'key1',
    });
    await expect(page.locator('.hex-row__bytes .hex-cell--strong')).toHaveText(['76', '31', '00']);
  });

  test('reads memory through readMemory for a memory selection, and finds fragment owners in it', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openHarness(page, { view: 'hex', graph: 'seed' });
    await selectFromOutside(page, { kind: 'memory', address: 0x4000_3ff0, length: 0x2020 });
    await expect(page.locator('.hex-view__name')).toContainText('memory 0x40003ff0');
    await expect(page.locator('.hex-divider', { hasText: 'page 0x40004000' })).toBeVisible();
    await expect(page.locator('.hex-cell--loading')).toHaveCount(0);
    await page.locator('.hex-row__bytes .hex-cell--strong').first().click();
    expect(await harnessSelection(page)).toMatchObject({ kind: 'property', fragment: '0x40003000' });
    // The memory dump stays: the selected property has bytes in it.
    await expect(page.locator('.hex-view__name')).toContainText('memory 0x40003ff0');
  });
});
