import { test, expect } from './support/test';
import type { Locator, Page } from '@playwright/test';
import { expectExplorer, inspector, outlineRow } from './support/pageActions';

// The kho-v4 demo opens with its root card at the left of the graph; the fragments its children link to
// sit in the next column, at the right edge or beyond it.

test.beforeEach(async ({ page }) => {
  await page.goto('/?demo=kho-v4');
  await expectExplorer(page);
  await expect(graphWorld(page)).toHaveAttribute('style', /scale/);
});

test('a node picked in the outline while the hex view is shown is brought into view on the way back to the graph', async ({
  page,
}) => {
  const view = page.getByTestId('graph-view');
  await view.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  expect(await cardInsideView(view, '0x101000')).toBe(false);

  await page.getByRole('tab', { name: 'Hex' }).click();
  await expect(view).toBeHidden();
  await outlineRow(page, 'demo2').click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x101000:/demo2');
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect.poll(() => cardInsideView(view, '0x101000')).toBe(true);
  // The move is animated: let it end, or the keys below would stop it half way.
  await expect(graphWorld(page)).not.toHaveClass(/graph-world--moving/);

  // The user pans it away again: later tab switches, with no new selection, keep that pan.
  await view.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  const panned = await graphWorld(page).getAttribute('style');
  expect(await cardInsideView(view, '0x101000')).toBe(false);
  for (const tab of ['Hex', 'Memory map']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(view).toBeHidden();
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect(view).toBeVisible();
    await expect(graphWorld(page)).toHaveAttribute('style', panned ?? '');
  }
});

test('a search result under a collapsed card, picked while the memory map is shown, is expanded and shown in the graph', async ({
  page,
}) => {
  const view = page.getByTestId('graph-view');
  await view
    .locator('[data-card="0x100000"]')
    .getByRole('button', { name: /^Collapse/ })
    .click();
  await expect(view.locator('[data-card="0x104000"]')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Memory map' }).click();
  await expect(view).toBeHidden();
  await page.getByRole('combobox', { name: 'Search the graph' }).fill('0x104000');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText(
    'fragment 0x104000',
  );
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x104000');
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect.poll(() => cardInsideView(view, '0x104000')).toBe(true);
});

function graphWorld(page: Page): Locator {
  return page.getByTestId('graph-view').locator('.graph-world');
}

/** Whether the card is drawn and wholly inside the graph view's box (read in one go, mid-animation too). */
function cardInsideView(view: Locator, card: string): Promise<boolean> {
  return view.evaluate((element, id) => {
    const drawn = element.querySelector(`[data-card="${id}"]`);
    if (!drawn) return false;
    const box = drawn.getBoundingClientRect();
    const frame = element.getBoundingClientRect();
    return box.left >= frame.left && box.top >= frame.top && box.right <= frame.right && box.bottom <= frame.bottom;
  }, card);
}
