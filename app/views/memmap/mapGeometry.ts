/** Vertical layout of the memory map, in CSS pixels (the lane labels use the same numbers). */
export const MAP_GEOMETRY = {
  axisHeight: 30,
  laneHeight: 22,
  laneGap: 8,
  bottomPadding: 10,
  /** Width of the lane label column left of the canvas. */
  labelWidth: 132,
} as const;

/** Top of lane `index`. */
export function laneTop(index: number): number {
  return MAP_GEOMETRY.axisHeight + MAP_GEOMETRY.laneGap + index * (MAP_GEOMETRY.laneHeight + MAP_GEOMETRY.laneGap);
}

/** Height of a map with `lanes` lanes. */
export function mapHeight(lanes: number): number {
  return laneTop(lanes) + MAP_GEOMETRY.bottomPadding;
}

/** The lane under y, or -1 (between lanes, on the axis). */
export function laneAt(y: number, lanes: number): number {
  const step = MAP_GEOMETRY.laneHeight + MAP_GEOMETRY.laneGap;
  const index = Math.floor((y - MAP_GEOMETRY.axisHeight - MAP_GEOMETRY.laneGap / 2) / step);
  return index >= 0 && index < lanes ? index : -1;
}
