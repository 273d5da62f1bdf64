import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { checkDownloadedExport, savedOperations } from './support/editedExport';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

const SEED = { name: 'seed-example.elf', bytes: new Uint8Array(readFileSync('public/demos/seed-example.elf')) };
const KHO_V4 = { name: 'kho-v4.elf', bytes: new Uint8Array(readFileSync('public/demos/kho-v4.elf')) };
const REAL = {
  name: 'pre-kexec.carved.elf',
  bytes: new Uint8Array(readFileSync('fixtures/linux-7.3/pre-kexec.carved.elf')),
};

const editState = (page: Page) => page.getByTestId('edit-state');
const propertyEdit = (page: Page) => inspector(page).getByTestId('property-edit');
const nodeEdit = (page: Page) => inspector(page).getByTestId('node-edit');

/** Selects a property by clicking its row in the outline (the first row of that name under `node`). */
async function selectProperty(page: Page, node: string, property: string): Promise<void> {
  await outlineRow(page, node).click();
  await inspector(page).getByTestId('property-table').locator(`tr[data-property="${property}"]`).click();
}

/** Sets the selected property's value in the typed editor `kind`. */
async function setValue(page: Page, kind: string, text: string): Promise<void> {
  await propertyEdit(page).getByRole('radio', { name: kind, exact: true }).check();
  await propertyEdit(page).getByRole('textbox', { name: 'Value' }).fill(text);
  await propertyEdit(page).getByRole('button', { name: 'Set value' }).click();
}

test('the seed image: edit a value, add and delete nodes, split and inline, undo and redo, refusals beside the field', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', SEED);
  await expectExplorer(page);
  await expect(editState(page)).toHaveText('Unmodified');

  // A value: node2's key3, as a string.
  await selectProperty(page, 'node2', 'key3');
  await screenshot(page, 'edit-seed-01-property-editor');
  await setValue(page, 'string', 'hello');
  await expect(editState(page)).toHaveText('Modified · 1 edit');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"hello"');
  await expect(page.locator('[data-card="0x40002000"]')).toHaveAttribute('data-changed', 'true');
  await screenshot(page, 'edit-seed-02-value-set');

  // A refusal appears next to its field, in plain words, and changes nothing.
  await propertyEdit(page).getByRole('textbox', { name: 'New property name' }).fill('key4');
  await propertyEdit(page).getByRole('button', { name: 'Rename' }).click();
  await expect(propertyEdit(page).getByTestId('edit-refusal')).toContainText('key4');
  await expect(editState(page)).toHaveText('Modified · 1 edit');
  await screenshot(page, 'edit-seed-03-refusal');

  // An owned value is read-only, with the reason.
  await page.getByRole('treeitem', { name: 'kho,recursive-fdt' }).first().click();
  await expect(propertyEdit(page).getByTestId('edit-locked')).toContainText('the editor writes it');

  // Add a node under node2, give it a property, then delete it.
  await outlineRow(page, 'node2').click();
  await nodeEdit(page).getByRole('textbox', { name: 'Add child node' }).fill('x-fresh');
  await nodeEdit(page).getByRole('button', { name: 'Add child node' }).click();
  await expect(outlineRow(page, 'x-fresh')).toBeVisible();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x40002000:/node2/x-fresh');
  await nodeEdit(page).locator('summary', { hasText: 'Add property' }).click();
  await nodeEdit(page).getByRole('textbox', { name: 'New property name' }).fill('x-size');
  await nodeEdit(page).getByRole('radio', { name: 'u64', exact: true }).check();
  await nodeEdit(page).getByRole('textbox', { name: 'Value' }).fill('0x1000');
  await expect(nodeEdit(page).getByTestId('byte-order')).toHaveText('little-endian (KHO)');
  await nodeEdit(page).getByRole('button', { name: 'Add property' }).click();
  await expect(inspector(page).getByTestId('inspector-path')).toHaveText('0x40002000:/node2/x-fresh/x-size');
  await expect(editState(page)).toHaveText('Modified · 3 edits');
  await screenshot(page, 'edit-seed-04-node-added');
  await outlineRow(page, 'x-fresh').click();
  await nodeEdit(page).getByRole('button', { name: 'Delete node' }).click();
  await expect(outlineRow(page, 'x-fresh')).toHaveCount(0);
  await expect(editState(page)).toHaveText('Modified · 4 edits');

  // Split node2 into a fragment of its own: a new card and outline fragment; then inline it back.
  await outlineRow(page, 'node2').click();
  await nodeEdit(page).getByRole('button', { name: 'Split into its own fragment' }).click();
  await expect(editState(page)).toHaveText('Modified · 5 edits');
  await expect(page.locator('[data-card]')).toHaveCount(5);
  await screenshot(page, 'edit-seed-05-split');
  await outlineRow(page, 'node2').first().click();
  await nodeEdit(page).getByRole('button', { name: 'Inline the linked fragment' }).click();
  await expect(editState(page)).toHaveText('Modified · 6 edits');
  await expect(page.locator('[data-card]')).toHaveCount(4);

  // Undo with the keyboard (twice: the inline, the split), redo, then the history list.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Control+z');
  await expect(editState(page)).toHaveText('Modified · 5 edits');
  await expect(page.locator('[data-card]')).toHaveCount(5);
  await page.keyboard.press('Control+Shift+Z');
  await expect(editState(page)).toHaveText('Modified · 6 edits');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editState(page)).toHaveText('Modified · 5 edits');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(editState(page)).toHaveText('Modified · 6 edits');
  await page.getByRole('button', { name: /^History/ }).click();
  const history = page.getByRole('dialog', { name: 'Edit history' });
  await expect(history.getByRole('listitem')).toHaveCount(7);
  await screenshot(page, 'edit-seed-06-history');
  await history.getByRole('button', { name: /set key3 on \/node2/ }).click();
  await expect(editState(page)).toHaveText('Modified · 1 edit');
  await expect(history.locator('li[data-state="undone"]')).toHaveCount(5);
  await history.getByRole('button', { name: /the image as opened/ }).click();
  await expect(editState(page)).toHaveText('Unmodified');
  await selectProperty(page, 'node2', 'key3');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"v3"');
  await expect(page.locator('[data-changed]')).toHaveCount(0);
  await screenshot(page, 'edit-seed-07-back-to-start');
});

test('kho-v4: an edit that costs a warning says so at once; export shows what changes, downloads, and reopens edited', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', KHO_V4);
  await expectExplorer(page);
  await selectProperty(page, 'demo1', 'size');
  await expect(propertyEdit(page).getByTestId('byte-order')).toHaveText('little-endian (KHO)');
  await setValue(page, 'u64', '0x800000');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('0x800000');
  // The map preserves only the first 4 MiB of demo1's region: not-preserved, before any export.
  await expect(page.getByTestId('edit-cost')).toContainText('not-preserved');
  await expect(page.getByTestId('edit-cost')).toContainText('wrong-map-entry');
  await screenshot(page, 'edit-v4-01-warning');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the edited image' });
  await expect(dialog.getByTestId('export-preview')).toContainText('0x101000: rewritten in place');
  await expect(dialog.getByTestId('export-cost')).toContainText('not-preserved');
  await screenshot(page, 'edit-v4-02-export-preview');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download kho-v4.edited.elf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('kho-v4.edited.elf');
  const bytes = new Uint8Array(readFileSync((await file.path())!));

  const ops = await savedOperations(page);
  expect(ops.map((op) => op.op)).toEqual(['set-property']);
  const checked = await checkDownloadedExport(KHO_V4.bytes, bytes, ops);
  // The two costs the page warned about (demo1 now outgrows its preserved block); nothing else.
  const expectedCosts = ['new diagnostic not-preserved', 'new diagnostic wrong-map-entry'];
  expect(checked.problems.filter((problem) => !expectedCosts.some((cost) => problem.startsWith(cost)))).toEqual([]);
  expect(checked.pagesChanged).toBe(1);

  // Open the download: the change is there.
  await openWithPicker(page, 'Open…', { name: 'kho-v4.edited.elf', bytes });
  await expect(page.getByTestId('file-name')).toHaveText('kho-v4.edited.elf');
  await selectProperty(page, 'demo1', 'size');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('0x800000');
  await expect(editState(page)).toHaveText('Unmodified');
  await screenshot(page, 'edit-v4-03-download-reopened');
});

test('a reload loses no edit: reopening the same image offers to restore them', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', KHO_V4);
  await expectExplorer(page);
  await selectProperty(page, 'demo2', 'compatible');
  await setValue(page, 'string', 'reserve-mem-edited');
  await outlineRow(page, 'demo1').click();
  await nodeEdit(page).getByRole('button', { name: 'Delete node' }).click();
  await expect(editState(page)).toHaveText('Modified · 2 edits');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editState(page)).toHaveText('Modified · 1 edit');

  await page.reload();
  await openWithPicker(page, 'Open an image', KHO_V4);
  await expectExplorer(page);
  const offer = page.getByTestId('restore-offer');
  await expect(offer).toContainText('1 edit (and 1 undone)');
  await screenshot(page, 'edit-restore-01-offer');
  await offer.getByRole('button', { name: 'Restore the edits' }).click();
  await expect(editState(page)).toHaveText('Modified · 1 edit');
  await selectProperty(page, 'demo2', 'compatible');
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"reserve-mem-edited"');
  // The undone step comes back too: redo deletes demo1 again.
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(outlineRow(page, 'demo1')).toHaveCount(0);
  await screenshot(page, 'edit-restore-02-restored');

  // Discarding forgets them: the next open offers nothing.
  await page.reload();
  await openWithPicker(page, 'Open an image', KHO_V4);
  await expectExplorer(page);
  await page.getByTestId('restore-offer').getByRole('button', { name: 'Discard them' }).click();
  await page.reload();
  await openWithPicker(page, 'Open an image', KHO_V4);
  await expectExplorer(page);
  await expect(editState(page)).toHaveText('Unmodified');
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
});

test('the carved real Linux 7.3 image: edit, add a fragment, delete a child; the download holds exactly the edit', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', REAL);
  await expectExplorer(page);

  await outlineRow(page, 'demo1').click();
  await nodeEdit(page).locator('summary', { hasText: 'Add property' }).click();
  await nodeEdit(page).getByRole('textbox', { name: 'New property name' }).fill('note');
  await nodeEdit(page).getByRole('textbox', { name: 'Value' }).fill('edited by khoscope');
  await nodeEdit(page).getByRole('button', { name: 'Add property' }).click();
  await expect(inspector(page).getByTestId('value-reading')).toHaveText('"edited by khoscope"');

  await outlineRow(page, '0x23a000').click();
  await nodeEdit(page).locator('summary', { hasText: 'Add child fragment' }).click();
  await nodeEdit(page).getByRole('textbox', { name: "New fragment's node name" }).fill('extra');
  await nodeEdit(page).getByRole('textbox', { name: "New fragment's compatible" }).fill('extra-v1');
  await nodeEdit(page).getByRole('button', { name: 'Add fragment' }).click();
  await expect(outlineRow(page, 'extra')).toBeVisible();

  await outlineRow(page, 'kexec-metadata').click();
  await nodeEdit(page).getByRole('button', { name: 'Delete node' }).click();
  await expect(outlineRow(page, 'kexec-metadata')).toHaveCount(0);
  await expect(editState(page)).toHaveText('Modified · 3 edits');
  await expect(page.getByTestId('edit-cost')).toHaveCount(0);

  // Split is refused under a mainline root, next to the button, in plain words.
  await outlineRow(page, 'demo1').click();
  await nodeEdit(page).getByRole('button', { name: 'Split into its own fragment' }).click();
  await expect(nodeEdit(page).getByTestId('edit-refusal')).toBeVisible();
  await screenshot(page, 'edit-real-01-edited');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the edited image' });
  await expect(dialog.getByTestId('export-preview')).toContainText('new');
  await expect(dialog.getByTestId('export-preview')).toContainText('Preserved-memory map');
  await screenshot(page, 'edit-real-02-export-preview');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download / }).click();
  const bytes = new Uint8Array(readFileSync((await (await download).path())!));
  const ops = await savedOperations(page);
  expect(ops.map((op) => op.op)).toEqual(['add-property', 'add-fragment', 'remove-node']);
  const checked = await checkDownloadedExport(REAL.bytes, bytes, ops);
  expect(checked.problems).toEqual([]);
  expect(checked.graph.fragments.map((fragment) => fragment.format)).not.toContain('kexec-metadata');

  await openWithPicker(page, 'Open…', { name: 'pre-kexec.edited.elf', bytes });
  await expect(page.getByTestId('file-name')).toHaveText('pre-kexec.edited.elf');
  await expect(outlineRow(page, 'extra')).toBeVisible();
  await expect(outlineRow(page, 'kexec-metadata')).toHaveCount(0);
  await screenshot(page, 'edit-real-03-download-reopened');
});
