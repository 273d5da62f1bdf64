import { test, expect } from './support/test';
import { expectExplorer, inspector, openPathWithPicker, outlineRow } from './support/pageActions';
import { preKexecElf } from './support/realFixture';

test('a real Linux 7.3 dump (the original, or its carved copy without ../shared): the root at 0x23a000 and its memblock, LUO, kho_test and kexec-metadata children', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const image = await preKexecElf('the real-fixture e2e test');
  await page.goto('/');
  await openPathWithPicker(page, 'Open an image', image.path);
  await expect(page.getByTestId('outline')).toBeVisible({ timeout: 60_000 });
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).toHaveText(image.name);
  await expect(page.getByTestId('image-kind')).toHaveText('ELF core');
  await expect(outlineRow(page, 'root 0x23a000')).toBeVisible();
  for (const name of ['memblock', 'LUO', 'kho_test', 'kexec-metadata'])
    await expect(outlineRow(page, name)).toBeVisible();
  await expect(inspector(page).getByTestId('root-facts')).toContainText('kho-v4');
  await expect(inspector(page).getByTestId('map-summary')).toContainText('45 blocks');
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('demo1');
  await page.getByRole('option', { name: /demo1/ }).first().click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/demo1');
  await inspector(page).getByTestId('property-table').locator('tr[data-property="start"]').click();
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('0x1f000000');
  await expect(inspector(page).getByTestId('value-type')).toHaveText('u64 LE');
});
