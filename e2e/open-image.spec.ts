import { test, expect } from './support/test';
import { MAINLINE, mainlineBlobSet, mainlineElf } from './support/khoImages';
import {
  dropFiles,
  expectExplorer,
  fileDataTransfer,
  inspector,
  openPathWithPicker,
  openWithPicker,
  outlineRow,
  writeTempFolder,
} from './support/pageActions';
import type { Page } from '@playwright/test';

const elf = { name: 'mainline.elf', bytes: mainlineElf() };

/** The mainline tree's names and addresses, as the outline and inspector show them. */
async function expectMainlineTree(page: Page, rootLabel: string) {
  await expectExplorer(page);
  await expect(outlineRow(page, rootLabel)).toBeVisible();
  for (const name of ['memblock', 'LUO', 'demo1', 'demo2']) await expect(outlineRow(page, name)).toBeVisible();
}

test('an ELF core opened with the picker shows its roots, fragments, nodes and addresses', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', elf);
  await expectMainlineTree(page, 'root 0x23a000');
  await expect(page.getByTestId('file-name')).toHaveText('mainline.elf');
  await expect(page.getByTestId('image-kind')).toHaveText('ELF core');
  await expect(page.getByTestId('page-size')).toHaveText('4 KiB pages');
  await expect(page.getByTestId('roots-button')).toHaveText('root 0x23a000');
  await expect(outlineRow(page, 'kexec-metadata')).toBeVisible();
  // The outline renders only rows in view: close the first two fragments to bring the others up.
  for (const fragment of ['0x23a000', '0x1847000'])
    await outlineRow(page, fragment).locator('.outline__chevron').click();
  for (const fragment of ['0x23a000', '0x1847000', '0x1844000', '0x242000'])
    await expect(outlineRow(page, fragment)).toBeVisible();
  // The root fragment is selected first: the inspector says where it is and what kind of root.
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText('0x23a000');
  await expect(inspector(page).getByTestId('inspector-address')).toHaveText('0x23a000');
  await expect(inspector(page).getByTestId('root-facts')).toContainText('kho-v4');
  await expect(inspector(page).getByTestId('map-summary')).toContainText('radix tree');
  await expect(inspector(page).getByTestId('blocks-per-order')).toBeVisible();
});

test('one file dropped anywhere opens, with an overlay while dragging', async ({ page }) => {
  await page.goto('/');
  const transfer = await fileDataTransfer(page, [elf]);
  await page.locator('main').dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toContainText('Nothing is uploaded');
  await page.locator('main').dispatchEvent('dragleave', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await dropFiles(page, page.getByRole('heading', { level: 1 }), [elf]);
  await expectMainlineTree(page, 'root 0x23a000');
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
});

test('several files dropped together are a debugfs blob set (loose children go under sub_fdts/)', async ({ page }) => {
  await page.goto('/');
  const files = mainlineBlobSet().map((file) => ({ name: file.path.replace('sub_fdts/', ''), bytes: file.bytes }));
  await dropFiles(page, page.locator('main'), files);
  await expectMainlineTree(page, 'root fdt');
  await expect(page.getByTestId('image-kind')).toHaveText('debugfs blob set (5 files)');
  await expect(page.getByTestId('file-name')).toHaveText('debugfs blob set');
  await expect(outlineRow(page, 'sub_fdts/memblock')).toBeVisible();
  await expect(inspector(page).getByTestId('scratch-areas')).toContainText('0x1b400000');
});

test('a kho/out folder picked with the folder picker opens as a blob set', async ({ page }) => {
  const folder = writeTempFolder(mainlineBlobSet());
  await page.goto('/');
  await openPathWithPicker(page, 'Open a folder', folder);
  await expectMainlineTree(page, 'root fdt');
  await expect(page.getByTestId('file-name')).toHaveText('out/');
  await outlineRow(page, 'sub_fdts/LUO').click();
  await expect(inspector(page).getByTestId('luo')).toContainText('luo-v5');
  // Blob files have no physical memory: the inspector says so instead of an address.
  await expect(inspector(page).getByTestId('fragment-facts')).toContainText(
    'debugfs file sub_fdts/LUO (no physical memory)',
  );
});

test('several files that are not a set: the first is opened and a notice says so', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, page.locator('main'), [elf, { name: 'second.elf', bytes: elf.bytes }]);
  await expectMainlineTree(page, 'root 0x23a000');
  const notice = page.getByRole('status').filter({ hasText: 'not a KHO debugfs set' });
  await expect(notice).toContainText('opened the first one, mainline.elf');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // Opening another image from the top bar replaces this one.
  await openWithPicker(page, 'Open…', { name: 'again.elf', bytes: elf.bytes });
  await expect(page.getByTestId('file-name')).toHaveText('again.elf');
  await expect(outlineRow(page, `root 0x${MAINLINE.root.toString(16)}`)).toBeVisible();
});
