/**
 * The hue (degrees) of the bars of preserved blocks of `order`: golden-angle
 * steps like fragmentHue, from a different start, so neighbouring orders
 * (0 and 1, 8 and 9) get clearly different colours.
 */
export function orderHue(order: number): number {
  return Math.round((order * 137.508 + 30) % 360);
}
