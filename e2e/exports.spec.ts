import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { extractionFiles } from '../core/kho/extract/extractionFiles';
import { renderFragmentDts } from '../core/kho/render/renderGraphDts';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { test, expect } from './support/test';
import { expectExplorer, inspector, openPathWithPicker, outlineRow, screenshot } from './support/pageActions';

const AT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'linux-7.3', 'at-kexec.carved.elf');

/** The same image decoded on the Node side by core: what every export must match. */
async function decodedHere() {
  return decodeKhoGraph(await openImage(new BytesSource(readFileSync(AT), 'at-kexec.carved.elf')));
}

test('the extra exports: one fragment as DTS, the graph as JSON, kho/out as a tar; each downloaded and checked', async ({
  page,
}) => {
  const graph = await decodedHere();
  await page.goto('/');
  await openPathWithPicker(page, 'Open an image', AT);
  await expectExplorer(page);

  // One fragment's DTS, from its inspector.
  await outlineRow(page, '0x1847000').click();
  let download = page.waitForEvent('download');
  await inspector(page).getByRole('button', { name: 'Download this fragment as .dts' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('at-kexec.carved-0x1847000.dts');
  const memblock = graph.fragments.find((fragment) => fragment.id === '0x1847000');
  if (!memblock) throw new Error('the fixture has no memblock fragment');
  const dts = readFileSync(await file.path(), 'latin1');
  expect(dts).toBe(renderFragmentDts(graph, memblock));
  expect(dts).toContain('compatible = "memblock-v1";');

  // The whole graph as JSON, from the DTS tab.
  await page.getByRole('tab', { name: 'DTS' }).click();
  await screenshot(page, 'exports-dts-tab');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Graph JSON' }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('at-kexec.carved.graph.json');
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(json.format).toBe('khoscope-graph');
  expect(json.fragments.map((fragment: { id: string; bytes: string }) => [fragment.id, fragment.bytes])).toEqual(
    graph.fragments.map((fragment) => [fragment.id, Buffer.from(fragment.bytes).toString('hex')]),
  );
  expect(json.links.length).toBe(graph.links.length);

  // The debugfs layout as a tar: the system's tar lists the right files and unpacks the right bytes.
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'kho/out .tar' }).click();
  file = await download;
  expect(file.suggestedFilename()).toBe('at-kexec.carved.kho-out.tar');
  const tar = await file.path();
  const expected = extractionFiles(graph, false);
  const listed = execFileSync('tar', ['-tf', tar], { encoding: 'utf8' }).trim().split('\n');
  expect(listed.filter((path) => !path.endsWith('/'))).toEqual(expected.map((entry) => `kho/out/${entry.path}`));
  expect(listed).toContain('kho/out/sub_fdts/LUO.d/sessions[0].files[0].data');
  const unpacked = mkdtempSync(join(tmpdir(), 'khoscope-e2e-tar-'));
  execFileSync('tar', ['-xf', tar, '-C', unpacked]);
  for (const entry of expected)
    expect(readFileSync(join(unpacked, 'kho/out', entry.path)).equals(Buffer.from(entry.bytes)), entry.path).toBe(true);
});
