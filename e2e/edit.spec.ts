import { readFileSync } from 'node:fs';
import { test, expect } from './support/test';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

const SEED = { name: 'seed-example.elf', bytes: new Uint8Array(readFileSync('public/demos/seed-example.elf')) };

test('edit a value on the seed image, see it everywhere, undo and redo', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', SEED);
  await expectExplorer(page);
  await expect(page.getByTestId('edit-state')).toHaveText('Unmodified');
  await outlineRow(page, 'node2').click();
  await page.getByRole('treeitem', { name: 'key3' }).click();
  const edit = inspector(page).getByTestId('property-edit');
  await expect(edit).toBeVisible();
  await screenshot(page, 'edit-01-property-editor');
  await edit.getByRole('radio', { name: 'string', exact: true }).check();
  await edit.getByRole('textbox', { name: 'Value' }).fill('hello');
  await edit.getByRole('button', { name: 'Set value' }).click();
  await expect(page.getByTestId('edit-state')).toHaveText('Modified · 1 edit');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"hello"');
  await screenshot(page, 'edit-02-value-set');
});
