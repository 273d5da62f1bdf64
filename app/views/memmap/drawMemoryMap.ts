import { formatHex } from '../../format/formatHex';
import { formatSize } from '../../format/formatSize';
import type { AddressScale } from './AddressScale';
import type { LaneIndex } from './LaneIndex';
import type { MapColors } from './mapColors';
import { laneTop, MAP_GEOMETRY } from './mapGeometry';
import type { MemoryItem } from './MemoryItem';
import type { SelectionPlace } from './selectionPlace';
import { hexTicks } from './hexTicks';

/** Everything one frame of the map needs. */
export interface MapFrame {
  width: number;
  height: number;
  scale: AddressScale;
  /** Horizontal zoom: screen x = base x × k + x. */
  transform: { x: number; k: number };
  lanes: readonly LaneIndex[];
  place: SelectionPlace | null;
  hovered: MemoryItem | null;
  colors: MapColors;
}

/**
 * Draws the map: holes hatched across every lane (labelled with their size,
 * "not to scale" when squeezed), ranges outside RAM tinted, an address axis
 * with ticks inside each piece, every lane's bars (at least a pixel wide,
 * so a single page stays visible at any zoom; runs of sub-pixel bars drawn
 * once), the selection's memory as a band with the selected fragment
 * outlined, and the hovered bar outlined.
 */
export function drawMemoryMap(context: CanvasRenderingContext2D, frame: MapFrame): void {
  const { width, height, scale, transform, colors } = frame;
  const sx = (address: number) => scale.toX(address) * transform.k + transform.x;
  context.fillStyle = colors.background;
  context.fillRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  const lanesTop = MAP_GEOMETRY.axisHeight;
  // Without RAM ranges (a debugfs input) everything is "outside": nothing to set apart.
  const knowsRam = scale.pieces.some((piece) => piece.kind === 'ram');

  for (const piece of scale.pieces) {
    const x0 = piece.x0 * transform.k + transform.x;
    const x1 = piece.x1 * transform.k + transform.x;
    if (x1 < 0 || x0 > width) continue;
    if (piece.kind === 'hole') {
      hatch(context, x0, lanesTop, x1 - x0, height - lanesTop, colors.hole);
      pieceLabel(
        context,
        `hole ${formatSize(piece.end - piece.start)}${piece.compressed ? ' (squeezed)' : ''}`,
        x0,
        x1,
        width,
        height,
        colors.muted,
      );
    } else if (piece.kind === 'outside' && knowsRam) {
      context.fillStyle = colors.outside;
      context.fillRect(x0, lanesTop, x1 - x0, height - lanesTop);
      pieceLabel(context, `outside RAM ${formatSize(piece.end - piece.start)}`, x0, x1, width, height, colors.muted);
    }
  }

  drawAxis(context, frame);

  frame.lanes.forEach((lane, index) => {
    const top = laneTop(index);
    const start = scale.toAddress((0 - transform.x) / transform.k);
    const end = scale.toAddress((width - transform.x) / transform.k);
    let drawnTo = -Infinity;
    for (const i of lane.query(start, end + 1)) {
      const item = lane.items[i];
      const x0 = sx(item.start);
      const x1 = Math.max(x0 + 1, sx(item.end));
      // A run of bars narrower than a pixel each lands on pixels already filled.
      if (item.kind === 'hole' || (x1 <= drawnTo + 0.5 && item.kind !== 'fragment')) continue;
      context.fillStyle = item.hue !== null ? colors.fragment(item.hue) : colors.kind[item.kind];
      context.fillRect(x0, top, x1 - x0, MAP_GEOMETRY.laneHeight);
      drawnTo = Math.max(drawnTo, x1);
      if (x1 - x0 > 60 && (item.kind === 'fragment' || item.kind === 'reserve-mem' || item.kind === 'scratch')) {
        drawLabel(
          context,
          item.kind === 'fragment' ? (item.fragment ?? item.label) : item.label,
          x0,
          x1,
          width,
          top + MAP_GEOMETRY.laneHeight / 2,
          colors.text,
        );
      }
    }
  });

  const place = frame.place;
  if (place) {
    for (const range of place.ranges) {
      const x0 = sx(range.start);
      const x1 = Math.max(x0 + 3, sx(range.end));
      context.fillStyle = colors.accentSoft;
      context.fillRect(x0, lanesTop, x1 - x0, height - lanesTop);
      context.strokeStyle = colors.accent;
      context.lineWidth = 1;
      context.strokeRect(x0 + 0.5, lanesTop + 0.5, x1 - x0 - 1, height - lanesTop - 1);
    }
    if (place.fragment) {
      frame.lanes.forEach((lane, index) => {
        for (const item of lane.items)
          if (item.fragment === place.fragment)
            outline(context, sx(item.start), sx(item.end), laneTop(index), colors.accent, 2);
      });
    }
  }
  const hovered = frame.hovered;
  if (hovered) {
    const index = frame.lanes.findIndex((lane) => lane.items.includes(hovered));
    if (index >= 0) outline(context, sx(hovered.start), sx(hovered.end), laneTop(index), colors.text, 1.5);
  }
}

function outline(
  context: CanvasRenderingContext2D,
  x0: number,
  x1: number,
  top: number,
  colour: string,
  lineWidth: number,
): void {
  const width = Math.max(3, x1 - x0);
  context.strokeStyle = colour;
  context.lineWidth = lineWidth;
  context.strokeRect(x0 - lineWidth / 2, top - lineWidth / 2, width + lineWidth, MAP_GEOMETRY.laneHeight + lineWidth);
}

/** Ticks at round addresses inside each visible RAM or outside piece, each labelled in hex. */
function drawAxis(context: CanvasRenderingContext2D, frame: MapFrame): void {
  const { width, scale, transform, colors } = frame;
  const axis = MAP_GEOMETRY.axisHeight;
  context.strokeStyle = colors.grid;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(0, axis - 0.5);
  context.lineTo(width, axis - 0.5);
  context.stroke();
  context.fillStyle = colors.muted;
  context.textAlign = 'left';
  let labelledTo = -Infinity;
  for (const piece of scale.pieces) {
    if (piece.kind === 'hole') continue;
    const x0 = piece.x0 * transform.k + transform.x;
    const x1 = piece.x1 * transform.k + transform.x;
    if (x1 < 0 || x0 > width) continue;
    const from = Math.max(0, x0);
    const to = Math.min(width, x1);
    // Linear inside the piece: screen x of an address, and back.
    const perByte = (x1 - x0) / (piece.end - piece.start);
    const screen = (address: number) => x0 + (address - piece.start) * perByte;
    const ticks = hexTicks(
      piece.start + (from - x0) / perByte,
      piece.start + (to - x0) / perByte,
      Math.max(1, Math.floor((to - from) / 130)),
    );
    // The piece's own start is always worth a label: it is where RAM (or the outside range) begins.
    const marks = x0 >= 0 ? [piece.start, ...ticks.filter((tick) => screen(tick) - x0 > 70)] : ticks;
    for (const address of marks) {
      const x = screen(address);
      context.beginPath();
      context.moveTo(Math.round(x) + 0.5, axis - (address === piece.start ? 12 : 6));
      context.lineTo(Math.round(x) + 0.5, axis);
      context.stroke();
      if (x > labelledTo + 8) {
        const label = formatHex(Math.round(address));
        context.fillText(label, x + 3, axis - 14);
        labelledTo = x + 3 + context.measureText(label).width;
      }
    }
  }
}

/** `text` centred in the visible part of [x0, x1] (the canvas is `width` wide) when it fits, clipped to it otherwise. */
function drawLabel(
  context: CanvasRenderingContext2D,
  text: string,
  x0: number,
  x1: number,
  width: number,
  y: number,
  colour: string,
): void {
  const left = Math.max(0, x0);
  const right = Math.min(width, x1);
  if (right - left < 24) return;
  context.save();
  context.beginPath();
  context.rect(left + 2, y - 8, right - left - 4, 16);
  context.clip();
  context.fillStyle = colour;
  const textWidth = context.measureText(text).width;
  context.textAlign = 'left';
  context.fillText(text, textWidth < right - left - 8 ? (left + right - textWidth) / 2 : left + 4, y);
  context.restore();
}

/** A hole's or outside range's name: along the bottom when it fits, else written upwards inside it. */
function pieceLabel(
  context: CanvasRenderingContext2D,
  text: string,
  x0: number,
  x1: number,
  width: number,
  height: number,
  colour: string,
): void {
  const textWidth = context.measureText(text).width;
  const left = Math.max(0, x0);
  const right = Math.min(width, x1);
  if (textWidth + 8 <= right - left) {
    drawLabel(context, text, x0, x1, width, height - 10, colour);
    return;
  }
  if (right - left < 14 || textWidth > height - MAP_GEOMETRY.axisHeight - 8) return;
  context.save();
  context.fillStyle = colour;
  context.translate((left + right) / 2, height - 6);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'left';
  context.fillText(text, 0, 0);
  context.restore();
}

/** Diagonal stripes over a rectangle (holes: no memory there). */
function hatch(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, colour: string): void {
  context.save();
  context.beginPath();
  context.rect(x, y, w, h);
  context.clip();
  context.strokeStyle = colour;
  context.lineWidth = 1;
  context.beginPath();
  for (let offset = -h; offset < w; offset += 7) {
    context.moveTo(x + offset, y + h);
    context.lineTo(x + offset + h, y);
  }
  context.stroke();
  context.restore();
}
