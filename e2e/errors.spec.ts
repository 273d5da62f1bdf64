import { test, expect } from './support/test';
import { mainlineElf, MAINLINE } from './support/khoImages';
import { expectExplorer, inspector, openWithPicker, outlineRow, screenshot } from './support/pageActions';

test('a truncated ELF core: what is wrong, where, the first bytes, and what to try', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'cut.elf', bytes: mainlineElf().slice(0, 200) });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Could not open cut.elf');
  await expect(alert).toContainText('This ELF file is damaged or is not a memory dump.');
  await expect(alert.getByTestId('problem-reason')).toContainText('needs 280 bytes but cut.elf ends at 0xc8');
  await expect(alert.getByTestId('problem-where')).toHaveText(
    'file offset 0x40 in the ELF program header table (5 entries)',
  );
  await expect(alert).toContainText('7f 45 4c 46');
  await expect(alert.getByTestId('problem-hint')).toContainText('QEMU dump-guest-memory');
  await screenshot(page, 'error-light');
  // Another image opens straight from the problem.
  await openWithPicker(page, 'Open another image', { name: 'good.elf', bytes: mainlineElf() });
  await expectExplorer(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a compressed file is named as such', async ({ page }) => {
  const gzip = new Uint8Array(100);
  gzip.set([0x1f, 0x8b, 8]);
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'vmcore.gz', bytes: gzip });
  await expect(page.getByRole('alert')).toContainText('This file is compressed.');
  await expect(page.getByTestId('problem-reason')).toHaveText(
    'the file is compressed with gzip (unpack it with gunzip first)',
  );
});

test('no KHO root: the scan says what it covered; listing every FDT or giving the address finds the tree', async ({
  page,
}) => {
  // The mainline image with its root page wiped: the children are still there, the root is not.
  const bytes = mainlineElf();
  const wiped = Buffer.from(bytes);
  const rootAt = wiped.indexOf(Buffer.from('kho-v4\0'));
  wiped.fill(0, rootAt - 0x60, rootAt + 8);
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'no-root.elf', bytes: wiped });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText('No KHO root found in no-root.elf');
  await expect(alert).toContainText('every 4 KiB page start');
  await alert.getByRole('button', { name: 'List every FDT' }).click();
  const list = page.getByTestId('fdt-list');
  await expect(list).toContainText('memblock-v1');
  await expect(list).toContainText(`0x${MAINLINE.memblock.toString(16)}`);

  // A root given by address (here the memblock FDT, to look at it on its own).
  await page.getByLabel('Root address', { exact: true }).fill(`0x${MAINLINE.memblock.toString(16)}`);
  await page.getByRole('button', { name: 'Decode this root' }).click();
  await expectExplorer(page);
  await expect(outlineRow(page, `root 0x${MAINLINE.memblock.toString(16)}`)).toBeVisible();
  await expect(outlineRow(page, 'demo1')).toBeVisible();
  await expect(inspector(page).getByTestId('root-facts')).toContainText('given by address');
});

test('a root address that is not an address is refused in words', async ({ page }) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'blank.raw', bytes: new Uint8Array(64 * 1024) });
  await expect(page.getByRole('alert').getByRole('heading', { level: 2 })).toHaveText('No KHO root found in blank.raw');
  await page.getByLabel('Root address', { exact: true }).fill('somewhere');
  await page.getByRole('button', { name: 'Decode this root' }).click();
  await expect(page.getByText('“somewhere” is not an address')).toBeVisible();
});
