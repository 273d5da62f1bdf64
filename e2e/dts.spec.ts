import { readFileSync } from 'node:fs';
import { test, expect } from './support/test';
import { SAMPLE_DTB } from './support/sampleTree';
import { dtcDecompile } from './support/dtc';
import { expectExplorer, openWithPicker } from './support/pageActions';

test('the DTS tab prints a lone DTB exactly as dtc does (plus comments with the ABI readings), and downloads it', async ({
  page,
}) => {
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'test-board.dtb', bytes: SAMPLE_DTB });
  await expectExplorer(page);
  await page.keyboard.press('s');
  await expect(page.getByRole('tab', { name: 'DTS' })).toHaveAttribute('aria-selected', 'true');
  const shown = (await page.getByTestId('dts-text').textContent()) ?? '';
  // Without the fragment's heading comment and the trailing ABI comments, it is dtc's output byte for byte.
  const bare = shown.replace(/^\/\* fragment .*\*\/\n/, '').replace(/ \/\* [^\n]*\*\/$/gm, '');
  expect(bare).toBe(dtcDecompile(SAMPLE_DTB));
  expect(shown).toContain('preserved-memory-map = <0x00 0x4100000>; /* u64 LE 0x100400000000 */');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .dts' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('test-board.dts');
  expect(readFileSync(await file.path()).toString('latin1')).toBe(shown);
});
