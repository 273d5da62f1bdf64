import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow } from './support/pageActions';

test('every problem is listed with its place; a click selects the place in every view', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  const panel = page.getByTestId('diagnostics');
  await expect(panel.getByTestId('diagnostic-counts')).toContainText('4 errors');
  const dangling = panel.locator('[data-code="dangling-pointer"]');
  await expect(dangling).toContainText('outside the image');
  await expect(dangling).toContainText('0x23a000 /broken preserved-data');
  // Errors are listed first.
  await expect(panel.getByRole('listitem').first()).toHaveAttribute('data-code', 'dangling-pointer');

  await dangling.click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/broken/preserved-data');
  await expect(inspector(page).getByTestId('diagnostics-here')).toContainText('dangling-pointer');
  const row = page.getByRole('treeitem', { name: 'preserved-data' }).filter({ has: page.getByTestId('outline-badge') });
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row.getByTestId('outline-badge').getByRole('img')).toHaveAttribute('aria-label', 'error');
  await expect(dangling).toHaveClass(/diagnostic-row--here/);

  // An info about a raw field: its place is the field of the LUO blob.
  await panel.locator('[data-code="sessions-not-serialized"]').click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1844000:sessions_pa');
  await expect(outlineRow(page, 'sessions_pa')).toHaveAttribute('aria-selected', 'true');

  // The keyboard reaches every problem too: each row is a button, and Enter selects its place.
  await dangling.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/broken/preserved-data');

  // The panel folds away (also with `p`).
  await panel.getByRole('button', { name: 'Diagnostics' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(panel.getByRole('listitem').first()).toBeVisible();
});
