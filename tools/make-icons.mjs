/**
 * Draws Backstory's toolbar and store icons as PNGs (icons/icon-<size>.png): a deep blue rounded
 * square with three lines of "text", the middle one underlined with dots — a mark. Run by hand
 * after changing the design (`node tools/make-icons.mjs`); the PNGs are committed.
 * Pixels are computed with 4×4 supersampling and written with fflate's zlib.
 */
import { zlibSync } from 'fflate';
import fs from 'node:fs';

const SIZES = [16, 32, 48, 128];
const BLUE = [21, 62, 117];
const WHITE = [255, 255, 255];
const PINK = [244, 143, 177];

/** Coverage of the shapes at a point in the unit square: [r, g, b, a]. */
function colourAt(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const line = (top, from, to) => y >= top && y <= top + 0.09 && x >= from && x <= to;
  if (line(0.24, 0.2, 0.8) || line(0.44, 0.2, 0.62) || line(0.64, 0.2, 0.72)) return [...WHITE, 255];
  // The dotted underline under the middle line: the mark.
  if (y >= 0.56 && y <= 0.6 && x >= 0.2 && x <= 0.62 && Math.floor((x - 0.2) / 0.06) % 2 === 0) return [...PINK, 255];
  return [...BLUE, 255];
}

function crc32(bytes) {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

function chunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function png(size) {
  const raw = new Uint8Array(size * (size * 4 + 1));
  const S = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = sum[3] / (S * S);
      for (let i = 0; i < 3; i++) raw[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      raw[at + 3] = Math.round(alpha);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

for (const size of SIZES) fs.writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png(size));
console.log(`icons/icon-{${SIZES.join(',')}}.png written`);
