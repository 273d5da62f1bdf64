import { readFileSync } from 'node:fs';
import { test, expect } from './support/test';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

const SEED = { name: 'seed-example.elf', bytes: new Uint8Array(readFileSync('public/demos/seed-example.elf')) };

test('edit from the outline and the cards: right-click or e puts focus in the inspector field; the outline marks the edited fragment', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', SEED);
  await expectExplorer(page);
  const card = page.locator('[data-card="0x40002000"]');
  const fragmentRow = page.locator('[role="treeitem"][data-kind="fragment"]', { hasText: 'gpu-v1' });
  await expect(fragmentRow).toHaveCount(1);
  await expect(fragmentRow).not.toHaveAttribute('data-changed');
  await expect(page.getByTestId('outline-edited')).toHaveCount(0);

  // Outline: open node2, right-click its key3 row, type, Enter.
  await outlineRow(page, 'node2').click();
  await page.keyboard.press('ArrowRight');
  await outlineRow(page, 'key3').click({ button: 'right' });
  const value = inspector(page).getByTestId('property-edit').getByRole('textbox', { name: 'Value' });
  await expect(value).toBeFocused();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x40002000:/node2/key3');
  await page.keyboard.type('from-outline');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-state')).toHaveText('Modified · 1 edit');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"from-outline"');
  await expect(fragmentRow).toHaveAttribute('data-changed', 'true');
  await expect(fragmentRow.getByTestId('outline-edited')).toHaveText('edited');
  await expect(card).toHaveAttribute('data-changed', 'true');
  await screenshot(page, 'edit-here-01-outline');

  // A card: select its node1 row, press e: the rename field takes focus.
  await card.locator('.gcard__row', { hasText: 'node1' }).first().click();
  await page.keyboard.press('e');
  const rename = inspector(page).getByTestId('node-edit').getByRole('textbox', { name: 'Rename node' });
  await expect(rename).toBeFocused();
  await page.keyboard.type('node-one');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-state')).toHaveText('Modified · 2 edits');
  await expect(outlineRow(page, 'node-one')).toBeVisible();

  // A card's key property by right-click: its value editor takes focus.
  await card.locator('.gcard__property', { hasText: 'key1' }).click({ button: 'right' });
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x40002000:/key1');
  await expect(value).toBeFocused();
  await page.keyboard.type('from-card');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-state')).toHaveText('Modified · 3 edits');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"from-card"');
  await expect(card).toHaveAttribute('data-changed', 'true');
  await expect(fragmentRow.getByTestId('outline-edited')).toHaveText('edited');
  await screenshot(page, 'edit-here-02-card');

  // Undo everything: the marks go away in the outline and on the card.
  await page.getByTestId('outline').focus();
  for (const left of ['Modified · 2 edits', 'Modified · 1 edit', 'Unmodified']) {
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('edit-state')).toHaveText(left);
  }
  await expect(page.getByTestId('outline-edited')).toHaveCount(0);
  await expect(card).not.toHaveAttribute('data-changed');
});
