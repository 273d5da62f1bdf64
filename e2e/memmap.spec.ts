import { test, expect } from './support/test';
import { MAINLINE, mainlineElf } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, screenshot } from './support/pageActions';

test.use({ viewport: { width: 1440, height: 900 } });

test('the memory map lays out the physical memory; clicking a fragment’s bar selects it', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'mainline.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  await page.keyboard.press('m');
  const map = page.getByTestId('memory-map');
  await expect(map.getByRole('img', { name: 'Physical memory map' })).toBeVisible();
  await map.getByRole('button', { name: 'All' }).click();
  await expect(map.getByRole('img', { name: 'Physical memory map' })).toHaveAttribute('data-moving', 'false');
  await screenshot(page, 'memmap-light');

  // Map → item: move along the fragments lane until the tooltip names the memblock fragment, then click there.
  const canvas = await map.getByRole('img', { name: 'Physical memory map' }).boundingBox();
  const lane = await map.locator('.memmap__lane-label', { hasText: 'Fragments' }).boundingBox();
  if (!canvas || !lane) throw new Error('the memory map is not laid out');
  const y = lane.y + lane.height / 2;
  const target = `0x${MAINLINE.memblock.toString(16)}`;
  let hit: number | null = null;
  for (let x = canvas.x + 1; x < canvas.x + canvas.width && hit === null; x += 2) {
    await page.mouse.move(x, y);
    const tip = map.getByRole('tooltip');
    if ((await tip.count()) > 0 && (await tip.textContent())?.includes(target)) hit = x;
  }
  expect(hit, `a bar of fragment ${target} in the fragments lane`).not.toBeNull();
  await page.mouse.click(hit!, y);
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText(target);
  await expect(page.getByRole('treeitem', { name: target })).toHaveAttribute('aria-selected', 'true');
});
