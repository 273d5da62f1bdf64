import { test, expect } from './support/test';
import { MAINLINE, mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

test.use({ viewport: { width: 1440, height: 900 } });

test('the hex view shows the selection’s bytes, and a click on a byte selects what owns it', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);

  // The pointer's value, highlighted in its fragment's bytes: 00 70 84 01 00 00 00 00 (0x1847000 LE).
  await page.getByRole('treeitem', { name: 'preserved-data' }).first().click();
  await page.keyboard.press('h');
  await expect(page.getByRole('tab', { name: 'Hex' })).toHaveAttribute('aria-selected', 'true');
  const hex = page.getByTestId('hex-view');
  const strong = hex.locator('.hex-row__bytes .hex-cell--strong');
  await expect(strong).toHaveText(['00', '70', '84', '01', '00', '00', '00', '00']);
  await screenshot(page, 'hex-light');

  // Hex → item: the name bytes of the demo1 node in the memblock fragment select that node.
  await outlineRow(page, 'demo1').click();
  const nodeOffset = Number(await inspector(page).getByTestId('inspector-offset').textContent());
  await outlineRow(page, `0x${MAINLINE.memblock.toString(16)}`).click();
  await hex.locator(`.hex-row__bytes [data-o="${nodeOffset + 4}"]`).click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/demo1');
  await expect(outlineRow(page, 'demo1')).toHaveAttribute('aria-selected', 'true');
});
