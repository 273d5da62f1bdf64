import { describe, expect, it } from 'vitest';
import { isShown, revealTransform } from './revealTransform';
import { visibleWorld, type ViewTransform } from './viewportMath';

/** Where world rectangle `r` lands on screen under `t`. */
function onScreen(r: { x0: number; y0: number; x1: number; y1: number }, t: ViewTransform) {
  return { x0: r.x0 * t.k + t.x, y0: r.y0 * t.k + t.y, x1: r.x1 * t.k + t.x, y1: r.y1 * t.k + t.y };
}

describe('revealTransform', () => {
  const here = { x: 0, y: 0, k: 1 };

  it('leaves a target alone when it is readable in view, else centres it at a readable zoom', () => {
    expect(revealTransform({ x0: 10, y0: 10, x1: 100, y1: 100 }, here, 800, 600, 0.8)).toBeNull();
    const moved = revealTransform({ x0: 2000, y0: 3000, x1: 2300, y1: 3100 }, here, 800, 600, 0.8)!;
    expect(moved.k).toBe(1);
    const view = visibleWorld(moved, 800, 600);
    expect((view.x0 + view.x1) / 2).toBeCloseTo(2150);
    expect((view.y0 + view.y1) / 2).toBeCloseTo(3050);
    const zoomedOut = revealTransform({ x0: 10, y0: 10, x1: 100, y1: 100 }, { x: 0, y: 0, k: 0.1 }, 800, 600, 0.8)!;
    expect(zoomedOut.k).toBe(0.8);
    // A card taller than the view is shown from its top.
    const tall = revealTransform({ x0: 0, y0: 5000, x1: 300, y1: 9000 }, here, 800, 600, 0.8)!;
    expect(visibleWorld(tall, 800, 600).y0).toBeCloseTo(5000 - 600 * 0.1);
  });

  it('counts a target under an overlay as not shown, and moves it clear by the least pan', () => {
    const minimap = { x0: 590, y0: 460, x1: 790, y1: 590 };
    // On screen, but its lower right corner is under the minimap.
    const card = { x0: 400, y0: 300, x1: 700, y1: 500 };
    expect(isShown(card, here, 800, 600)).toBe(true);
    expect(isShown(card, here, 800, 600, [minimap])).toBe(false);
    const next = revealTransform(card, here, 800, 600, 1, [minimap])!;
    const shown = onScreen(card, next);
    expect(isShown(card, next, 800, 600, [minimap])).toBe(true);
    // Centred would still overlap it (250..550 × 200..400 is clear; the least move from centre is none).
    expect(shown.x1 - shown.x0).toBe(300);
    expect(shown.x0).toBeGreaterThanOrEqual(0);
  });

  it('shows a tall card from its top, below the toolbar, and keeps it off the minimap', () => {
    const toolbar = { x0: 10, y0: 10, x1: 290, y1: 50 };
    const minimap = { x0: 400, y0: 500, x1: 500, y1: 565 };
    // A 512 × 575 pane (1024 × 768 window) and a card 1000 px tall.
    const tall = { x0: 0, y0: 0, x1: 300, y1: 1000 };
    const next = revealTransform(tall, { x: 2000, y: 2000, k: 1 }, 512, 575, 1, [toolbar, minimap])!;
    const shown = onScreen(tall, next);
    expect(shown.y0).toBeGreaterThanOrEqual(toolbar.y1);
    expect(shown.x0).toBeGreaterThanOrEqual(0);
    expect(shown.x1).toBeLessThanOrEqual(minimap.x0);
  });

  it('keeps the target centred when the view has no room to clear the overlays', () => {
    const covering = { x0: 0, y0: 0, x1: 400, y1: 400 };
    const next = revealTransform({ x0: 0, y0: 0, x1: 300, y1: 300 }, { x: 900, y: 900, k: 1 }, 400, 400, 1, [
      covering,
    ])!;
    expect(next).toEqual({ k: 1, x: 50, y: 50 });
  });
});
