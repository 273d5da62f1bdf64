import { copyFileSync } from 'node:fs';
import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import {
  expectExplorer,
  inspector,
  openPathWithPicker,
  openWithPicker,
  outlineRow,
  screenshot,
} from './support/pageActions';
import { preKexecElf } from './support/realFixture';

test.use({ viewport: { width: 1440, height: 900 } });

test('screenshots of every view, light and dark', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  await screenshot(page, 'graph-light');
  await page.getByRole('treeitem', { name: 'preserved-data' }).first().click();
  await inspector(page).getByRole('button', { name: 'read as u64 BE' }).click();
  await screenshot(page, 'outline-inspector-light');
  await page.getByTestId('diagnostics').locator('[data-code="dangling-pointer"]').click();
  await screenshot(page, 'diagnostics-light');
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('0x1847000');
  await screenshot(page, 'search-light');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await screenshot(page, 'help-overlay-light');
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await outlineRow(page, 'memblock').click();
  await screenshot(page, 'graph-dark');
  await page.keyboard.press('h');
  await screenshot(page, 'hex-dark');
  await page.keyboard.press('m');
  await screenshot(page, 'memmap-dark');
  await page.keyboard.press('s');
  await screenshot(page, 'dts-dark');
});

/**
 * The README's picture of the explorer on the real 7.3 dump. A test run leaves
 * it in e2e/artifacts/readme.png (of the carved copy without ../shared); only
 * `npm run screenshot` (which sets KHOSCOPE_UPDATE_SCREENSHOT=1) copies it over
 * the tracked docs/screenshot.png, and only from the original, so that
 * `npm test` leaves `git status` clean.
 */
test('the README screenshot: the explorer on the real 7.3 dump (the original, or its carved copy without ../shared)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const update = process.env.KHOSCOPE_UPDATE_SCREENSHOT === '1';
  const image = await preKexecElf('the README screenshot');
  if (update && !image.original)
    throw new Error(
      'npm run screenshot makes the README picture from the original dump, which needs ../shared/fixtures/linux-7.3',
    );
  await page.goto('/');
  await openPathWithPicker(page, 'Open an image', image.path);
  await expect(page.getByTestId('outline')).toBeVisible({ timeout: 60_000 });
  await outlineRow(page, 'memblock').click();
  const path = await screenshot(page, 'readme');
  if (update) copyFileSync(path, new URL('../docs/screenshot.png', import.meta.url));
});
