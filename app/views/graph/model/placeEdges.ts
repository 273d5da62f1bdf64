import { CARD, EDGE_ARRIVAL_Y } from './cardGeometry';
import type { Rect } from './CardIndex';
import { rowCenterY, type GraphEdge, type GraphScene } from './GraphScene';
import type { ForestLayout } from './layoutForest';

/** An edge with both ends laid out: start at the owning row's right side, end at the target's title. */
export interface PlacedEdge {
  edge: GraphEdge;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  /** Bounding box of the curve, for culling. */
  box: Rect;
}

/** How far the curve's control points reach sideways, at least. */
const MIN_REACH = 60;
/** Reach of an edge that goes back to the left (a cycle or a cross link), so it loops around the cards. */
const BACK_REACH = 140;

/** The edges whose two cards are both laid out (not inside a collapsed subtree), with their end points. */
export function placeEdges(scene: GraphScene, layout: ForestLayout): PlacedEdge[] {
  const placed: PlacedEdge[] = [];
  for (const edge of scene.edges) {
    const from = layout.indexOf.get(edge.from);
    const to = layout.indexOf.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const card = scene.byId.get(edge.from)!;
    const sx = layout.x[from] + CARD.width;
    const sy = layout.y[from] + (edge.row >= 0 ? rowCenterY(card, edge.row, CARD.rowHeight) : EDGE_ARRIVAL_Y);
    const tx = layout.x[to];
    const ty = layout.y[to] + EDGE_ARRIVAL_Y;
    const reach = edgeReach(sx, tx);
    placed.push({
      edge,
      sx,
      sy,
      tx,
      ty,
      box: { x0: Math.min(sx, tx - reach), y0: Math.min(sy, ty), x1: Math.max(tx, sx + reach), y1: Math.max(sy, ty) },
    });
  }
  return placed;
}

function edgeReach(sx: number, tx: number): number {
  return tx > sx ? Math.max(MIN_REACH, (tx - sx) / 2) : BACK_REACH;
}

/** The curve's four control points. */
function controlPoints(edge: PlacedEdge): [number, number, number, number, number, number, number, number] {
  const reach = edgeReach(edge.sx, edge.tx);
  return [edge.sx, edge.sy, edge.sx + reach, edge.sy, edge.tx - reach, edge.ty, edge.tx, edge.ty];
}

/** SVG path of an edge: a horizontal S-curve from the row to the target's title. */
export function edgePath(edge: PlacedEdge): string {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = controlPoints(edge);
  return `M${x0},${y0}C${x1},${y1} ${x2},${y2} ${x3},${y3}`;
}

/** The part of an edge inside a rectangle, and whether that part ends at the target (where the arrow goes). */
export interface ClippedEdge {
  d: string;
  reachesTarget: boolean;
}

/** World pixels per sampled segment when an edge has to be cut. */
const SAMPLE_STEP = 40;
const MAX_SAMPLES = 600;

/**
 * The edge's path cut to `window`. An edge whose curve lies inside is the
 * whole curve; a longer one (a root's link to a child 100,000 pixels down)
 * is sampled as a polyline and only the pieces inside are kept, so the cost
 * of drawing it (and of dashing it) stays bounded by the window, not by the
 * edge. Empty `d` when nothing of it is inside.
 */
export function clipEdge(edge: PlacedEdge, window: Rect): ClippedEdge {
  const box = edge.box;
  if (box.x0 >= window.x0 && box.x1 <= window.x1 && box.y0 >= window.y0 && box.y1 <= window.y1)
    return { d: edgePath(edge), reachesTarget: true };
  const [x0, y0, x1, y1, x2, y2, x3, y3] = controlPoints(edge);
  const polygon = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
  const samples = Math.min(MAX_SAMPLES, Math.max(8, Math.ceil(polygon / SAMPLE_STEP)));
  const parts: string[] = [];
  let penX = NaN;
  let penY = NaN;
  let previousX = x0;
  let previousY = y0;
  let reachesTarget = false;
  for (let i = 1; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
    const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
    const cut = clipSegment(previousX, previousY, x, y, window);
    if (cut) {
      const [ax, ay, bx, by] = cut;
      if (ax !== penX || ay !== penY) parts.push(`M${round(ax)},${round(ay)}`);
      parts.push(`L${round(bx)},${round(by)}`);
      penX = bx;
      penY = by;
      reachesTarget = i === samples && bx === x && by === y;
    }
    previousX = x;
    previousY = y;
  }
  return { d: parts.join(''), reachesTarget };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The part of segment (ax, ay)–(bx, by) inside `rect` (Liang–Barsky), or null. */
function clipSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  rect: Rect,
): [number, number, number, number] | null {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, ax - rect.x0],
    [dx, rect.x1 - ax],
    [-dy, ay - rect.y0],
    [dy, rect.y1 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [
    t0 === 0 ? ax : ax + t0 * dx,
    t0 === 0 ? ay : ay + t0 * dy,
    t1 === 1 ? bx : ax + t1 * dx,
    t1 === 1 ? by : ay + t1 * dy,
  ];
}
