import { test, expect } from './support/test';
import { expectExplorer, screenshot } from './support/pageActions';

test('the DTS tab scrolls to the selected fragment and wraps long lines, so nothing is cut', async ({ page }) => {
  // A laptop-sized window: the centre column is narrow and the text taller than it.
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto('/?demo=kho-v4');
  await expectExplorer(page);
  // The LUO blob is printed after the root, memblock and its reserve-mem children.
  await page
    .getByTestId('outline')
    .getByRole('treeitem', { name: /^0x102000/ })
    .first()
    .click();
  await page.keyboard.press('s');
  const text = page.getByTestId('dts-text');
  const luo = text.locator('[data-fragment="0x102000"]');
  await expect(luo).toHaveAttribute('data-selected', 'true');
  await expect(luo).toBeInViewport();
  const scrolled = await text.evaluate((pre) => pre.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  const [box, luoBox] = [await text.boundingBox(), await luo.boundingBox()];
  expect(luoBox!.y).toBeGreaterThanOrEqual(box!.y);
  expect(luoBox!.y).toBeLessThan(box!.y + 40);
  // Nothing runs off to the right: lines wrap inside the panel, which stays left of the inspector.
  expect(await text.evaluate((pre) => pre.scrollWidth <= pre.clientWidth)).toBe(true);
  const inspector = await page.getByTestId('inspector').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(inspector!.x + 1);
  await screenshot(page, 'dts-scrolled-to-selection');
});
