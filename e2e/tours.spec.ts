import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Tour, TourStep } from '../app/tours/Tour';
import { test, expect } from './support/test';
import { ARTIFACTS, expectExplorer } from './support/pageActions';
import { tourFiles } from './support/tourFiles';

const TOURS = tourFiles();

/** Where each step's screenshot goes (gitignored, with the other artifacts). */
const SHOTS = join(ARTIFACTS, 'tours');

/** True when `inner`'s box lies inside `outer`'s box (give or take a pixel): the place is on screen, not cut off. */
async function expectInside(inner: Locator, outer: Locator, what: string): Promise<void> {
  await expect(inner, what).toBeVisible();
  await expect
    .poll(
      async () => {
        const a = await inner.boundingBox();
        const b = await outer.boundingBox();
        if (!a || !b) return 'no box';
        const inside = a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1;
        const shown = a.y + Math.min(a.height, 24) <= b.y + b.height + 1;
        return inside && shown ? 'inside' : `at ${JSON.stringify(a)} outside ${JSON.stringify(b)}`;
      },
      { message: what, timeout: 5_000 },
    )
    .toBe('inside');
}

/** The step's highlighted place is in its view and inside the visible part of it. */
async function expectPlaceOnScreen(page: Page, step: TourStep, label: string): Promise<void> {
  const tabName = { graph: 'Graph', hex: 'Hex', memmap: 'Memory map', dts: 'DTS', compare: 'Compare' }[step.view];
  await expect(page.getByRole('tab', { name: tabName }), label).toHaveAttribute('aria-selected', 'true');
  if (step.view === 'graph') {
    const view = page.getByTestId('graph-view');
    // The most precise mark: the selected row or key property when the selection has one (the view says
    // so; the row may not be drawn until the view has moved to it), else the selected card's title.
    const hasRow = (await view.getAttribute('data-focus-row')) !== null;
    const target = hasRow
      ? view.locator('[data-selected]').first()
      : view.locator('[data-mark="selected"] .gcard__title').first();
    await expectInside(target, view, `${label}: highlighted in the graph`);
  } else if (step.view === 'hex') {
    await expect(page.locator('.hex-cell--loading'), label).toHaveCount(0);
    const view = page.getByTestId('hex-view');
    if ('fragment' in step.place && !('diagnostic' in step.place) && step.place.node === undefined) {
      // A whole fragment is the region itself: its name on top and its first bytes in view.
      await expect(view.locator('.hex-view__name'), label).toContainText(`fragment ${step.place.fragment}`);
      await expectInside(view.locator('.hex-row__address').first(), view, `${label}: the fragment's first bytes`);
    } else await expectInside(view.locator('.hex-cell--strong').first(), view, `${label}: highlighted bytes`);
  } else if (step.view === 'memmap') {
    const map = page.getByTestId('memory-map');
    await expect(map.getByTestId('memmap-selection'), label).toHaveAttribute('data-on-screen', 'true');
  }
}

/** The caption shows step `n` (from 1) and its place is selected (a move may first wait for its demo to open). */
async function expectStep(caption: Locator, n: number, label = `step ${n}`): Promise<void> {
  await expect(caption, label).toHaveAttribute('data-step', String(n), { timeout: 30_000 });
  await expect(caption, label).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

async function walk(page: Page, tour: Tour): Promise<void> {
  const caption = page.getByTestId('tour');
  for (let i = 0; i < tour.steps.length; i++) {
    const step = tour.steps[i];
    const label = `${tour.id} step ${i + 1} (${step.title})`;
    await expectStep(caption, i + 1, label);
    await expect(caption.getByRole('heading', { name: step.title }), label).toBeVisible();
    await expect(caption).toContainText(step.source.label);
    await expect(caption.getByRole('alert'), `${label}: no problem`).toHaveCount(0);
    await expectPlaceOnScreen(page, step, label);
    expect(page.url(), label).toContain(`tour=${tour.id}&step=${i + 1}`);
    await page.screenshot({ path: join(SHOTS, `${tour.id}-${String(i + 1).padStart(2, '0')}.png`) });
    if (i === tour.steps.length - 1) break;
    // Next by the arrow key on odd steps, by the button on even ones: both must work.
    if (i % 2 === 0) await page.keyboard.press('ArrowRight');
    else await caption.getByRole('button', { name: 'Next →' }).click();
  }
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.use({ viewport: { width: 1440, height: 900 } });

for (const tour of TOURS) {
  test(`tour "${tour.title}" runs every step start to end, each place highlighted on screen`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('khoscope');
    // Started from the palette by its command id, as a person would: Ctrl+K, type, Enter.
    await page.keyboard.press('Control+k');
    await page.keyboard.type(`tour ${tour.title}`);
    await expect(page.getByRole('option').first()).toHaveAttribute('data-command', `tour.start.${tour.id}`);
    await page.keyboard.press('Enter');
    await expectExplorer(page);
    await walk(page, tour);
    // Back one step by the arrow key, then Esc ends the tour and keeps the image.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('tour')).toHaveAttribute('data-step', String(tour.steps.length - 1));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tour')).toHaveCount(0);
    await expect(page.getByTestId('outline')).toBeVisible();
    expect(page.url()).not.toContain('tour=');
  });
}

test('a step link opens the demo at that step; unknown tours and demos are said, not ignored', async ({ page }) => {
  const tour = TOURS[0];
  await page.goto(`/?demo=${tour.demo}&tour=${tour.id}&step=5`);
  await expectStep(page.getByTestId('tour'), 5);
  await expect(page.getByTestId('tour').getByRole('heading', { name: tour.steps[4].title })).toBeVisible();
  await expectPlaceOnScreen(page, tour.steps[4], 'step 5 from a link');

  await page.goto('/?tour=no-such-tour');
  await expect(page.getByRole('status')).toContainText('There is no tour named “no-such-tour”');
  await page.goto('/?demo=no-such-demo');
  await expect(page.getByRole('status')).toContainText('There is no demo named “no-such-demo”. The demos are:');
  await expect(page.getByRole('status')).toContainText('kho-v4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('khoscope');
});

test('a step that hides the graph, then one that shows it again, leave the graph drawn at the place', async ({
  page,
}) => {
  // Regression: a hex step hides the graph in the same render that selects its place. The graph used to
  // start an animated move to that place in a view of no size; d3's zoom interpolation divides by the
  // size, so each frame of the move was NaN, and the next step's move, started from NaN mid-way, stayed
  // NaN: the graph was empty for the rest of the tour. The page's clock is held so that the next step
  // comes mid-move every time, as it did now and then when the steps ran at full speed.
  const tour = TOURS.find((candidate) => candidate.id === 'seed-recursive-fdt')!;
  expect(tour.steps.slice(1, 4).map((step) => step.view)).toEqual(['graph', 'hex', 'graph']);
  await page.clock.install();
  await page.goto(`/?demo=${tour.demo}&tour=${tour.id}&step=2`);
  const caption = page.getByTestId('tour');
  await expectStep(caption, 2);
  await expectPlaceOnScreen(page, tour.steps[1], 'step 2');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.keyboard.press('ArrowRight');
  await expectStep(caption, 3);
  await expect(page.getByTestId('graph-view')).toBeHidden();
  await page.clock.runFor(100);
  await page.keyboard.press('ArrowRight');
  await expectStep(caption, 4);
  await page.clock.runFor(1_000);
  await page.clock.resume();
  await expectPlaceOnScreen(page, tour.steps[3], 'step 4, right after the hex step');
  const cards = page.getByTestId('graph-view').locator('[data-card]');
  await expect.poll(() => cards.count(), 'cards drawn').toBeGreaterThan(1);
});
