// Small pure helpers shared by inference and matching: size suggestions, base64 vector sniffing,
// source paths and short display strings. Byte counting and base64 come from the converter so
// inference measures exactly what conversion will check.
import { decodeBase64 } from '../convert/base64';
import { utf8Length } from '../convert/scalars';

export { utf8Length };

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export const VARCHAR_MAX = 65535;
export const ARRAY_CAPACITY_MAX = 4096;

/** Headroom of 1.5x, rounded up to a power of two; at least 16 so short samples do not pin a tiny limit. */
export function suggestVarCharLength(maxBytes: number): number {
  return Math.min(nextPowerOfTwo(Math.max(16, Math.ceil(maxBytes * 1.5))), VARCHAR_MAX);
}

/** Same rule for Array max_capacity, capped at Milvus' limit. */
export function suggestCapacity(maxElements: number): number {
  return Math.min(nextPowerOfTwo(Math.max(4, Math.ceil(maxElements * 1.5))), ARRAY_CAPACITY_MAX);
}

/** Magnitude bound for "plausible" embedding values: random text decoded as float32 rarely fits. */
const PLAUSIBLE = 1e4;

/**
 * Float count if the string looks like a base64 little-endian float32 vector (at least 4 floats,
 * all finite, neither huge nor vanishingly small, not all zero), else 0. Random bytes pass this
 * for one float in three, so short tokens and ids practically never qualify.
 */
export function base64VectorLength(s: string): number {
  if (s.length < 20) return 0;
  const bytes = decodeBase64(s);
  if (!bytes || bytes.length % 4 !== 0) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let nonZero = false;
  for (let i = 0; i < bytes.length; i += 4) {
    const f = view.getFloat32(i, true);
    if (!Number.isFinite(f) || Math.abs(f) > PLAUSIBLE) return 0;
    // Values this close to zero come from arbitrary bytes, not from embeddings.
    if (f !== 0 && Math.abs(f) < 1e-20) return 0;
    if (f !== 0) nonZero = true;
  }
  return nonZero ? bytes.length / 4 : 0;
}

const MAX_EXAMPLE = 60;

function shorten(s: string): string {
  return s.length > MAX_EXAMPLE ? `${s.slice(0, MAX_EXAMPLE - 1)}…` : s;
}

/** A value as people should see it in a table cell: JSON-like, bigint-safe, long arrays elided. */
export function displayValue(v: unknown): string {
  if (v === undefined) return '(missing)';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return shorten(JSON.stringify(v));
  if (Array.isArray(v)) {
    if (v.length > 4) {
      const head = v.slice(0, 3).map((x) => displayScalar(x)).join(', ');
      return shorten(`[${head}, … ${v.length} items]`);
    }
    return shorten(`[${v.map((x) => displayScalar(x)).join(', ')}]`);
  }
  if (v !== null && typeof v === 'object') {
    try {
      return shorten(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)));
    } catch {
      return '{…}';
    }
  }
  return String(v);
}

function displayScalar(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
  if (Array.isArray(x)) return `[${x.length} items]`;
  if (x !== null && typeof x === 'object') return '{…}';
  return displayValue(x);
}

/** Source paths are read and ignored exactly as the converter does. */
export { readSourcePath as getPath, isIgnoredSourcePath as isIgnoredPath } from '../convert/record';
