// Vector field converters. Hot path for the benchmark (768-dim float vectors): a valid number[] is
// checked in place with a plain loop and returned as is; no copies, no per-element closures.
// Output forms follow what @zilliz/milvus2-sdk-node 3.0.6 takes in insert/upsert rows (see the
// report in index.ts): number[] for dense vectors, {"index": value} objects for sparse ones.
import type { FieldSchema, VectorType } from '../milvus-schema';
import type { VectorEncoding } from '../pipeline-config';
import { base64Size, decodeBase64 } from './base64';
import { atElement, describeWords, Fail, within } from './describe';
import { phrase, type Phrase } from './phrase';
import type { ValueConverter } from './scalars';

const F32_MAX = 3.4028234663852886e38;
const F16_MAX = 65504;
/** Milvus and the SDK (sparseToBytes) require sparse indices below 2^32−1. */
export const MAX_SPARSE_INDEX = 4294967294;

const F32_ELEMENT = phrase('expect.float32Element');
const F16_ELEMENT = phrase('expect.float16Element', { max: F16_MAX });
const INT8_ELEMENT = phrase('expect.int8Element', { min: -128, max: 127 });
const BYTE_ELEMENT = phrase('expect.byteElement', { min: 0, max: 255 });

const BASE64_TEXT = /^[A-Za-z0-9+/_-]*={0,2}$/;

const elementFail = (i: number, expected: Phrase, v: unknown) => within(new Fail('invalid_vector', expected, describeWords(v)), atElement(i));

function checkFloats(raw: unknown[], max: number, expected: Phrase): Fail | null {
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    // Comparisons are false for NaN, so this one test also rejects NaN and ±Infinity.
    if (typeof v !== 'number' || !(v >= -max && v <= max)) return elementFail(i, expected, v);
  }
  return null;
}

function checkInts(raw: unknown[], min: number, max: number, expected: Phrase): Fail | null {
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
  unit: 'numbers' | 'bytes';
  bytesPerUnit: number;
  check: (raw: unknown[]) => Fail | null;
  fromBytes: (b: Uint8Array) => number[] | Fail;
  encoding: Phrase;
}

function denseSpec(t: Exclude<VectorType, 'SparseFloatVector'>, dim: number | undefined): DenseSpec {
  switch (t) {
    case 'FloatVector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 4, check: (r) => checkFloats(r, F32_MAX, F32_ELEMENT), fromBytes: float32s, encoding: phrase('encoding.float32') };
    case 'Float16Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 2, check: (r) => checkFloats(r, F16_MAX, F16_ELEMENT), fromBytes: float16s, encoding: phrase('encoding.float16') };
    case 'BFloat16Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 2, check: (r) => checkFloats(r, F32_MAX, F32_ELEMENT), fromBytes: bfloat16s, encoding: phrase('encoding.bfloat16') };
    case 'Int8Vector':
      return { count: dim, unit: 'numbers', bytesPerUnit: 1, check: (r) => checkInts(r, -128, 127, INT8_ELEMENT), fromBytes: int8s, encoding: phrase('encoding.int8') };
    case 'BinaryVector':
      // dim counts bits; the SDK wants dim/8 bytes as numbers 0..255.
      return { count: dim === undefined ? undefined : dim / 8, unit: 'bytes', bytesPerUnit: 1, check: (r) => checkInts(r, 0, 255, BYTE_ELEMENT), fromBytes: (b) => Array.from(b), encoding: phrase('encoding.raw') };
  }
}

/** "8 numbers", "16 bytes (128 bits)", or "an array of numbers" when the schema gives no dimension. */
function expectedDense(spec: DenseSpec, bits: number | undefined): Phrase {
  const n = spec.count;
  if (n === undefined) return phrase(spec.unit === 'numbers' ? 'expect.arrayOfNumbers' : 'expect.arrayOfBytes');
  const count = phrase(spec.unit === 'numbers' ? 'expect.numbers' : 'expect.bytes', { count: n });
  return bits === undefined ? count : phrase('expect.bits', { bytes: count, bits });
}

/** Arrays are accepted under every encoding; strings (base64) only under 'base64' and 'auto'. */
function makeDense(t: Exclude<VectorType, 'SparseFloatVector'>, dim: number | undefined, encoding: VectorEncoding): ValueConverter {
  const spec = denseSpec(t, dim);
  const n = spec.count;
  const expected = expectedDense(spec, t === 'BinaryVector' ? dim : undefined);
  const base64 = encoding !== 'array';
  return (raw) => {
    if (Array.isArray(raw)) {
      if (n !== undefined ? raw.length !== n : raw.length === 0) return new Fail('wrong_dimension', expected, phrase('got.length', { count: raw.length }));
      return spec.check(raw) ?? raw;
    }
    if (typeof raw === 'string' && base64) {
      const notBase64 = () => {
        const asBase64 = phrase('expect.asBase64', { expected, encoding: spec.encoding });
        return new Fail('invalid_vector', asBase64, describeWords(raw), phrase('notBase64', { expected: asBase64 }));
      };
      if (!BASE64_TEXT.test(raw)) return notBase64();
      // Size check before decoding, so a huge wrong string allocates nothing.
      const size = base64Size(raw);
      if (n !== undefined ? size !== n * spec.bytesPerUnit : size % spec.bytesPerUnit !== 0 || size === 0) {
        const got = phrase('count.bytes', { count: size });
        const wanted = n === undefined ? phrase('count.unknownBytes') : phrase('count.bytes', { count: n * spec.bytesPerUnit });
        return new Fail('wrong_dimension', expected, got, phrase('base64Size', { expected, size: wanted, encoding: spec.encoding, got }));
      }
      const bytes = decodeBase64(raw);
      return bytes === null ? notBase64() : spec.fromBytes(bytes);
    }
    const wanted = base64 ? phrase('expect.arrayOrBase64', { expected }) : phrase('expect.arrayOfExpected', { expected });
    return new Fail('wrong_type', wanted, describeWords(raw));
  };
}

// --- sparse vectors ---

const SPARSE_EXPECTED = phrase('expect.sparse');
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

function badIndex(i: unknown): boolean {
  return typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > MAX_SPARSE_INDEX;
}
function badValue(v: unknown): boolean {
  return typeof v !== 'number' || !(v >= -F32_MAX && v <= F32_MAX);
}
type Where = (detail: Phrase) => Phrase;
/** Where a pair sits; passed as a key and an index so that valid vectors allocate nothing for it. */
type At = 'at.element' | 'at.entry';
const located = (at: At, index: number): Where => (detail) => phrase(at, { index, detail });
const atKey = (key: string): Where => (detail) => phrase('at.key', { key, detail });

const sparseFail = (text: Phrase, got: unknown) => new Fail('invalid_vector', SPARSE_EXPECTED, describeWords(got), text);
const expectedGot = (expected: Phrase, v: unknown) => phrase('expectedGot', { expected, got: describeWords(v) });
const indexFail = (where: Where, i: unknown) => sparseFail(where(expectedGot(phrase('expect.sparseIndex', { max: MAX_SPARSE_INDEX }), i)), i);
const valueFail = (where: Where, v: unknown) => sparseFail(where(expectedGot(F32_ELEMENT, v)), v);

/**
 * Output is the SDK's "dict" form. Integer-like keys of a JS object enumerate in ascending numeric
 * order, so Object.keys in the SDK yields the sorted, unique indices Milvus requires.
 */
function add(out: Record<number, number>, at: At, k: number, i: unknown, v: unknown): Fail | null {
  if (badIndex(i)) return indexFail(located(at, k), i);
  if (badValue(v)) return valueFail(located(at, k), v);
  if (out[i as number] !== undefined) return sparseFail(phrase(at, { index: k, detail: phrase('sparse.duplicate', { index: String(i) }) }), i);
  out[i as number] = v as number;
  return null;
}

export function convertSparse(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return new Fail('wrong_type', SPARSE_EXPECTED, describeWords(raw));
  const out: Record<number, number> = {};
  if (Array.isArray(raw)) {
    for (let k = 0; k < raw.length; k++) {
      const e: unknown = raw[k];
      let f: Fail | null;
      if (Array.isArray(e) && e.length === 2) f = add(out, 'at.element', k, e[0], e[1]);
      else if (typeof e === 'object' && e !== null && 'index' in e && 'value' in e) f = add(out, 'at.element', k, e.index, e.value);
      else return sparseFail(atElement(k)(expectedGot(phrase('expect.sparsePair'), e)), e);
      if (f) return f;
    }
    return out;
  }
  if ('indices' in raw || 'values' in raw) {
    const { indices, values } = raw as { indices?: unknown; values?: unknown };
    if (!Array.isArray(indices) || !Array.isArray(values) || indices.length !== values.length) {
      return sparseFail(phrase('sparse.indicesValues'), raw);
    }
    for (let k = 0; k < indices.length; k++) {
      const f = add(out, 'at.entry', k, indices[k], values[k]);
      if (f) return f;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return new Fail('wrong_type', SPARSE_EXPECTED, describeWords(raw));
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!INDEX_KEY.test(key) || Number(key) > MAX_SPARSE_INDEX) return indexFail(atKey(JSON.stringify(key.slice(0, 20))), key);
    if (badValue(rec[key])) return valueFail(atKey(key), rec[key]);
  }
  return raw; // already the SDK's form: no copy
}

export function vectorConverter(field: Pick<FieldSchema, 'dim'> & { dataType: VectorType }, encoding: VectorEncoding): ValueConverter {
  return field.dataType === 'SparseFloatVector' ? convertSparse : makeDense(field.dataType, field.dim, encoding);
}
