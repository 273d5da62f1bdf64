/**
 * The hue (degrees) of the colour of the fragment at `index` in
 * `graph.fragments`: golden-angle steps, so neighbours in the list get
 * clearly different colours. The graph view's card stripes and the memory
 * map's fragment bars use the same hue, so a fragment is recognisable in both.
 */
export function fragmentHue(index: number): number {
  return Math.round((index * 137.508 + 210) % 360);
}
