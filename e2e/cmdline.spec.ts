import { test, expect } from './support/test';
import type { Page } from '@playwright/test';
import { expectExplorer, inspector } from './support/pageActions';

/** Runs a palette command by typing its words and pressing Enter, as a person does. */
async function runCommand(page: Page, words: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type(words);
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
}

test("the next kernel's command line, typed in the compatibility panel, re-judges reserve_mem= live and is remembered per image", async ({
  page,
}) => {
  await page.goto('/?demo=kho-v4');
  await expectExplorer(page);
  const counts = page.getByTestId('diagnostics').getByTestId('diagnostic-counts');
  await expect(counts).toContainText('0 errors');
  await page
    .getByRole('treeitem', { name: /^root 0x/ })
    .first()
    .click();
  const panel = inspector(page).getByTestId('compat-panel');
  const field = panel.getByLabel("Next kernel's command line");
  await expect(panel.getByTestId('cmdline-verdict')).toContainText('reserve_mem= sizes are not judged');

  // demo1 is 4 MiB in the image: a next kernel asking for 8M refuses it.
  await field.fill('console=ttyS0 reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2');
  await expect(counts).toContainText('1 error');
  const row = page.getByTestId('diagnostics').locator('[data-code="reserve-mem-cmdline"]');
  await expect(row).toContainText('asks for 0x800000: the next kernel refuses the region (wrong size)');
  await expect(panel.getByTestId('cmdline-verdict')).toContainText(
    'judged against the command line typed here: 1 error(s)',
  );
  // Judging is not editing: nothing to compare with the image as opened.
  await page.getByRole('tab', { name: 'Compare' }).click();
  const compare = page.getByTestId('compare-panel');
  await expect(compare.getByRole('button', { name: 'Another image…' })).toBeVisible();
  await expect(compare.getByRole('button', { name: 'The image as opened' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Graph' }).click();

  // Another image does not share it; coming back to this one brings it back, judged again.
  await runCommand(page, 'demo kho-v1');
  await expectExplorer(page);
  await expect(page.getByTestId('file-name')).not.toHaveText('kho-v4.elf');
  await runCommand(page, 'demo kho-v4');
  await expectExplorer(page);
  await expect(counts).toContainText('1 error');
  await page
    .getByRole('treeitem', { name: /^root 0x/ })
    .first()
    .click();
  await expect(field).toHaveValue('console=ttyS0 reserve_mem=8M:4096:demo1 reserve_mem=2M:4096:demo2');

  // The right sizes: nothing to say. Cleared: not judged at all.
  await field.fill('reserve_mem=4M:4096:demo1 reserve_mem=2M:4096:demo2');
  await expect(counts).toContainText('0 errors');
  await expect(panel.getByTestId('cmdline-verdict')).toContainText('every region matches');
  await field.fill('');
  await expect(row).toHaveCount(0);
  await expect(panel.getByTestId('cmdline-verdict')).toContainText('not judged');
});
