import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { expectExplorer, inspector, outlineRow, screenshot } from './support/pageActions';

test.use({ viewport: { width: 1440, height: 900 } });

test('"About this" explains the selection in plain words with its kernel source, and the demo stays described', async ({
  page,
}) => {
  await page.goto('/?demo=linux-7-3');
  await expectExplorer(page);
  const about = inspector(page).getByTestId('about');
  // The root: what it is, and the demo's own paragraph one click away.
  await expect(about.getByRole('heading', { name: 'the KHO root' })).toBeVisible();
  await about.getByText('About this demo: Linux 7.3.4 at kexec').click();
  await expect(about).toContainText('A real Linux 7.3.4 guest under QEMU');

  await outlineRow(page, 'preserved-data').first().click();
  await expect(about.getByRole('heading', { name: 'preserved-data' })).toBeVisible();
  await expect(about).toContainText('The physical address of one KHO user’s blob');
  await expect(about.getByRole('link', { name: 'include/linux/kho/abi/kexec_handover.h' })).toHaveAttribute(
    'href',
    /^https:\/\/git\.kernel\.org\/.*include\/linux\/kho\/abi\/kexec_handover\.h$/,
  );
  await outlineRow(page, 'blob-size').first().click();
  await expect(about.getByRole('heading', { name: 'blob-size' })).toBeVisible();
  // A reserve-mem region, and the memory map's order lanes.
  await outlineRow(page, 'demo1').click();
  await expect(about.getByRole('heading', { name: 'a reserve-mem-v1 node' })).toBeVisible();
  await expect(about).toContainText('mm/memblock.c');
  await page.keyboard.press('m');
  await expect(about.getByRole('heading', { name: 'order lanes' })).toBeVisible();
  await screenshot(page, 'about-this');
  // `a` folds it away and back.
  await page.keyboard.press('a');
  await expect(about.getByRole('heading')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(about.getByRole('heading', { name: 'order lanes' })).toBeVisible();
});

test('presentation mode: large caption, high contrast, side panels hidden; Shift+P and the button switch it', async ({
  page,
}) => {
  await page.goto('/?demo=seed-example&tour=seed-recursive-fdt&step=2');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '2', { timeout: 30_000 });
  const outline = page.getByTestId('outline');
  await expect(outline).toBeVisible();
  const normalCaption = await page.locator('.tour__text').evaluate((element) => getComputedStyle(element).fontSize);
  await expect(page.locator('.graph-world')).not.toHaveClass(/graph-world--moving/);
  const normalCard = await cardTextOnScreen(page);

  await page.keyboard.press('Shift+P');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  await expect(outline).toBeHidden();
  await expect(inspector(page)).toBeHidden();
  await expect(page.getByTestId('diagnostics')).toBeHidden();
  await expect(page.getByTestId('graph-view')).toBeVisible();
  const caption = await page.locator('.tour__text').evaluate((element) => getComputedStyle(element).fontSize);
  expect(Number.parseFloat(caption)).toBeGreaterThanOrEqual(1.4 * Number.parseFloat(normalCaption));
  // High contrast: black text on white.
  const colours = await page.locator('.tour__text').evaluate((element) => getComputedStyle(element).color);
  expect(colours).toBe('rgb(0, 0, 0)');
  // The graph's card text grows on screen too (the view zooms by presentation's readable zoom, 1.5).
  await expect.poll(() => cardTextOnScreen(page), 'card text on screen').toBeGreaterThanOrEqual(1.4 * normalCard);
  await screenshot(page, 'presentation-graph');
  // The tour goes on as a caption; its place is still highlighted, in larger hex bytes.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '3');
  await expect(page.locator('.hex-cell--loading')).toHaveCount(0);
  const presentedHex = await hexText(page);
  await expect(page.getByTestId('hex-view').locator('.hex-view__name')).toContainText('fragment 0x40001000');
  await screenshot(page, 'presentation');

  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting', '');
  await expect(outline).toBeVisible();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
  const normalHex = await hexText(page);
  expect(presentedHex.size).toBeGreaterThanOrEqual(1.4 * normalHex.size);
  // Rows stay as tall as HexView lays them out, so the row window and scrolling still line up.
  expect([presentedHex.rowHeight, normalHex.rowHeight]).toEqual([28, 20]);
});

/** On-screen size of a graph card's row text: its CSS size times the view's zoom. */
function cardTextOnScreen(page: Page): Promise<number> {
  return page.getByTestId('graph-view').evaluate((view) => {
    const world = view.querySelector('.graph-world');
    const label = view.querySelector('.gcard__row-label');
    if (!world || !label) return 0;
    return Number.parseFloat(getComputedStyle(label).fontSize) * new DOMMatrix(getComputedStyle(world).transform).a;
  });
}

/** The hex view's byte text size and row height. */
function hexText(page: Page): Promise<{ size: number; rowHeight: number }> {
  return page
    .locator('.hex-row')
    .first()
    .evaluate((row) => ({
      size: Number.parseFloat(getComputedStyle(row).fontSize),
      rowHeight: row.getBoundingClientRect().height,
    }));
}
