// Draws build/icon.png (1024x1024, electron-builder derives .icns/.ico from it): three stream lines
// flowing into a ring, on a rounded square. Run once: node build/make-icon.mjs
/* global console, URL */
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 1024;
const px = Buffer.alloc(N * N * 4);

// signed distances (negative inside), in pixels
const roundedSquare = (x, y) => {
  const r = 200, h = 448 - r;
  const qx = Math.abs(x - 512) - h, qy = Math.abs(y - 512) - h;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by, w) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - w;
};
const ring = (x, y) => Math.abs(Math.hypot(x - 690, y - 512) - 150) - 44;
const dot = (x, y) => Math.hypot(x - 690, y - 512) - 62;
const streams = (x, y) =>
  Math.min(segment(x, y, 230, 392, 520, 452, 30), segment(x, y, 200, 512, 520, 512, 30), segment(x, y, 230, 632, 520, 572, 30));

const cover = (d) => Math.max(0, Math.min(1, 0.5 - d)); // 1px anti-aliasing
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const bg = cover(roundedSquare(x, y));
    const t = (x + y) / (2 * N); // diagonal gradient: Kafka-dark to Milvus-blue
    let r = 20 + 10 * t, g = 28 + 60 * t, b = 48 + 140 * t;
    const fg = Math.max(cover(streams(x, y)), cover(ring(x, y)));
    const accent = cover(dot(x, y));
    r = r * (1 - fg) + 240 * fg; g = g * (1 - fg) + 246 * fg; b = b * (1 - fg) + 252 * fg;
    r = r * (1 - accent) + 0 * accent; g = g * (1 - accent) + 200 * accent; b = b * (1 - accent) + 255 * accent;
    const i = (y * N + x) * 4;
    px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = 255 * bg;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png ${png.length} bytes`);
