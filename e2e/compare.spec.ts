import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/test';
import { twoRootsElf } from './support/khoImages';
import {
  dropFiles,
  expectExplorer,
  inspector,
  openPathWithPicker,
  openWithPicker,
  outlineRow,
  screenshot,
} from './support/pageActions';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'linux-7.3');
const PRE = join(FIXTURES, 'pre-kexec.carved.elf');
const AT = join(FIXTURES, 'at-kexec.carved.elf');
const KDUMP = join(FIXTURES, 'pre-kexec.kdump.carved.elf');

test('compare two real Linux 7.3 images: pick the second, read the list, see the marks, select a change', async ({
  page,
}) => {
  await page.goto('/');
  await openPathWithPicker(page, 'Open an image', PRE);
  await expectExplorer(page);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByTestId('compare-panel');
  await expect(panel.locator('.compare-panel__sources')).toContainText('root 0x23a000 (kho-v4, outgoing)');
  await screenshot(page, 'compare-empty');

  await openPathWithPicker(page, 'Another image…', AT);
  const summary = panel.getByTestId('compare-summary');
  await expect(summary).toHaveText('The trees differ: 7 added, 0 removed, 1 changed', { timeout: 30_000 });
  const list = panel.getByTestId('compare-list');
  await expect(list).toContainText('pre-kexec.carved.elf, root 0x23a000');
  await expect(list).toContainText('at-kexec.carved.elf, root 0x23a000');
  // The changed field, both values side by side in their typed reading.
  const sessions = list.getByRole('row', { name: /sessions_pa/ });
  await expect(sessions.getByRole('cell').nth(2)).toHaveText('0x0u64 LE');
  await expect(sessions.getByRole('cell').nth(3)).toHaveText('0x1863000u64 LE');
  // What the kernel added at kexec: the session (user data) and the memfd's fragment.
  await expect(list.getByRole('region', { name: 'fragment /LUO › sessions[0].files[0].data' })).toContainText(
    'fragment 0x1868000 (memfd-v2, 48 bytes) added',
  );
  await expect(list).toContainText('"kho-demo-session"');
  // Marks: the LUO fragment holds changes, on the outline and on its graph card.
  await expect(outlineRow(page, 'LUO')).toHaveAttribute('data-compare', 'changed');
  await expect(outlineRow(page, 'memblock')).not.toHaveAttribute('data-compare');
  await screenshot(page, 'compare-list');
  await page.keyboard.press('t');
  await screenshot(page, 'compare-list-dark');
  await page.keyboard.press('t');

  // Clicking a change selects its place in the shown tree.
  await sessions.click();
  await expect(inspector(page).getByTestId('inspector-path')).toContainText('sessions_pa');
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.locator('.gcard[data-card="0x1844000"]')).toHaveAttribute('data-compare', 'changed');
  await expect(page.locator('.gcard[data-card="0x1847000"]')).not.toHaveAttribute('data-compare');
  await screenshot(page, 'compare-graph-marks');

  // A drop while the Compare tab is shown is compared, not opened: the kdump of the same machine is equal.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await dropFiles(page, panel, [{ name: 'pre-kexec.kdump.carved.elf', bytes: readFileSync(KDUMP) }]);
  await expect(summary).toHaveText('The trees are equal: 0 added, 0 removed, 0 changed', { timeout: 30_000 });
  await expect(page.getByTestId('file-name')).toHaveText('pre-kexec.carved.elf');
  await expect(outlineRow(page, 'LUO')).not.toHaveAttribute('data-compare');

  // The comparison downloads as the same JSON `khoscope diff --format json` prints.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download JSON' }).click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(json.equal).toBe(true);
  expect(json.b.label).toBe('pre-kexec.kdump.carved.elf, root 0x23a000');
});

test('compare two roots of one image, and say plainly when the other file is not an image', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'two-roots.elf', bytes: twoRootsElf() });
  await page.getByTestId('root-candidates').getByRole('button', { name: 'Decode the root at 0x23a000' }).click();
  await expectExplorer(page);
  // The c key shows the Compare tab.
  await page.keyboard.press('c');
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('compare-panel');
  await panel.getByRole('button', { name: 'root 0x400000' }).click();
  await expect(panel.getByTestId('compare-summary')).toContainText('The trees differ', { timeout: 30_000 });
  const list = panel.getByTestId('compare-list');
  await expect(list).toContainText('two-roots.elf, root 0x400000 (kho-v4)');
  // The empty root at 0x400000 lacks every child the first root has.
  await expect(list.getByRole('region', { name: 'fragment /memblock' })).toContainText('removed');
  await expect(outlineRow(page, 'memblock')).toHaveAttribute('data-compare', 'removed');
  await screenshot(page, 'compare-two-roots');

  await openWithPicker(page, 'Another image…', { name: 'notes.txt', bytes: new TextEncoder().encode('hello') });
  await expect(panel.getByTestId('compare-problem')).toContainText('notes.txt', { timeout: 30_000 });
  await screenshot(page, 'compare-problem');
});

test('compare the edited tree with the image as opened; the comparison follows the next edit', async ({ page }) => {
  const kho = { name: 'kho-v4.elf', bytes: new Uint8Array(readFileSync('public/demos/kho-v4.elf')) };
  const edit = async (value: string) => {
    await outlineRow(page, 'demo1').click();
    await inspector(page).getByTestId('property-table').locator('tr[data-property="size"]').click();
    const editor = inspector(page).getByTestId('property-edit');
    await editor.getByRole('radio', { name: 'u64', exact: true }).check();
    await editor.getByRole('textbox', { name: 'Value' }).fill(value);
    await editor.getByRole('button', { name: 'Set value' }).click();
    await expect(inspector(page).getByTestId('value-reading')).toHaveText(value);
  };
  await page.goto('/');
  await openWithPicker(page, 'Open an image', kho);
  await expectExplorer(page);
  await edit('0x800000');
  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByTestId('compare-panel');
  await panel.getByRole('button', { name: 'The image as opened' }).click();
  const list = panel.getByTestId('compare-list');
  const size = list.getByRole('row', { name: /size/ });
  await expect(size.getByRole('cell').nth(3)).toHaveText('0x800000u64 LE');
  await expect(list).toContainText('kho-v4.elf as opened');
  await expect(list).toContainText('kho-v4.elf, edited');
  await screenshot(page, 'compare-edited');
  // Another edit: the comparison is made again against the image as opened.
  await edit('0x600000');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(size.getByRole('cell').nth(3)).toHaveText('0x600000u64 LE');
});
