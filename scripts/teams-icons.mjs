#!/usr/bin/env node
// Draws the Teams app icons as PNG files with nothing but node:zlib:
//   manifests/teams/color.png    192×192, full-bleed colour, a white speech bubble with a check mark
//   manifests/teams/outline.png   32×32, transparent, the same bubble as a white outline
// Run again after changing the drawing: `node scripts/teams-icons.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const OUT = fileURLToPath(new URL("../manifests/teams/", import.meta.url));
const ACCENT = [0x2e, 0x7d, 0x6b]; // the manifest's accentColor

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) → PNG bytes. */
function png(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// The drawing, in a unit square (0..1): a rounded speech bubble with a tail, and a check mark.
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function body(x, y, inset = 0) {
  return inRoundedRect(x, y, 0.16 + inset, 0.2 + inset, 0.84 - inset, 0.7 - inset, 0.12 - inset / 2);
}

function tail(x, y) {
  return inTriangle(x, y, [0.3, 0.66], [0.5, 0.66], [0.26, 0.86]);
}

function bubble(x, y) {
  return body(x, y) || tail(x, y);
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function check(x, y, width) {
  const a = [0.34, 0.45];
  const b = [0.45, 0.56];
  const c = [0.66, 0.34];
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= width / 2;
}

/** Renders `coverage(x, y)` → 0..1 with 4×4 supersampling. */
function render(size, shade, samples = 4) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const WHITE = [255, 255, 255, 1];

// Colour icon: full-bleed accent background, white bubble, accent check mark.
const color = render(192, (x, y) => {
  if (bubble(x, y)) return check(x, y, 0.07) ? [...ACCENT, 1] : WHITE;
  return [...ACCENT, 1];
});

// Outline icon: white on transparent only. Hard edges (no partial alpha), as Teams asks
// for a pure white-and-transparent outline.
const outline = render(
  32,
  (x, y) => {
    // The body as a ring; the tail filled and joined to it.
    const ring = (body(x, y) && !body(x, y, 0.075)) || (tail(x, y) && !body(x, y));
    return ring || check(x, y, 0.09) ? WHITE : [255, 255, 255, 0];
  },
  1,
);

writeFileSync(`${OUT}color.png`, png(192, 192, color));
writeFileSync(`${OUT}outline.png`, png(32, 32, outline));
process.stdout.write(`wrote ${OUT}color.png and ${OUT}outline.png\n`);
