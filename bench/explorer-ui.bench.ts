/**
 * Explorer responsiveness (issue 13): with an image open whose root has
 * 10,000 children (10,001 fragments and 10,000 links: bench/writeWideKhoImage.ts,
 * the kho-graph bench's 10k image), how long a person waits for
 * - search: the query typed into the search box until the matching result is listed;
 * - select: a click on an outline row until it shows as selected;
 * - outline expand: a click on a collapsed row's chevron until its children
 *   are listed, for one child fragment and for the root fragment with its
 *   10,000 children.
 * Production build in Debian's Chromium (as the explorer bench), 1600×1000.
 * Each is repeated; goal: median under 100 ms.
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { median } from './alternateRuns';
import { type BenchResult, judge } from './BenchResult';
import { dropAndTimeFirstCard, openStartPage } from './explorer/dropAndTimeFirstCard';
import { launchChromium } from './explorer/launchChromium';
import { serveExplorer } from './explorer/serveExplorer';
import { timeInteraction } from './explorer/timeInteraction';
import { WIDE_ROOT, writeWideKhoImage } from './writeWideKhoImage';

const CHILDREN = 10_000;
const GOAL_MS = 100;
const REPEATS = 7;
const ROOT_FRAGMENT = `0x${WIDE_ROOT.toString(16)}`;

/** The outline row labelled `label`, as page source. */
const row = (label: string): string => `document.querySelector('[role=treeitem][aria-label=${JSON.stringify(label)}]')`;
/** Page source: whether the row is expanded and the row after it is one level down (its first child: the outline lists rows in order, only those in view). */
const showsChildren = (label: string): string =>
  `((r) => r?.getAttribute('aria-expanded') === 'true' && Number(r.nextElementSibling?.getAttribute('aria-level')) > Number(r.getAttribute('aria-level')))(${row(label)})`;

/** Types `query` into the search box at once (as a paste would) and waits for a result naming `expected`. */
async function timeSearch(page: Page, query: string, expected: string): Promise<number> {
  const box = page.getByRole('combobox', { name: 'Search the graph' });
  await box.fill('');
  await box.focus();
  return timeInteraction(
    page,
    `const box = document.activeElement;
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, ${JSON.stringify(query)});
     box.dispatchEvent(new Event('input', { bubbles: true }))`,
    `[...document.querySelectorAll('[role=listbox][aria-label="Search results"] [role=option]')].some((o) => o.textContent.includes(${JSON.stringify(expected)}))`,
  );
}

/** Clicks the outline row `label` and waits until it is selected. */
async function timeSelect(page: Page, label: string): Promise<number> {
  return timeInteraction(page, `${row(label)}.click()`, `${row(label)}?.getAttribute('aria-selected') === 'true'`);
}

/** Clicks the chevron of the collapsed row `label` and waits until its first child is listed under it. */
async function timeExpand(page: Page, label: string): Promise<number> {
  const chevron = page.getByRole('treeitem', { name: label, exact: true }).locator('.outline__chevron');
  if ((await page.getByRole('treeitem', { name: label, exact: true }).getAttribute('aria-expanded')) === 'true') {
    await chevron.click();
  }
  await page.waitForFunction(`${row(label)}?.getAttribute('aria-expanded') === 'false'`);
  return timeInteraction(page, `${row(label)}.querySelector('.outline__chevron').click()`, showsChildren(label));
}

/** One figure: median of the runs, judged against the goal. */
function figure(name: string, times: number[], how: string): BenchResult {
  const value = median(times);
  return {
    name: `${CHILDREN / 1000}k-child root: ${name}`,
    value: Math.round(value * 10) / 10,
    unit: 'ms',
    goal: judge(`median < ${GOAL_MS} ms`, value < GOAL_MS),
    notes: `${how}; median of ${times.length} (range ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms)`,
  };
}

/** Opens the wide image in the explorer and times search, select and expand. */
export async function run(): Promise<BenchResult[]> {
  const path = join(tmpdir(), `khoscope-explorer-ui-${process.pid}.raw`);
  writeWideKhoImage(path, CHILDREN);
  const served = await serveExplorer();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openStartPage(page, served.appUrl);
    const openMs = await dropAndTimeFirstCard(page, path, 300_000);
    await page.getByTestId('outline').waitFor();
    const loaded = `${(CHILDREN + 1).toLocaleString('en')} fragments; opening it took ${(openMs / 1000).toFixed(1)} s (no goal)`;

    const search: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const name = `user${9000 + i * 111}`;
      search.push(await timeSearch(page, name, name));
    }
    await page.keyboard.press('Escape');
    results.push(figure('search', search, `a child's name pasted into the search box → its result listed; ${loaded}`));

    const select: number[] = [];
    for (let i = 0; i < REPEATS; i++) select.push(await timeSelect(page, `user${3 + i}`));
    results.push(figure('select', select, 'click on an outline row → shown selected'));

    const expandChild: number[] = [];
    for (let i = 0; i < REPEATS; i++) expandChild.push(await timeExpand(page, `user${3 + i}`));
    results.push(figure('outline expand, one child', expandChild, "click on a child's chevron → its rows listed"));

    const expandRoot: number[] = [];
    for (let i = 0; i < REPEATS; i++) expandRoot.push(await timeExpand(page, ROOT_FRAGMENT));
    results.push(
      figure(
        `outline expand, the root fragment (${CHILDREN.toLocaleString('en')} children)`,
        expandRoot,
        "click on the root fragment's chevron → its children listed",
      ),
    );
  } finally {
    await browser.close();
    await served.close();
    rmSync(path, { force: true });
  }
  const [one, five] = loadavg();
  for (const result of results) result.notes = `${result.notes}; load average ${one.toFixed(2)} / ${five.toFixed(2)}`;
  return results;
}
