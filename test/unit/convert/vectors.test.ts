import { describe, expect, it } from 'vitest';
import { convertField } from '../../../shared/convert';
import type { VectorEncoding } from '../../../shared/pipeline-config';
import type { FieldSchema } from '../../../shared/milvus-schema';
import { failure, field, okValue } from './fixtures';

const conv = (f: FieldSchema, raw: unknown, vectorEncoding: VectorEncoding = 'auto') => convertField(f, raw, { vectorEncoding });
const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

describe('FloatVector', () => {
  const f = field('title_vector', 'FloatVector', { dim: 8 });
  const vec = [0.1, -0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

  it('returns a valid number[] as is (no copy)', () => {
    expect(okValue(conv(f, vec))).toBe(vec);
  });
  it('reports the wrong dimension precisely', () => {
    expect(failure(conv(f, vec.slice(0, 7)), 'wrong_dimension')).toBe('field title_vector: expected 8 numbers, got 7');
    failure(conv(f, [...vec, 1]), 'wrong_dimension');
    failure(conv(f, []), 'wrong_dimension');
  });
  it('rejects non-numbers and values outside float32', () => {
    expect(failure(conv(f, [0, 0, 0, '1', 0, 0, 0, 0]), 'invalid_vector')).toBe(
      'field title_vector: element 3: expected a finite number in float32 range, got string "1"',
    );
    failure(conv(f, [0, 0, 0, 0, 0, 0, 0, NaN]), 'invalid_vector');
    failure(conv(f, [0, 0, 0, 0, 0, 0, 0, Infinity]), 'invalid_vector');
    failure(conv(f, [0, 0, 0, 0, 0, 0, 0, 1e39]), 'invalid_vector');
    failure(conv(f, [0, 0, 0, 0, 0, 0, 0, null]), 'invalid_vector');
    failure(conv(f, { 0: 1 }), 'wrong_type');
  });
  it('decodes base64 little-endian float32 in auto and base64 modes', () => {
    const f32 = new Float32Array(vec);
    const expected = Array.from(f32);
    expect(okValue(conv(f, b64(f32)))).toEqual(expected);
    expect(okValue(conv(f, b64(f32), 'base64'))).toEqual(expected);
    expect(okValue(conv(f, b64(f32).replace(/=+$/, '')))).toEqual(expected); // unpadded
    expect(okValue(conv(f, Buffer.from(f32.buffer).toString('base64url')))).toEqual(expected);
  });
  it('rejects base64 strings in array mode', () => {
    expect(failure(conv(f, b64(new Float32Array(vec)), 'array'), 'wrong_type')).toMatch(/^field title_vector: expected an array of 8 numbers, got string/);
  });
  it('rejects bad base64, the wrong byte count and NaN bit patterns', () => {
    failure(conv(f, 'not base64!'), 'invalid_vector');
    expect(failure(conv(f, b64(new Float32Array(7))), 'wrong_dimension')).toBe(
      'field title_vector: expected 8 numbers (32 bytes of base64 of little-endian float32), got 28 bytes',
    );
    const nan = new Float32Array(8);
    nan[2] = NaN;
    failure(conv(f, b64(nan)), 'invalid_vector');
  });
});

describe('BinaryVector', () => {
  const f = field('bits', 'BinaryVector', { dim: 16 });
  it('takes dim/8 bytes as numbers', () => {
    const v = [255, 0];
    expect(okValue(conv(f, v))).toBe(v);
  });
  it('takes base64 bytes and returns numbers', () => {
    expect(okValue(conv(f, b64(new Uint8Array([1, 128]))))).toEqual([1, 128]);
  });
  it('rejects wrong byte counts and non-byte values', () => {
    expect(failure(conv(f, [1, 2, 3]), 'wrong_dimension')).toBe('field bits: expected 2 bytes (16 bits), got 3');
    failure(conv(f, b64(new Uint8Array([1]))), 'wrong_dimension');
    failure(conv(f, [256, 0]), 'invalid_vector');
    failure(conv(f, [-1, 0]), 'invalid_vector');
    failure(conv(f, [0.5, 0]), 'invalid_vector');
    failure(conv(f, true), 'wrong_type');
  });
});

/** IEEE half-precision encode for test inputs (exact for the values used). */
function toHalf(v: number): number {
  if (v === 0) return 0;
  const s = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.floor(Math.log2(a));
  if (e < -14) return s | Math.round(a / 2 ** -24);
  return s | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

describe('Float16Vector', () => {
  const f = field('h', 'Float16Vector', { dim: 4 });
  it('passes number arrays through for the SDK to convert', () => {
    const v = [1, -0.5, 65504, 0.000061035];
    expect(okValue(conv(f, v))).toBe(v);
  });
  it('decodes base64 of raw little-endian float16 into numbers', () => {
    const vals = [1, -2.5, 65504, 2 ** -24];
    const raw = new Uint16Array(vals.map(toHalf));
    expect(okValue(conv(f, b64(raw)))).toEqual(vals);
  });
  it('rejects values outside float16 range, Inf/NaN encodings and wrong dimension', () => {
    expect(failure(conv(f, [1, 2, 3, 70000]), 'invalid_vector')).toMatch(/element 3: expected a finite number in float16 range/);
    failure(conv(f, b64(new Uint16Array([0, 0, 0x7c00, 0]))), 'invalid_vector');
    failure(conv(f, b64(new Uint16Array([0, 0, 0x7e00, 0]))), 'invalid_vector');
    expect(failure(conv(f, [1, 2, 3]), 'wrong_dimension')).toBe('field h: expected 4 numbers, got 3');
    failure(conv(f, b64(new Uint16Array(3))), 'wrong_dimension');
  });
});

describe('BFloat16Vector', () => {
  const f = field('b', 'BFloat16Vector', { dim: 3 });
  it('passes number arrays through for the SDK to convert', () => {
    const v = [1, -2, 3.5];
    expect(okValue(conv(f, v))).toBe(v);
  });
  it('decodes base64 of raw little-endian bfloat16 into numbers', () => {
    const f32 = new Float32Array([1, -2.5, 1e30]);
    const hi = new Uint16Array(Array.from(new Uint32Array(f32.buffer), (u) => u >>> 16));
    const expected = Array.from(new Float32Array(new Uint32Array(Array.from(hi, (h) => h << 16)).buffer));
    expect(okValue(conv(f, b64(hi)))).toEqual(expected);
  });
  it('rejects NaN encodings, values beyond float32 and wrong dimension', () => {
    failure(conv(f, b64(new Uint16Array([0, 0x7fc0, 0]))), 'invalid_vector');
    failure(conv(f, [1, 2, 1e39]), 'invalid_vector');
    failure(conv(f, [1, 2]), 'wrong_dimension');
  });
});

describe('Int8Vector', () => {
  const f = field('q', 'Int8Vector', { dim: 4 });
  it('takes integers in -128..127', () => {
    const v = [-128, 0, 5, 127];
    expect(okValue(conv(f, v))).toBe(v);
  });
  it('decodes base64 of raw int8 bytes', () => {
    expect(okValue(conv(f, b64(new Int8Array([-128, -1, 0, 127]))))).toEqual([-128, -1, 0, 127]);
  });
  it('rejects out-of-range, fractional and wrong-length vectors', () => {
    expect(failure(conv(f, [0, 0, 0, 128]), 'invalid_vector')).toBe('field q: element 3: expected an integer in -128..127, got number 128');
    failure(conv(f, [0, 0, 0, 1.5]), 'invalid_vector');
    failure(conv(f, [0, 0, 0]), 'wrong_dimension');
  });
});

describe('SparseFloatVector', () => {
  const f = field('sparse', 'SparseFloatVector');
  it('returns a valid {"index": value} object as is', () => {
    const v = { '3': 0.5, '17': 1.25, '4294967294': 1 };
    expect(okValue(conv(f, v))).toBe(v);
    expect(okValue(conv(f, {}))).toEqual({});
  });
  it('converts {indices, values}, [[i, v], ...] and [{index, value}] to the dict form, sorted', () => {
    const csr = okValue(conv(f, { indices: [17, 3], values: [1.25, 0.5] }));
    expect(csr).toEqual({ '3': 0.5, '17': 1.25 });
    expect(Object.keys(csr as object)).toEqual(['3', '17']);
    expect(okValue(conv(f, [[9, 0.1], [2, 0.2]]))).toEqual({ '2': 0.2, '9': 0.1 });
    expect(okValue(conv(f, [{ index: 1, value: 2 }]))).toEqual({ '1': 2 });
  });
  it('rejects bad indices: negative, fractional, ≥ 2^32−1, non-canonical keys', () => {
    failure(conv(f, { '-1': 0.5 }), 'invalid_vector');
    failure(conv(f, { '1.5': 0.5 }), 'invalid_vector');
    failure(conv(f, { '007': 0.5 }), 'invalid_vector');
    expect(failure(conv(f, { '4294967295': 0.5 }), 'invalid_vector')).toBe(
      'field sparse: key "4294967295": expected an integer index in 0..4294967294, got string "4294967295"',
    );
    failure(conv(f, [[-1, 0.5]]), 'invalid_vector');
    failure(conv(f, [[1.5, 0.5]]), 'invalid_vector');
    failure(conv(f, { indices: [2 ** 32], values: [1] }), 'invalid_vector');
  });
  it('rejects bad values, duplicates and malformed shapes', () => {
    expect(failure(conv(f, { '1': 'x' }), 'invalid_vector')).toBe('field sparse: key 1: expected a finite number in float32 range, got string "x"');
    failure(conv(f, [[1, NaN]]), 'invalid_vector');
    expect(failure(conv(f, [[1, 0.5], [1, 0.7]]), 'invalid_vector')).toMatch(/index 1 appears twice/);
    failure(conv(f, { indices: [1, 2], values: [1] }), 'invalid_vector');
    failure(conv(f, [[1, 2, 3]]), 'invalid_vector');
    failure(conv(f, 'x'), 'wrong_type');
    failure(conv(f, new Date(0)), 'wrong_type');
  });
});

describe('nullable vectors', () => {
  it('take null when nullable, and are required otherwise', () => {
    expect(okValue(conv(field('v', 'FloatVector', { dim: 2, nullable: true }), null))).toBeNull();
    failure(conv(field('v', 'FloatVector', { dim: 2 }), null), 'null_not_allowed');
    failure(conv(field('v', 'SparseFloatVector'), undefined), 'missing_field');
  });
});
