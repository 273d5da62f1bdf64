import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildElfCore, flattenPieces } from '../core/mem/testing/ElfCoreBuilder';
import { buildKdump } from '../core/mem/testing/NodeKdumpBuilder';
import { test, expect } from './support/test';
import { openPathWithPicker, openWithPicker } from './support/pageActions';
import { processTreeUsage } from './support/processTree';

/** Hostile images of issue 14: each gets a plain-words answer, and the tab never freezes. */

test('a 120-byte ELF declaring 256 TiB of zero-fill is scanned at once and said in words', async ({ page }) => {
  const elf = flattenPieces(
    buildElfCore({ elfClass: 64, littleEndian: true, segments: [{ paddr: 0, memsz: 2n ** 48n }] }),
  );
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'zero-fill.elf', bytes: elf });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText('No KHO root found in zero-fill.elf');
  await expect(alert).toContainText('256 TiB the image declares but does not store (reads as zeros)');
  // The page answers at once: the theme switch reacts.
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
});

test('a kdump declaring 8 TiB, every page left out: the same answer, no frozen tab', async ({ page }) => {
  const maxMapnr = (8 * 2 ** 40) / 2 ** 20;
  const kdump = buildKdump({ blockSize: 2 ** 20, maxMapnr, ram: [[0, maxMapnr]], pages: new Map() });
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'excluded.kdump', bytes: kdump });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText('No KHO root found in excluded.kdump');
  await expect(alert).toContainText('8.0 TiB the image declares but does not store');
});

test('an anchor page at physical address 0 is turned down with the reason, not a crash', async ({ page }) => {
  const raw = new Uint8Array(4096);
  raw.set(new TextEncoder().encode('KHOANCH1'));
  await page.goto('/');
  await openWithPicker(page, 'Open an image', { name: 'anchor-at-0.raw', bytes: raw });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText('No KHO root found in anchor-at-0.raw');
  await expect(alert).toContainText('(anchor chain): anchor page 0x0 gives fdt_size 0, not between 1 and 16777216');
});

test.describe('a 64 GiB ELF core stored on disk (all holes)', () => {
  let path: string;
  test.beforeAll(() => {
    // Every byte of RAM is stored (p_filesz = p_memsz), so nothing can be
    // skipped: only Cancel ends the scan early.
    const size = 64 * 2 ** 30;
    const header = buildElfCore({
      elfClass: 64,
      littleEndian: true,
      segments: [{ paddr: 0, offset: 4096, filesz: size, memsz: size }],
    });
    path = join(tmpdir(), `khoscope-e2e-giant-${process.pid}.elf`);
    const fd = openSync(path, 'w');
    try {
      for (const piece of header.pieces) writeSync(fd, piece.bytes, 0, piece.bytes.length, piece.offset);
      ftruncateSync(fd, 4096 + size);
    } finally {
      closeSync(fd);
    }
  });
  test.afterAll(() => rmSync(path, { force: true }));

  test('Cancel stops the scan and the browser goes quiet', async ({ page }) => {
    await page.goto('/');
    await openPathWithPicker(page, 'Open an image', path);
    await expect(page.getByTestId('progress-text')).toContainText(/Scanning for KHO roots: .* of 64 GiB/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was cancelled' })).toHaveText(
      /Opening .*\.elf was cancelled\./,
    );
    await page.waitForTimeout(500);
    const before = processTreeUsage();
    await page.waitForTimeout(2000);
    const busy = processTreeUsage().cpuSeconds - before.cpuSeconds;
    expect(busy, 'CPU seconds used by the browser in the 2 s after Cancel').toBeLessThan(0.8);
  });
});
