import { test, expect } from './support/test';
import { twoRootsElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

test('several roots: a chooser with the evidence for each; the choice can be changed later', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'two-roots.elf', bytes: twoRootsElf() });
  await expect(page.getByRole('heading', { name: '2 KHO roots found' })).toBeVisible();
  const table = page.getByTestId('root-candidates');
  const best = table.locator('tr[data-root="0x23a000"]');
  const other = table.locator('tr[data-root="0x400000"]');
  // Best first, each with its compatible, rank and reasons.
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-root', '0x23a000');
  await expect(best).toContainText('kho-v4');
  await expect(best).toContainText('is a known KHO root version');
  await expect(other).toContainText('kho-v4');
  await screenshot(page, 'chooser-light');

  await other.getByRole('button', { name: 'Decode the root at 0x400000' }).click();
  await expectExplorer(page);
  await expect(outlineRow(page, 'root 0x400000')).toBeVisible();
  // The scan's evidence stays with the root decoded by address.
  await expect(inspector(page).getByTestId('root-facts')).toContainText('found by the page scan');

  // The roots menu offers the other candidate.
  await page.getByTestId('roots-button').click();
  const menu = page.getByRole('dialog', { name: 'Roots' });
  await expect(menu).toContainText('Other candidates');
  await menu.getByRole('button', { name: 'Decode instead' }).click();
  await expectExplorer(page);
  await expect(outlineRow(page, 'root 0x23a000')).toBeVisible();
  await expect(outlineRow(page, 'memblock')).toBeVisible();
});
