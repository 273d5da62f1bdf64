import { test, expect } from '../support/test';
import { screenshot } from '../support/pageActions';
import { harnessSelection, openHarness, selectFromOutside } from './harness';

const SYNTHETIC_DEEP_FRAGMENT = '0x102a00000';

test.describe('graph view', () => {
  for (const theme of ['light', 'dark']) {
    test(`draws the showcase graph: cards, rows, page chips with gaps, edges with byte order, badges (${theme})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1600, height: 1000 });
      await openHarness(page, { view: 'graph', graph: 'showcase', theme });
      const node1 = page.locator('[data-card="0x40003000"]');
      await expect(node1).toContainText('/gpu@0x100000000/node1');
      await expect(node1.locator('.page-chip')).toHaveText(['0x40003000', 'gap 1 pg', '0x40005000']);
      await expect(page.locator('[data-card="0x40002000"] [data-row="/node1"]')).toContainText('→');
      await expect(page.locator('.graph-edge-label', { hasText: '0x40003000, 0x40005000' })).toContainText('BE');
      await expect(page.locator('[data-card="0x1847000"] [data-row="/short"] .graph-badge--error')).toHaveText('1');
      await expect(page.locator('[data-card="unread:0x40000000:/broken:kho,recursive-fdt"]')).toContainText(
        'no FDT at 0x40008000',
      );
      await selectFromOutside(page, { kind: 'node', fragment: '0x40002000', node: '/node1' });
      await expect(page.locator('[data-card="0x40002000"]')).toHaveAttribute('data-mark', 'selected');
      await screenshot(page, `views-graph-showcase-${theme}`);
    });
  }

  test('selects what is clicked: card, row, edge, badge', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openHarness(page, { view: 'graph', graph: 'showcase' });
    await page.locator('[data-card="0x528000"] .gcard__meta').click();
    expect(await harnessSelection(page)).toEqual({ kind: 'fragment', fragment: '0x528000' });
    await page.locator('[data-card="0x1847000"] [data-row="/demo2"]').click();
    expect(await harnessSelection(page)).toEqual({ kind: 'node', fragment: '0x1847000', node: '/demo2' });
    await page.locator('[data-card="0x1844000"] [data-row="field:flbs_pa"]').click();
    expect(await harnessSelection(page)).toEqual({
      kind: 'property',
      fragment: '0x1844000',
      node: '',
      property: 'flbs_pa',
    });
    await page.locator('.graph-edge-label', { hasText: '0x40003000, 0x40005000' }).click();
    expect(await harnessSelection(page)).toEqual({ kind: 'link', link: '0x40002000:/node1:kho,recursive-fdt' });
    await expect(page.locator('[data-edge="0x40002000:/node1:kho,recursive-fdt"]')).toHaveAttribute(
      'data-selected',
      'true',
    );
    await page.locator('[data-card="0x1847000"] [data-row="/short"] .graph-badge').click();
    expect(await harnessSelection(page)).toMatchObject({ kind: 'diagnostic' });
  });

  test('zooms with the buttons, fits, collapses and expands a subtree', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openHarness(page, { view: 'graph', graph: 'showcase' });
    const world = page.locator('.graph-world');
    const scaleOf = async () =>
      Number((await world.evaluate((element) => getComputedStyle(element).transform)).match(/matrix\(([^,]+)/)![1]);
    const fitted = await scaleOf();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(scaleOf).toBeGreaterThan(fitted * 1.3);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(scaleOf).toBeCloseTo(fitted, 3);
    await expect(page.locator('.graph-toolbar__count')).toHaveText('12 cards');
    await page.locator('[data-card="0x40002000"] .gcard__toggle').click();
    await expect(page.locator('.graph-toolbar__count')).toHaveText('11 of 12 cards');
    await expect(page.locator('[data-card="0x40003000"]')).toHaveCount(0);
    await expect(page.locator('[data-card="0x40002000"] .gcard__toggle')).toHaveText('+1');
    // Selecting something inside a collapsed subtree opens it.
    await selectFromOutside(page, { kind: 'fragment', fragment: '0x40003000' });
    await expect(page.locator('[data-card="0x40003000"]')).toBeVisible();
    await expect(page.locator('.graph-toolbar__count')).toHaveText('12 cards');
  });

  // Its first-frame time and panning speed are goals measured by bench/explorer.bench.ts, not here.
  test('10,000 fragments: renders, keeps only a screenful in the DOM, pans at every zoom level', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openHarness(page, { view: 'graph', graph: 'synthetic', n: '10000' });
    await expect(page.locator('.graph-toolbar__count')).toHaveText('10054 cards');

    // A selection far down the tree brings the view there.
    await selectFromOutside(page, { kind: 'fragment', fragment: SYNTHETIC_DEEP_FRAGMENT });
    await expect(page.locator(`[data-card="${SYNTHETIC_DEEP_FRAGMENT}"]`)).toBeInViewport();
    expect(await page.locator('.gcard').count()).toBeLessThan(300);

    const world = page.locator('.graph-world');
    const transform = () => world.evaluate((element) => getComputedStyle(element).transform);
    const dragMoves = async () => {
      const before = await transform();
      await page.mouse.move(800, 500);
      await page.mouse.down();
      await page.mouse.move(650, 380, { steps: 5 });
      await page.mouse.up();
      await expect.poll(transform).not.toBe(before);
    };
    await dragMoves();
    const view = page.getByTestId('graph-view');
    for (let i = 0; i < 4; i++) await view.dispatchEvent('wheel', { deltaY: 200, clientX: 800, clientY: 500 });
    await expect(page.locator('.gcard--compact').first()).toBeVisible();
    await dragMoves();
    for (let i = 0; i < 6; i++) await view.dispatchEvent('wheel', { deltaY: 200, clientX: 800, clientY: 500 });
    await expect(page.locator('.gcard')).toHaveCount(0);
    await dragMoves();
    await screenshot(page, 'views-graph-10k-overview');
  });

  test('the minimap moves the view', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openHarness(page, { view: 'graph', graph: 'synthetic', n: '2000' });
    const world = page.locator('.graph-world');
    const before = await world.evaluate((element) => getComputedStyle(element).transform);
    const minimap = page.getByRole('img', { name: /Minimap/ });
    const box = (await minimap.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.9);
    await expect.poll(() => world.evaluate((element) => getComputedStyle(element).transform)).not.toBe(before);
  });
});
