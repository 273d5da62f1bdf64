import { test, expect } from './support/test';
import { expectExplorer } from './support/pageActions';

test('Ctrl+K lists every command with its shortcut and id; typing filters; Enter runs the highlighted one', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('khoscope');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Type a command' })).toBeFocused();
  // Before anything is open, view commands are listed but say why they cannot run.
  const hex = palette.locator('[data-command="view.hex"]');
  await expect(hex).toHaveAttribute('aria-disabled', 'true');
  await expect(hex).toContainText('Open an image or a demo first');
  await expect(palette.locator('[data-command="palette.open"]')).toContainText('Ctrl');

  // Filter to one demo and run it with Enter.
  await page.keyboard.type('demo kho-v4');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-command', 'demo.open.kho-v4');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expectExplorer(page);

  // Ctrl+Shift+P opens it too; arrows move the highlight; Enter switches the view.
  await page.keyboard.press('Control+Shift+P');
  await expect(palette).toBeVisible();
  await page.keyboard.type('show the');
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const second = await options.nth(1).getAttribute('data-command');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  expect(second).toMatch(/^view\./);
  const tab = { 'view.graph': 'Graph', 'view.hex': 'Hex', 'view.memmap': 'Memory map', 'view.dts': 'DTS' }[
    second as 'view.hex'
  ];
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');

  // A query that matches nothing says so; Esc closes and leaves the page as it was.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('frobnicate');
  await expect(palette).toContainText('No command matches “frobnicate”.');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);

  // A click runs a command too.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('memory map');
  await palette.locator('[data-command="view.memmap"]').click();
  await expect(page.getByRole('tab', { name: 'Memory map' })).toHaveAttribute('aria-selected', 'true');
});
