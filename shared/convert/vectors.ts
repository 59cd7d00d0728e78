// Vector field converters. Hot path for the benchmark (768-dim float vectors): a valid number[] is
// checked in place with a plain loop and returned as is; no copies, no per-element closures.
// Output forms follow what @zilliz/milvus2-sdk-node 3.0.6 takes in insert/upsert rows (see the
// report in index.ts): number[] for dense vectors, {"index": value} objects for sparse ones.
import type { FieldSchema, VectorType } from '../milvus-schema';
import type { VectorEncoding } from '../pipeline-config';
import { base64Size, decodeBase64 } from './base64';
import { describe, Fail, within } from './describe';
import type { ValueConverter } from './scalars';

const F32_MAX = 3.4028234663852886e38;
const F16_MAX = 65504;
/** Milvus and the SDK (sparseToBytes) require sparse indices below 2^32−1. */
export const MAX_SPARSE_INDEX = 4294967294;

const F32_ELEMENT = 'a finite number in float32 range';
const F16_ELEMENT = `a finite number in float16 range (±${F16_MAX})`;
const INT8_ELEMENT = 'an integer in -128..127';
const BYTE_ELEMENT = 'an integer byte in 0..255';

const BASE64_TEXT = /^[A-Za-z0-9+/_-]*={0,2}$/;

const elementFail = (i: number, expected: string, v: unknown) => within(new Fail('invalid_vector', expected, describe(v)), `element ${i}`);

function checkFloats(raw: unknown[], max: number, expected: string): Fail | null {
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    // Comparisons are false for NaN, so this one test also rejects NaN and ±Infinity.
    if (typeof v !== 'number' || !(v >= -max && v <= max)) return elementFail(i, expected, v);
  }
  return null;
}

function checkInts(raw: unknown[], min: number, max: number, expected: string): Fail | null {
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return elementFail(i, expected, v);
  }
  return null;
}

// --- base64 payloads: raw little-endian values, decoded to the plain numbers the SDK takes ---

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function float32s(b: Uint8Array): number[] | Fail {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.byteLength >> 2;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = view.getFloat32(i * 4, true);
    if (!Number.isFinite(v)) return elementFail(i, F32_ELEMENT, v);
    out[i] = v;
  }
  return out;
}

function float16s(b: Uint8Array): number[] | Fail {
  const n = b.byteLength >> 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const h = (b[2 * i] as number) | ((b[2 * i + 1] as number) << 8);
    const e = (h >> 10) & 0x1f;
    const m = h & 0x3ff;
    if (e === 31) return elementFail(i, F16_ELEMENT, m === 0 ? Infinity : NaN);
    const mag = e === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (e - 15);
    out[i] = h & 0x8000 ? -mag : mag;
  }
  return out;
}

function bfloat16s(b: Uint8Array): number[] | Fail {
  const n = b.byteLength >> 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // A bfloat16 is the high half of a float32: exact, and the SDK truncates it back losslessly.
    u32[0] = (((b[2 * i] as number) | ((b[2 * i + 1] as number) << 8)) << 16) >>> 0;
    const v = f32[0] as number;
    if (!Number.isFinite(v)) return elementFail(i, F32_ELEMENT, v);
    out[i] = v;
  }
  return out;
}

function int8s(b: Uint8Array): number[] {
  const out = new Array<number>(b.byteLength);
  for (let i = 0; i < b.byteLength; i++) out[i] = ((b[i] as number) << 24) >> 24;
  return out;
}

interface DenseSpec {
  /** Numbers in the vector (bytes for BinaryVector). */
  count: number | undefined;
  unit: string;
  bytesPerUnit: number;
  check: (raw: unknown[]) => Fail | null;
  fromBytes: (b: Uint8Array) => number[] | Fail;
  encoding: string;
}

function denseSpec(t: Exclude<VectorType, 'SparseFloatVector'>, dim: number | undefined): DenseSpec {
  switch (t) {
    case 'FloatVector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 4, check: (r) => checkFloats(r, F32_MAX, F32_ELEMENT), fromBytes: float32s, encoding: 'little-endian float32' };
    case 'Float16Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 2, check: (r) => checkFloats(r, F16_MAX, F16_ELEMENT), fromBytes: float16s, encoding: 'little-endian float16' };
    case 'BFloat16Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 2, check: (r) => checkFloats(r, F32_MAX, F32_ELEMENT), fromBytes: bfloat16s, encoding: 'little-endian bfloat16' };
    case 'Int8Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 1, check: (r) => checkInts(r, -128, 127, INT8_ELEMENT), fromBytes: int8s, encoding: 'int8' };
    case 'BinaryVector':
      // dim counts bits; the SDK wants dim/8 bytes as numbers 0..255.
      return { count: dim === undefined ? undefined : dim / 8, unit: 'bytes', bytesPerUnit: 1, check: (r) => checkInts(r, 0, 255, BYTE_ELEMENT), fromBytes: (b) => Array.from(b), encoding: 'raw bytes' };
  }
}

/** Arrays are accepted under every encoding; strings (base64) only under 'base64' and 'auto'. */
function makeDense(t: Exclude<VectorType, 'SparseFloatVector'>, dim: number | undefined, encoding: VectorEncoding): ValueConverter {
  const spec = denseSpec(t, dim);
  const n = spec.count;
  const bits = t === 'BinaryVector' && dim !== undefined ? ` (${dim} bits)` : '';
  const expected = n === undefined ? `an array of ${spec.unit}` : `${n} ${spec.unit}${bits}`;
  const base64 = encoding !== 'array';
  return (raw) => {
    if (Array.isArray(raw)) {
      if (n !== undefined ? raw.length !== n : raw.length === 0) return new Fail('wrong_dimension', expected, `${raw.length}`);
      return spec.check(raw) ?? raw;
    }
    if (typeof raw === 'string' && base64) {
      const what = `base64 of ${spec.encoding}`;
      const notBase64 = () => new Fail('invalid_vector', `${expected} as ${what}`, describe(raw), `expected ${expected} as ${what}, got a string that is not base64`);
      if (!BASE64_TEXT.test(raw)) return notBase64();
      // Size check before decoding, so a huge wrong string allocates nothing.
      const size = base64Size(raw);
      if (n !== undefined ? size !== n * spec.bytesPerUnit : size % spec.bytesPerUnit !== 0 || size === 0) {
        const got = `${size} bytes`;
        return new Fail('wrong_dimension', expected, got, `expected ${expected} (${n === undefined ? '?' : n * spec.bytesPerUnit} bytes of ${what}), got ${got}`);
      }
      const bytes = decodeBase64(raw);
      return bytes === null ? notBase64() : spec.fromBytes(bytes);
    }
    return new Fail('wrong_type', base64 ? `${expected} (an array or base64)` : `an array of ${expected}`, describe(raw));
  };
}

// --- sparse vectors ---

const SPARSE_EXPECTED = 'a sparse vector: {"index": value}, {"indices": [...], "values": [...]} or [[index, value], ...]';
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

function badIndex(i: unknown): boolean {
  return typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > MAX_SPARSE_INDEX;
}
function badValue(v: unknown): boolean {
  return typeof v !== 'number' || !(v >= -F32_MAX && v <= F32_MAX);
}
const sparseFail = (text: string, got: unknown) => new Fail('invalid_vector', SPARSE_EXPECTED, describe(got), text);
const indexFail = (where: string, i: unknown) => sparseFail(`${where}: expected an integer index in 0..${MAX_SPARSE_INDEX}, got ${describe(i)}`, i);
const valueFail = (where: string, v: unknown) => sparseFail(`${where}: expected ${F32_ELEMENT}, got ${describe(v)}`, v);

/**
 * Output is the SDK's "dict" form. Integer-like keys of a JS object enumerate in ascending numeric
 * order, so Object.keys in the SDK yields the sorted, unique indices Milvus requires.
 */
function add(out: Record<number, number>, where: string, i: unknown, v: unknown): Fail | null {
  if (badIndex(i)) return indexFail(where, i);
  if (badValue(v)) return valueFail(where, v);
  if (out[i as number] !== undefined) return sparseFail(`${where}: index ${String(i)} appears twice`, i);
  out[i as number] = v as number;
  return null;
}

export function convertSparse(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return new Fail('wrong_type', SPARSE_EXPECTED, describe(raw));
  const out: Record<number, number> = {};
  if (Array.isArray(raw)) {
    for (let k = 0; k < raw.length; k++) {
      const e: unknown = raw[k];
      let f: Fail | null;
      if (Array.isArray(e) && e.length === 2) f = add(out, `element ${k}`, e[0], e[1]);
      else if (typeof e === 'object' && e !== null && 'index' in e && 'value' in e) f = add(out, `element ${k}`, e.index, e.value);
      else return sparseFail(`element ${k}: expected an [index, value] pair, got ${describe(e)}`, e);
      if (f) return f;
    }
    return out;
  }
  if ('indices' in raw || 'values' in raw) {
    const { indices, values } = raw as { indices?: unknown; values?: unknown };
    if (!Array.isArray(indices) || !Array.isArray(values) || indices.length !== values.length) {
      return sparseFail('expected "indices" and "values" arrays of the same length', raw);
    }
    for (let k = 0; k < indices.length; k++) {
      const f = add(out, `entry ${k}`, indices[k], values[k]);
      if (f) return f;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return new Fail('wrong_type', SPARSE_EXPECTED, describe(raw));
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!INDEX_KEY.test(key) || Number(key) > MAX_SPARSE_INDEX) return indexFail(`key ${JSON.stringify(key.slice(0, 20))}`, key);
    if (badValue(rec[key])) return valueFail(`key ${key}`, rec[key]);
  }
  return raw; // already the SDK's form: no copy
}

export function vectorConverter(field: Pick<FieldSchema, 'dim'> & { dataType: VectorType }, encoding: VectorEncoding): ValueConverter {
  return field.dataType === 'SparseFloatVector' ? convertSparse : makeDense(field.dataType, field.dim, encoding);
}
