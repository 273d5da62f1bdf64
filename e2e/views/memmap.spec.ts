import { test, expect } from '../support/test';
import { screenshot } from '../support/pageActions';
import { harnessSelection, openHarness, selectFromOutside } from './harness';

test.describe('memory map', () => {
  for (const theme of ['light', 'dark']) {
    test(`shows RAM, squeezed holes, fragments, preserved ranges and side structures (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1400, height: 420 });
      await openHarness(page, { view: 'memmap', graph: 'showcase', theme });
      await expect(page.locator('.memmap__lane-label')).toHaveText([
        'RAM',
        'Fragments',
        'Preserved 0x23a000',
        // One lane per order the map holds: each allocation keeps its own entries, so two
        // touching order-0 pages stay two order-0 entries (no order-1 block is made of them).
        'order 0',
        'order 2',
        'order 4',
        'order 9',
        'order 10',
        'Map pages',
        'Structures',
        'Described data',
        'reserve-mem',
      ]);
      await screenshot(page, `views-memmap-${theme}`);
    });
  }

  test('zooms to an outside selection, names what is under the pointer, and selects it on click', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 420 });
    await openHarness(page, { view: 'memmap', graph: 'showcase' });
    await selectFromOutside(page, { kind: 'fragment', fragment: '0x40003000' });
    const canvas = page.getByRole('img', { name: 'Physical memory map' });
    const box = (await canvas.boundingBox())!;
    // Fragments are the second lane (laneTop(1) = 68 .. 90); after the reveal the first page of 0x40003000 is in the middle.
    await expect(page.getByTestId('memmap-selection')).toHaveAttribute('data-on-screen', 'true');
    await expect(canvas).toHaveAttribute('data-moving', 'false');
    const y = box.y + 79;
    let found = false;
    for (let x = box.x + 10; x < box.x + box.width && !found; x += 20) {
      await page.mouse.move(x, y);
      found = await page.getByRole('tooltip').filter({ hasText: 'fragment 0x40003000' }).isVisible();
    }
    expect(found).toBe(true);
    await expect(page.getByRole('tooltip')).toContainText('page 1 of 2');
    await page.mouse.down();
    await page.mouse.up();
    expect(await harnessSelection(page)).toEqual({ kind: 'fragment', fragment: '0x40003000' });
    await screenshot(page, 'views-memmap-zoomed');
  });

  test('shows a debugfs input without RAM: only the addresses the graph names (scratch, pointers, reserve-mem)', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 420 });
    await openHarness(page, { view: 'memmap', graph: 'debugfs' });
    await expect(page.getByTestId('memory-map')).toContainText('No RAM ranges in this input (debugfs)');
    await expect(page.locator('.memmap__lane-label')).toHaveText(['RAM', 'Fragments', 'reserve-mem', 'Scratch']);
    await screenshot(page, 'views-memmap-debugfs');
  });
});
