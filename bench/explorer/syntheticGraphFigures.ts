import type { Page } from '@playwright/test';
import { measurePanFps, type PanFps } from './measurePanFps';

/** Size of the synthetic tree the issue sets goals for. */
export const SYNTHETIC_FRAGMENTS = 10_000;
/** A fragment deep in the synthetic tree (app/views/graph/testing/syntheticGraph.ts), where panning starts. */
const DEEP_FRAGMENT = '0x102a00000';
const VIEWPORT = { width: 1600, height: 1000 };

/** What the 10,000-fragment graph costs in the harness. */
export interface SyntheticGraphFigures {
  /** Milliseconds from the built graph to the first frame painted with the view, one per page load. */
  firstFrameMs: number[];
  /** Milliseconds spent generating the synthetic graph before rendering (not part of the view's cost). */
  generateMs: number;
  /** Cards in the DOM while panning at detail zoom (the view keeps only a screenful). */
  cardsInDom: number;
  /** Panning speed at each zoom level. */
  pan: Record<'detail' | 'compact' | 'overview', PanFps>;
}

/** The graph's zoom level as the DOM shows it: full cards, compact cards, or only the canvas overview. */
async function zoomLevel(page: Page): Promise<string> {
  const full = await page.locator('.gcard:not(.gcard--compact)').count();
  if (full > 0) return 'detail';
  return (await page.locator('.gcard--compact').count()) > 0 ? 'compact' : 'overview';
}

/** Loads the harness with the synthetic graph and waits for its first frame. */
async function loadSyntheticGraph(
  page: Page,
  harnessUrl: string,
): Promise<{ firstFrameMs: number; generateMs: number }> {
  await page.goto(`${harnessUrl}?view=graph&graph=synthetic&n=${SYNTHETIC_FRAGMENTS}`);
  await page.waitForFunction('window.harness?.ready === true', undefined, { timeout: 60_000 });
  return (await page.evaluate('({ firstFrameMs: window.harness.renderedAt, generateMs: window.harness.builtIn })')) as {
    firstFrameMs: number;
    generateMs: number;
  };
}

/** Zooms out by wheel steps over the view's centre and waits for the view to settle, then checks the level reached. */
async function zoomOutTo(page: Page, steps: number, level: string): Promise<void> {
  const view = page.locator('.graph-view');
  for (let i = 0; i < steps; i++)
    await view.dispatchEvent('wheel', { deltaY: 200, clientX: VIEWPORT.width / 2, clientY: VIEWPORT.height / 2 });
  await page.waitForTimeout(400);
  const reached = await zoomLevel(page);
  if (reached !== level) throw new Error(`zooming out ${steps} steps reached ${reached}, not ${level}`);
}

/**
 * Measures the synthetic 10,000-fragment graph in the views harness: first
 * frame over `loads` page loads, then, from a fragment deep in the tree,
 * panning at detail zoom, zoomed out to compact cards, and out to the overview.
 */
export async function syntheticGraphFigures(
  page: Page,
  harnessUrl: string,
  loads: number,
): Promise<SyntheticGraphFigures> {
  await page.setViewportSize(VIEWPORT);
  const firstFrameMs: number[] = [];
  let generateMs = 0;
  for (let load = 0; load < loads; load++) {
    const timing = await loadSyntheticGraph(page, harnessUrl);
    firstFrameMs.push(timing.firstFrameMs);
    generateMs = timing.generateMs;
  }
  await page.evaluate(`window.harness.select({ kind: 'fragment', fragment: '${DEEP_FRAGMENT}' })`);
  await page.locator(`[data-card="${DEEP_FRAGMENT}"]`).waitFor();
  await page.waitForTimeout(400);
  const level = await zoomLevel(page);
  if (level !== 'detail') throw new Error(`selecting ${DEEP_FRAGMENT} left the view at ${level}, not detail`);
  const cardsInDom = await page.locator('.gcard').count();
  const detail = await measurePanFps(page);
  await zoomOutTo(page, 4, 'compact');
  const compact = await measurePanFps(page);
  await zoomOutTo(page, 6, 'overview');
  const overview = await measurePanFps(page);
  return { firstFrameMs, generateMs, cardsInDom, pan: { detail, compact, overview } };
}
