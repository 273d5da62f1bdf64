import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker } from './support/pageActions';

test('searching an address finds the fragment there and the pointer holding it; Enter steps through the results', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  // `/` focuses the search box from anywhere.
  await page.getByRole('tree', { name: 'KHO tree' }).focus();
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the graph' });
  await expect(box).toBeFocused();
  await page.keyboard.type('0x1847000');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toContainText('fragment 0x1847000');
  await expect(results).toContainText('preserved-data');
  await expect(results).toContainText('holds it as u64 LE');
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x1847000');
  await page.keyboard.press('Enter');
  await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/memblock/preserved-data');
  await page.keyboard.press('Shift+Enter');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x1847000');

  // Names too; arrows move the highlight, a click picks a result, Esc closes the list.
  await box.fill('demo2');
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.getByRole('option').first().click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/demo2');
  await page.keyboard.press('Escape');
  await expect(results).toHaveCount(0);
  await box.fill('no such thing anywhere');
  await expect(page.getByTestId('search-results')).toContainText('No matches');
});
