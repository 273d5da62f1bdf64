import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TREE_ROOT, wideShape, writeKhoTreeImage } from '../bench/writeKhoTreeImage';
import { expect, test } from './support/test';
import { expectExplorer, inspector, openPathWithPicker } from './support/pageActions';

const CHILDREN = 2_000;
const ROOT = `0x${TREE_ROOT.toString(16)}`;
let folder: string;
let path: string;

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'khoscope-e2e-wide-'));
  path = join(folder, 'wide-root.raw');
  writeKhoTreeImage(path, CHILDREN + 1, wideShape);
});

test.afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('a root with 2,000 children: its card and inspector list what is in sight, and every child is still reached', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openPathWithPicker(page, 'Open an image', path);
  await expectExplorer(page);

  // The root fragment is selected on open. Its inspector lists the first 100 nodes and links, with a button for more.
  const nodes = inspector(page).getByRole('region', { name: 'Nodes' });
  await expect(nodes.getByRole('listitem')).toHaveCount(100);
  const more = nodes.getByRole('button', { name: 'show 100 more of 2,000 (1,900 not shown)' });
  await more.click();
  await expect(nodes.getByRole('listitem')).toHaveCount(200);
  await expect(nodes.getByRole('button', { name: 'show 100 more of 2,000 (1,800 not shown)' })).toBeVisible();
  const linksOut = inspector(page).getByTestId('links-out');
  await expect(linksOut.getByRole('listitem')).toHaveCount(100);

  // The root's card has a row per child, but only the rows near the view are in the page.
  const card = page.locator(`[data-card="${ROOT}"]`);
  await expect(card).toBeVisible();
  const rows = await card.locator('.gcard__row').count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(200);

  // A child far down the list is still found, selected and shown in its row of the card.
  const search = page.getByRole('combobox', { name: 'Search the graph' });
  await search.fill('user1999');
  await search.press('Enter');
  await expect(inspector(page)).toContainText('user1999');
  await expect(card.locator('.gcard__row[data-selected]')).toContainText('user1999');
  await expect(page.getByRole('treeitem', { name: 'user1999', exact: true })).toHaveAttribute('aria-selected', 'true');
});
