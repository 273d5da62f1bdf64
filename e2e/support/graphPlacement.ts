import type { Page } from '@playwright/test';
import { expect } from './test';

/**
 * Where the graph's selection is on screen, against the graph pane with its
 * own overlays (toolbar, minimap) taken out: "ok", or what is wrong.
 *
 * - The selected card lies across the pane: neither edge cut off left or right.
 * - Its title and the selected row (when the selection has one) are inside
 *   the pane and under neither the toolbar nor the minimap.
 * - A card taller than the pane is read from its top: its title must show
 *   (unless the selected row lies too far down for both to fit), its
 *   bottom may run past the pane.
 */
export function selectionPlacement(page: Page): Promise<string> {
  return page.getByTestId('graph-view').evaluate((view) => {
    const pane = view.getBoundingClientRect();
    const card = view.querySelector('[data-mark="selected"]');
    const title = card?.querySelector('.gcard__title');
    if (!card || !title) return 'not drawn';
    const overlays = [...view.querySelectorAll('.graph-toolbar, .graph-minimap')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const problems: string[] = [];
    const box = card.getBoundingClientRect();
    if (box.left < pane.left - 1) problems.push(`card cut off left by ${Math.round(pane.left - box.left)} px`);
    if (box.right > pane.right + 1) problems.push(`card cut off right by ${Math.round(box.right - pane.right)} px`);
    const clear = (what: string, part: DOMRect) => {
      const inside =
        part.left >= pane.left - 1 &&
        part.right <= pane.right + 1 &&
        part.top >= pane.top - 1 &&
        part.bottom <= pane.bottom + 1;
      if (!inside) problems.push(`${what} outside the pane`);
      for (const over of overlays)
        if (part.left < over.right && part.right > over.left && part.top < over.bottom && part.bottom > over.top)
          problems.push(`${what} under an overlay`);
    };
    const titleBox = title.getBoundingClientRect();
    const row = view.getAttribute('data-focus-row') !== null ? card.querySelector('[data-selected]') : null;
    const rowBox = row?.getBoundingClientRect();
    if (rowBox) clear('selected row', rowBox);
    // The title too, unless it and the row (with three rows of context below) cannot both fit in the share
    // of the pane a reveal fills (80%, less a little slack): a row far down a tall card shows without it.
    const bothFit = !rowBox || rowBox.bottom + 3 * rowBox.height - titleBox.top <= 0.75 * pane.height;
    if (bothFit) clear('title', titleBox);
    return problems.length === 0 ? 'ok' : problems.join('; ');
  });
}

/** Waits until the graph's pan and zoom have stopped: two reads of the world's transform in a row agree. */
export async function graphAtRest(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.graph-world').evaluate((world) => getComputedStyle(world).transform);
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

/** After the view has come to rest, the selection is placed well (see `selectionPlacement`). */
export async function expectSelectionShown(page: Page, what: string): Promise<void> {
  await graphAtRest(page);
  await expect.poll(() => selectionPlacement(page), { message: what, timeout: 5_000 }).toBe('ok');
}
