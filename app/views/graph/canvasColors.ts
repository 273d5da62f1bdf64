/** Colours for canvas drawing, read from the CSS variables of the view (so both themes apply). */
export interface CanvasColors {
  background: string;
  edge: string;
  accent: string;
  text: string;
  /** Fill of a card of this hue. */
  card(hue: number): string;
  /** Fill of a stand-in card (no fragment). */
  standIn: string;
}

/**
 * Reads the graph view's colour variables from `element` (see graph.css).
 * Call again after a theme change.
 */
export function readCanvasColors(element: Element): CanvasColors {
  const style = getComputedStyle(element);
  const value = (name: string) => style.getPropertyValue(name).trim();
  const saturation = value('--graph-card-s');
  const lightness = value('--graph-card-fill-l');
  const cache = new Map<number, string>();
  return {
    background: value('--bg'),
    edge: value('--graph-edge'),
    accent: value('--accent'),
    text: value('--text'),
    standIn: value('--graph-stand-in'),
    card(hue: number) {
      let colour = cache.get(hue);
      if (colour === undefined) {
        colour = `hsl(${hue} ${saturation} ${lightness})`;
        cache.set(hue, colour);
      }
      return colour;
    },
  };
}

/**
 * Sizes a canvas's backing store to its CSS size times the device pixel
 * ratio and returns a context scaled so drawing is in CSS pixels.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}
