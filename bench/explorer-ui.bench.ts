/**
 * Explorer responsiveness (issue 13): with a 10,000-fragment image open, how
 * long a person waits for
 * - search: the query typed into the search box until the matching result is listed;
 * - select: a click on an outline row until it shows as selected;
 * - outline expand: a click on a collapsed row's chevron until its children
 *   are listed: for one node, for the root fragment, and for the root row,
 *   which holds every fragment.
 * Three images of 10,000 fragments (bench/writeKhoTreeImage.ts): a root with
 * 10,000 children (the kho-graph bench's 10k image), a bushy tree (fan-out 4,
 * depth 7) and a deep one (160 chains of fragments each pointing at the next,
 * depth 63). Production build in Debian's Chromium (as the explorer bench),
 * 1600×1000. Each is repeated; goal: median under 100 ms, from the input
 * event to the painted frame that shows the result.
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { median } from './alternateRuns';
import { type BenchResult, judge } from './BenchResult';
import { dropAndTimeFirstCard, openStartPage } from './explorer/dropAndTimeFirstCard';
import { launchChromium } from './explorer/launchChromium';
import { serveExplorer } from './explorer/serveExplorer';
import { timeInteraction } from './explorer/timeInteraction';
import { bushyShape, deepShape, type ParentOf, TREE_ROOT, wideShape, writeKhoTreeImage } from './writeKhoTreeImage';

const GOAL_MS = 100;
const REPEATS = 7;
const ROOT_FRAGMENT = `0x${TREE_ROOT.toString(16)}`;
const ROOT_ROW = `root ${ROOT_FRAGMENT}`;

/** One image the bench opens: its name in the table and its shape. */
interface TreeImage {
  name: string;
  fragments: number;
  shape: ParentOf;
}

const IMAGES: TreeImage[] = [
  // 10,001 fragments in the image; the decoder keeps its default 10,000 and reports the last link as not followed.
  { name: '10k-child root', fragments: 10_001, shape: wideShape },
  { name: '10k fragments, bushy (fan-out 4, depth 7)', fragments: 10_000, shape: bushyShape(4) },
  { name: '10k fragments, deep (160 chains, depth 63)', fragments: 10_000, shape: deepShape(160) },
];

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

/** Clicks the chevron of the row `label` (collapsed first, untimed) and waits until its first child is listed under it. */
async function timeExpand(page: Page, label: string): Promise<number> {
  const item = page.getByRole('treeitem', { name: label, exact: true });
  if ((await item.getAttribute('aria-expanded')) === 'true') await item.locator('.outline__chevron').click();
  await page.waitForFunction(`${row(label)}?.getAttribute('aria-expanded') === 'false'`);
  return timeInteraction(page, `${row(label)}.querySelector('.outline__chevron').click()`, showsChildren(label));
}

/** One figure: median of the runs, judged against the goal. */
function figure(image: string, name: string, times: number[], how: string): BenchResult {
  const value = median(times);
  return {
    name: `${image}: ${name}`,
    value: Math.round(value * 10) / 10,
    unit: 'ms',
    goal: judge(`median < ${GOAL_MS} ms`, value < GOAL_MS),
    notes: `${how}; median of ${times.length} (range ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms)`,
  };
}

/** Runs `measure` `REPEATS` times with the run's index. */
async function repeat(measure: (i: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await measure(i));
  return times;
}

/** Writes `image`, drops it on a fresh explorer page and times every interaction on it. */
async function measureImage(browser: Browser, appUrl: string, image: TreeImage): Promise<BenchResult[]> {
  const path = join(tmpdir(), `khoscope-explorer-ui-${process.pid}.raw`);
  writeKhoTreeImage(path, image.fragments, image.shape);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await openStartPage(page, appUrl);
    const openMs = await dropAndTimeFirstCard(page, path, 300_000);
    await page.getByTestId('outline').waitFor();
    const opened = `opening it took ${(openMs / 1000).toFixed(1)} s (no goal)`;
    const at = (name: string, times: number[], how: string) => figure(image.name, name, times, how);

    // Names deep in the image: the last fragments of the bushy and deep trees, children of the wide root.
    const search = await repeat((i) => timeSearch(page, `user${9000 + i * 111}`, `user${9000 + i * 111}`));
    await page.keyboard.press('Escape');
    // Rows near the top of the outline (the view renders only the rows in sight): nodes of the first fragments.
    const select = await repeat((i) => timeSelect(page, `user${3 + i}`));
    const expandNode = await repeat((i) => timeExpand(page, `user${3 + i}`));
    const expandFragment = await repeat(() => timeExpand(page, ROOT_FRAGMENT));
    const expandRoot = await repeat(() => timeExpand(page, ROOT_ROW));
    return [
      at('search', search, `a fragment's name pasted into the search box → its result listed; ${opened}`),
      at('select', select, 'click on an outline row → shown selected'),
      at('outline expand, one node', expandNode, "click on a node's chevron → its rows listed"),
      at(
        'outline expand, the root fragment',
        expandFragment,
        "click on the root fragment's chevron → its nodes listed",
      ),
      at('outline expand, the root row', expandRoot, "click on the root's chevron → every fragment listed under it"),
    ];
  } finally {
    await page.close();
    rmSync(path, { force: true });
  }
}

/** Opens each image in the explorer and times search, select and expand on it. */
export async function run(): Promise<BenchResult[]> {
  const served = await serveExplorer();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    for (const image of IMAGES) {
      const [before] = loadavg();
      const figures = await measureImage(browser, served.appUrl, image);
      const [after, five] = loadavg();
      for (const result of figures) {
        result.notes = `${result.notes}; load average ${before.toFixed(2)} → ${after.toFixed(2)} (5 min ${five.toFixed(2)})`;
      }
      results.push(...figures);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return results;
}
