import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type JSHandle, type Locator, type Page } from '@playwright/test';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** A file to hand to the page: its name (a path inside a dropped folder may contain `/`) and bytes. */
export interface TestFile {
  name: string;
  bytes: Uint8Array;
}

/** Opens files the way a person does: click the button, pick the files in the chooser. */
export async function openWithPicker(
  page: Page,
  buttonName: string,
  files: TestFile | readonly TestFile[],
): Promise<void> {
  const list = Array.isArray(files) ? files : [files as TestFile];
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  await (await chooser).setFiles(
    list.map((file) => ({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) })),
  );
}

/** Opens files or a folder from disk by path (big files are not copied through the test). */
export async function openPathWithPicker(page: Page, buttonName: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  await (await chooser).setFiles(path);
}

/** Writes files (paths may have folders) below a new temporary folder and returns it. */
export function writeTempFolder(files: readonly { path: string; bytes: Uint8Array }[], name = 'out'): string {
  const root = join(mkdtempSync(join(tmpdir(), 'khoscope-e2e-')), name);
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.bytes);
  }
  return root;
}

/**
 * A DataTransfer holding real File objects, made inside the page from the
 * given bytes, as the browser builds one for files dragged from the desktop.
 */
export async function fileDataTransfer(page: Page, files: readonly TestFile[]): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((file) => ({ name: file.name, base64: Buffer.from(file.bytes).toString('base64') }));
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: 'application/octet-stream' }));
    }
    return transfer;
  }, payload);
}

/** Drags files over `target` and drops them there (dragenter, dragover, drop with the same DataTransfer). */
export async function dropFiles(page: Page, target: Locator, files: readonly TestFile[]): Promise<void> {
  const dataTransfer = await fileDataTransfer(page, files);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** The outline row with this label (`root 0x23a000`, `0x1847000`, `memblock`, `preserved-data`). */
export function outlineRow(page: Page, label: string): Locator {
  return page.getByRole('treeitem', { name: label, exact: true });
}

/** Waits until the explorer shows a graph (outline and inspector present). */
export async function expectExplorer(page: Page): Promise<void> {
  await expect(page.getByTestId('outline')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('inspector')).toBeVisible();
}

/** The inspector panel. */
export function inspector(page: Page): Locator {
  return page.getByTestId('inspector');
}

/** Saves a screenshot of the page to e2e/artifacts/<name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
