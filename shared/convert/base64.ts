// Base64 → bytes without Buffer or atob (shared/ also runs in the renderer, and atob builds an
// intermediate string). Accepts the standard and URL-safe alphabets, with or without padding.

const TABLE = new Int16Array(128).fill(-1);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) TABLE[ALPHABET.charCodeAt(i)] = i;
TABLE[45 /* - */] = 62;
TABLE[95 /* _ */] = 63;

/** Byte count the text would decode to (no validation). */
export function base64Size(s: string): number {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  return Math.floor((end * 3) / 4);
}

/** Decoded bytes, or null when the text is not base64. */
export function decodeBase64(s: string): Uint8Array | null {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end % 4 === 1) return null;
  if (end !== s.length && s.length % 4 !== 0) return null; // padding only completes a quantum
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = sextet(s, i);
    const b = sextet(s, i + 1);
    const c = sextet(s, i + 2);
    const d = sextet(s, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = end - i;
  if (rest >= 2) {
    const a = sextet(s, i);
    const b = sextet(s, i + 1);
    const c = rest === 3 ? sextet(s, i + 2) : 0;
    if ((a | b | c) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 0xff;
  }
  return out;
}

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? (TABLE[c] as number) : -1;
}
