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
  // The tour goes on as a caption; its place is still highlighted.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '3');
  await screenshot(page, 'presentation');

  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting', '');
  await expect(outline).toBeVisible();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
});
