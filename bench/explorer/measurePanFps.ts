import type { Page } from '@playwright/test';

/**
 * In-page JavaScript (bench/ has no DOM types): drags the graph view one step
 * per animation frame for 150 frames, the way a hand would, and resolves with
 * the frames per second reached.
 */
const PAN_SCRIPT = `(async () => {
  const view = document.querySelector('.graph-view');
  const box = view.getBoundingClientRect();
  let x = box.left + box.width / 2;
  let y = box.top + box.height / 2;
  view.dispatchEvent(new MouseEvent('mousedown', { clientX: x, clientY: y, bubbles: true, button: 0, view: window }));
  const times = [];
  await new Promise((resolve) => {
    let n = 0;
    const step = (time) => {
      times.push(time);
      if (n++ >= 150) return resolve();
      x += n % 60 < 30 ? -9 : 9;
      y += n < 75 ? -14 : 14;
      window.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, view: window }));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  window.dispatchEvent(new MouseEvent('mouseup', { clientX: x, clientY: y, bubbles: true, view: window }));
  return (1000 * (times.length - 1)) / (times[times.length - 1] - times[0]);
})()`;

/** Frames per second of panning runs: the best shows what the view can do, the median what a busy machine gives. */
export interface PanFps {
  best: number;
  median: number;
}

/** Pans the graph view `runs` times (150 frames each) and reports the best and median frames per second. */
export async function measurePanFps(page: Page, runs = 3): Promise<PanFps> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push((await page.evaluate(PAN_SCRIPT)) as number);
  samples.sort((a, b) => a - b);
  return { best: samples[samples.length - 1], median: samples[Math.floor(samples.length / 2)] };
}
