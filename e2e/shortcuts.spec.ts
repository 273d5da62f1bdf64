import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow } from './support/pageActions';

test('the help overlay lists the shortcuts; keys switch views and theme; Esc closes', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // Every keyed command, by the title and id the palette uses.
  await expect(help.locator('[data-command="search.focus"]')).toContainText('Search names, paths, values');
  await expect(help.locator('[data-command="selection.back"]')).toContainText('Back to the previous selection');
  await expect(help.locator('[data-command="palette.open"]')).toContainText('Ctrl');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('s');
  await expect(page.getByRole('tab', { name: 'DTS' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('g');
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Typing in the search box is not a shortcut.
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('gs');
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the URL keeps the selection and the view, and reopening the same image after a reload restores them', async ({
  page,
}) => {
  const image = { name: 'mainline.elf', bytes: mainlineElf() };
  await page.goto('/');
  await openWithPicker(page, 'Open an image', image);
  await expectExplorer(page);
  await outlineRow(page, 'demo2').click();
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page).toHaveURL(/sel=node&f=0x1847000&n=%2Fdemo2/);
  expect(page.url()).toContain('tab=dts');
  expect(page.url()).toContain('theme=dark');

  await page.reload();
  // Nothing of the image survives a reload, but the view does: the start screen, dark, the hash intact.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('khoscope');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(page.url()).toContain('sel=node');
  await openWithPicker(page, 'Open an image', image);
  await expectExplorer(page);
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/demo2');
  await expect(page.getByRole('tab', { name: 'DTS' })).toHaveAttribute('aria-selected', 'true');
});
