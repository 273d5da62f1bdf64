import { test, expect } from './support/test';
import { mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow } from './support/pageActions';

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
});

test('clicking rows selects them; the inspector shows path, physical address, typed value and both byte orders', async ({
  page,
}) => {
  await outlineRow(page, 'demo1').click();
  await expect(outlineRow(page, 'demo1')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/demo1');
  await expect(page.getByTestId('breadcrumb')).toContainText('root 0x23a000');
  await expect(page.getByTestId('breadcrumb')).toContainText('0x1847000');

  // preserved-data of /memblock: a u64 LE pointer at 0x23a000 + its value offset.
  const pointer = page.getByRole('treeitem', { name: 'preserved-data' }).first();
  await pointer.click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/memblock/preserved-data');
  const address = Number(await inspector(page).getByTestId('inspector-address').textContent());
  expect(address).toBeGreaterThan(0x23a000);
  expect(address).toBeLessThan(0x23a000 + 405);
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('0x1847000');
  await expect(inspector(page).getByTestId('value-type')).toHaveText('u64 LE');
  await inspector(page).getByRole('button', { name: 'read as u64 BE' }).click();
  await expect(inspector(page).getByTestId('other-readings')).toContainText('0x70840100000000');
  await expect(inspector(page).getByTestId('link-facts')).toContainText('little-endian');
  await expect(inspector(page).getByTestId('link-facts')).toContainText('preserved-data pointer');

  // Copy buttons put the path on the clipboard.
  await inspector(page).getByRole('button', { name: 'Copy path' }).click();
  await expect(inspector(page).getByRole('button', { name: 'Copy path' })).toHaveText('copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('0x23a000:/memblock/preserved-data');
});

test('the keyboard moves through the outline, Enter follows a link, Backspace goes back', async ({ page }) => {
  const tree = page.getByRole('tree', { name: 'KHO tree' });
  await outlineRow(page, 'memblock').click();
  await expect(tree).toBeFocused();
  // Down moves and the selection follows: the first property of /memblock.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/memblock/preserved-data');
  // Enter on a pointer follows its link: the target fragment is selected.
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x1847000');
  await expect(outlineRow(page, '0x1847000')).toHaveAttribute('aria-selected', 'true');
  // Left on an open fragment closes it; Right opens it again and steps in.
  await page.keyboard.press('ArrowLeft');
  await expect(outlineRow(page, '0x1847000')).toHaveAttribute('aria-expanded', 'false');
  await expect(outlineRow(page, 'demo1')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x1847000:/compatible');
  // Backspace returns to the pointer the link was followed from.
  await page.keyboard.press('Backspace');
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x23a000:/memblock/preserved-data');
  // Arrow-key steps are not history: the next Back goes to the selection before the click on memblock.
  await page.keyboard.press('Backspace');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x23a000');
});

test('breadcrumb steps, inspector links and the Back button select things and reveal them', async ({ page }) => {
  await outlineRow(page, 'demo2').click();
  await page.getByTestId('breadcrumb').getByRole('button', { name: '0x1847000' }).click();
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x1847000');
  // "Reached from" lists the pointer that leads here.
  await inspector(page).getByTestId('links-in').getByRole('button').click();
  await expect(inspector(page).getByTestId('link-facts')).toContainText('0x23a000:/memblock/preserved-data');
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x1847000');
  // Raw structs show their fields; a LUO blob its decoded state.
  await outlineRow(page, '0x1847000').locator('.outline__chevron').click();
  await outlineRow(page, '0x23a000').locator('.outline__chevron').click();
  await outlineRow(page, '0x1844000').click();
  await expect(inspector(page).getByTestId('luo')).toContainText('not serialized yet');
  await outlineRow(page, '0x242000').click();
  await expect(inspector(page).getByTestId('kexec-metadata')).toContainText('7.3.4');
});

test('the graph keeps its zoom and pan while another view is shown', async ({ page }) => {
  const view = page.getByTestId('graph-view');
  const world = view.locator('.graph-world');
  await expect(world).toHaveAttribute('style', /scale/);
  const initial = await world.getAttribute('style');
  await view.focus();
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowLeft');
  await expect(world).not.toHaveAttribute('style', initial ?? '');
  // Zooming animates: wait until two reads in a row agree.
  let moved = '';
  await expect
    .poll(
      async () => {
        const now = (await world.getAttribute('style')) ?? '';
        const settled = now === moved;
        moved = now;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
  expect(moved).not.toBe(initial);

  for (const tab of ['Hex', 'Memory map', 'DTS']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(view).toBeHidden();
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect(view).toBeVisible();
    await expect(world).toHaveAttribute('style', moved);
  }
});
