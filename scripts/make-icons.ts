// `npm run icons`: draws the add-in's icons (assets/*.png) from shapes on a 16-unit grid, supersampled, and
// encodes the PNGs here (zlib deflate and CRC-32), so the pictures come from this file and nothing else.

import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { crc32, deflateSync } from "node:zlib";

/** Red, green, blue, alpha: 0-255. */
type Rgba = readonly [number, number, number, number];

/** A shape in grid units (the icon is 16 units wide whatever its pixel size), painted in one colour. */
interface Layer {
  readonly color: Rgba;
  readonly contains: (x: number, y: number) => boolean;
}

/** A picture: layers from the bottom up; a transparent layer cuts a hole into those below it. */
export interface IconDesign {
  readonly name: string;
  readonly sizes: readonly number[];
  readonly layers: readonly Layer[];
}

const GRID = 16;
/** Samples per pixel along each axis: 16 × 16 samples give smooth edges at every size. */
const SUPERSAMPLE = 16;

const NAVY: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const PALE: Rgba = [0xdc, 0xe6, 0xf2, 255];
// The warning colours, brighter than the highlight fills so they read on the navy tile.
const RED: Rgba = [0xf0, 0x4a, 0x4a, 255];
const YELLOW: Rgba = [0xff, 0xc4, 0x2e, 255];
const BLUE: Rgba = [0x4f, 0xa8, 0xff, 255];

function rect(color: Rgba, x0: number, y0: number, x1: number, y1: number): Layer {
  return { color, contains: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 };
}

function roundRect(color: Rgba, x0: number, y0: number, x1: number, y1: number, r: number): Layer {
  return {
    color,
    contains: (x, y) => {
      if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
      // How far into a corner square: plain arithmetic, as this runs for every one of 256 samples a pixel.
      const dx = x < x0 + r ? x0 + r - x : x > x1 - r ? x - (x1 - r) : 0;
      const dy = y < y0 + r ? y0 + r - y : y > y1 - r ? y - (y1 - r) : 0;
      return dx * dx + dy * dy <= r * r;
    },
  };
}

/** A stroke along points, `width` wide, with round ends and joins. */
function stroke(color: Rgba, width: number, points: ReadonlyArray<readonly [number, number]>): Layer {
  const halfSquared = (width / 2) ** 2;
  const segments = points.slice(1).map((b, i) => {
    const a = points[i]!;
    const vx = b[0] - a[0];
    const vy = b[1] - a[1];
    return { ax: a[0], ay: a[1], vx, vy, length2: vx * vx + vy * vy };
  });
  return {
    color,
    contains: (x, y) => {
      for (const s of segments) {
        let t = ((x - s.ax) * s.vx + (y - s.ay) * s.vy) / s.length2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = s.ax + t * s.vx - x;
        const py = s.ay + t * s.vy - y;
        if (px * px + py * py <= halfSquared) return true;
      }
      return false;
    },
  };
}

/** A convex polygon, its corners in order (either direction). */
function polygon(color: Rgba, corners: ReadonlyArray<readonly [number, number]>): Layer {
  const edges = corners.map((a, i) => {
    const b = corners[(i + 1) % corners.length]!;
    return { ax: a[0], ay: a[1], ex: b[0] - a[0], ey: b[1] - a[1] };
  });
  return {
    color,
    contains: (x, y) => {
      let sign = 0;
      for (const e of edges) {
        const cross = e.ex * (y - e.ay) - e.ey * (x - e.ax);
        if (cross === 0) continue;
        const side = cross > 0 ? 1 : -1;
        if (sign === 0) sign = side;
        else if (side !== sign) return false;
      }
      return true;
    },
  };
}

/** A rectangle `length` × `width` around the line from its centre, turned by `degrees`. */
function turnedRect(
  color: Rgba,
  cx: number,
  cy: number,
  length: number,
  width: number,
  degrees: number,
): Layer {
  const a = (degrees * Math.PI) / 180;
  const [ux, uy] = [Math.cos(a) * (length / 2), Math.sin(a) * (length / 2)];
  const [vx, vy] = [-Math.sin(a) * (width / 2), Math.cos(a) * (width / 2)];
  return polygon(color, [
    [cx - ux - vx, cy - uy - vy],
    [cx + ux - vx, cy + uy - vy],
    [cx + ux + vx, cy + uy + vy],
    [cx - ux + vx, cy - uy + vy],
  ]);
}

/**
 * The Duban mark: a navy tile with a white check over three small bars in the warning colours
 * (红黄蓝预警). Edges sit on whole grid units, so they fall on pixel edges at 16, 32, 64, 80 and 128 px.
 */
const MARK: IconDesign = {
  name: "icon",
  sizes: [16, 32, 64, 80, 128],
  layers: [
    roundRect(NAVY, 1, 1, 15, 15, 3),
    stroke(WHITE, 2, [
      [4.25, 6.5],
      [6.75, 9],
      [11.75, 4],
    ]),
    rect(RED, 3, 11, 5, 13),
    rect(YELLOW, 7, 11, 9, 13),
    rect(BLUE, 11, 11, 13, 13),
  ],
};

/** 生成汇总: a sheet with a navy header row and three bars of a summary. */
const GENERATE: IconDesign = {
  name: "generate",
  sizes: [16, 32, 80],
  layers: [
    roundRect(NAVY, 1, 1, 15, 15, 2),
    rect(WHITE, 2, 4, 14, 14),
    rect(BLUE, 4, 5, 12, 7),
    rect(YELLOW, 4, 8, 10, 10),
    rect(RED, 4, 11, 8, 13),
  ],
};

/** 清除标记: an eraser over a line, taking the marks away. */
const CLEAR: IconDesign = {
  name: "clear",
  sizes: [16, 32, 80],
  layers: [
    rect(NAVY, 2, 14, 14, 15),
    turnedRect(NAVY, 8.5, 7.5, 12, 7, -45),
    turnedRect(PALE, 8.5, 7.5, 10.5, 5.5, -45),
    // The tip that touches the sheet, in the overdue red.
    turnedRect(RED, 5.1, 10.9, 2.9, 5.5, -45),
  ],
};

/** 打开面板: a window with the pane open on its right. */
const PANE: IconDesign = {
  name: "pane",
  sizes: [16, 32, 80],
  layers: [
    roundRect(NAVY, 1, 2, 15, 14, 2),
    rect(WHITE, 2, 3, 9, 13),
    rect(PALE, 3, 5, 8, 6),
    rect(PALE, 3, 8, 8, 9),
    rect(PALE, 3, 11, 7, 12),
    rect(WHITE, 10, 5, 14, 6),
    rect(RED, 10, 8, 12, 9),
    rect(YELLOW, 10, 11, 13, 12),
  ],
};

export const ICONS: readonly IconDesign[] = [MARK, GENERATE, CLEAR, PANE];

/** Straight (not premultiplied) RGBA pixels, row by row. */
export function rasterise(design: IconDesign, size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = GRID / size;
  const step = 1 / SUPERSAMPLE;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums, so a half-covered pixel keeps its colour and only loses opacity.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) * step) * scale;
          const y = (py + (sy + 0.5) * step) * scale;
          const layer = topmost(design.layers, x, y);
          if (!layer) continue;
          const alpha = layer.color[3] / 255;
          r += layer.color[0] * alpha;
          g += layer.color[1] * alpha;
          b += layer.color[2] * alpha;
          a += alpha;
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
      }
      pixels[at + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

function topmost(layers: readonly Layer[], x: number, y: number): Layer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i]!.contains(x, y)) return layers[i];
  return undefined;
}

/** A PNG file: 8-bit RGBA, every row with filter 0, deflated by zlib. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter method and interlace all 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Writes every icon at each of its sizes as `<name>-<size>.png`; returns the paths. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const design of ICONS) {
    for (const size of design.sizes) {
      const file = path.join(dir, `${design.name}-${size}.png`);
      writeFileSync(file, encodePng(size, size, rasterise(design, size)));
      written.push(file);
    }
  }
  return written;
}

if (require.main === module) {
  // Compiled to dist/scripts/, so the project is two folders up.
  const dir = path.resolve(__dirname, "../../assets");
  for (const file of writeIcons(dir)) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}
