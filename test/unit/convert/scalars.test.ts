import { describe, expect, it } from 'vitest';
import { convertField } from '../../../shared/convert';
import type { FieldSchema } from '../../../shared/milvus-schema';
import { failure, field, okValue } from './fixtures';

const conv = (f: FieldSchema, raw: unknown) => convertField(f, raw, { vectorEncoding: 'auto' });

describe('Bool', () => {
  const f = field('flag', 'Bool');
  it('accepts true and false', () => {
    expect(okValue(conv(f, true))).toBe(true);
    expect(okValue(conv(f, false))).toBe(false);
  });
  it('rejects strings and numbers', () => {
    expect(failure(conv(f, 'true'), 'wrong_type')).toBe('field flag: expected true or false, got string "true"');
    failure(conv(f, 1), 'wrong_type');
    failure(conv(f, {}), 'wrong_type');
  });
});

describe.each([
  ['Int8', -128, 127],
  ['Int16', -32768, 32767],
  ['Int32', -2147483648, 2147483647],
] as const)('%s', (type, min, max) => {
  const f = field('n', type);
  it('accepts integers at both ends of the range', () => {
    expect(okValue(conv(f, min))).toBe(min);
    expect(okValue(conv(f, max))).toBe(max);
    expect(okValue(conv(f, 0))).toBe(0);
    expect(okValue(conv(f, 2.0))).toBe(2);
  });
  it('rejects values out of range', () => {
    expect(failure(conv(f, max + 1), 'out_of_range')).toBe(`field n: expected an integer in ${type} range (${min}..${max}), got number ${max + 1}`);
    failure(conv(f, min - 1), 'out_of_range');
    failure(conv(f, 2n ** 64n), 'out_of_range');
  });
  it('rejects fractions, NaN, Infinity and strings', () => {
    failure(conv(f, 1.5), 'wrong_type');
    failure(conv(f, NaN), 'wrong_type');
    failure(conv(f, Infinity), 'wrong_type');
    failure(conv(f, '12'), 'wrong_type');
    failure(conv(f, true), 'wrong_type');
  });
});

describe('Int64', () => {
  const f = field('id', 'Int64', { isPrimaryKey: true });
  it('passes safe integers through as numbers', () => {
    expect(okValue(conv(f, 42))).toBe(42);
    expect(okValue(conv(f, -9007199254740991))).toBe(-9007199254740991);
    expect(okValue(conv(f, 5n))).toBe(5);
    expect(okValue(conv(f, '0042'))).toBe(42);
    expect(okValue(conv(f, '-17'))).toBe(-17);
  });
  it('gives values beyond 2^53 as exact decimal strings (the SDK form)', () => {
    expect(okValue(conv(f, 9007199254740993n))).toBe('9007199254740993');
    expect(okValue(conv(f, 9223372036854775807n))).toBe('9223372036854775807');
    expect(okValue(conv(f, -9223372036854775808n))).toBe('-9223372036854775808');
    expect(okValue(conv(f, '9223372036854775807'))).toBe('9223372036854775807');
    expect(okValue(conv(f, '-00009007199254740993'))).toBe('-9007199254740993');
  });
  it('rejects values beyond the Int64 range', () => {
    failure(conv(f, 9223372036854775808n), 'out_of_range');
    failure(conv(f, -9223372036854775809n), 'out_of_range');
    failure(conv(f, '18446744073709551616'), 'out_of_range');
    failure(conv(f, '1'.repeat(200)), 'out_of_range');
  });
  it('rejects JS numbers beyond 2^53, which may already be rounded', () => {
    expect(failure(conv(f, 2 ** 60), 'out_of_range')).toMatch(/may be rounded/);
  });
  it('rejects fractions and non-numeric strings with the documented message', () => {
    expect(failure(conv(f, 'abc'), 'wrong_type')).toBe('field id: expected an integer in Int64 range, got string "abc"');
    failure(conv(f, 1.5), 'wrong_type');
    failure(conv(f, NaN), 'wrong_type');
    failure(conv(f, '1.5'), 'wrong_type');
    failure(conv(f, '1e3'), 'wrong_type');
    failure(conv(f, ' 1'), 'wrong_type');
    failure(conv(f, false), 'wrong_type');
  });
});

describe('Float and Double', () => {
  it('Float accepts finite numbers in float32 range and big integers', () => {
    const f = field('x', 'Float');
    expect(okValue(conv(f, 1.25))).toBe(1.25);
    expect(okValue(conv(f, -3.4e38))).toBe(-3.4e38);
    expect(okValue(conv(f, 9007199254740993n))).toBe(9007199254740992);
  });
  it('Float rejects NaN, Infinity, strings and values beyond float32', () => {
    const f = field('x', 'Float');
    failure(conv(f, NaN), 'wrong_type');
    failure(conv(f, -Infinity), 'wrong_type');
    failure(conv(f, '1.5'), 'wrong_type');
    failure(conv(f, 1e39), 'out_of_range');
  });
  it('Double accepts any finite number', () => {
    const f = field('x', 'Double');
    expect(okValue(conv(f, 1e300))).toBe(1e300);
    expect(okValue(conv(f, 0.1))).toBe(0.1);
  });
  it('Double rejects NaN, Infinity and non-numbers', () => {
    const f = field('x', 'Double');
    failure(conv(f, NaN), 'wrong_type');
    failure(conv(f, Infinity), 'wrong_type');
    failure(conv(f, []), 'wrong_type');
  });
});

describe('VarChar', () => {
  const f = field('title', 'VarChar', { maxLength: 6 });
  it('accepts strings up to maxLength UTF-8 bytes', () => {
    expect(okValue(conv(f, ''))).toBe('');
    expect(okValue(conv(f, 'abcdef'))).toBe('abcdef');
    expect(okValue(conv(f, 'héllo'))).toBe('héllo'); // 6 bytes
    expect(okValue(conv(f, '😀é'))).toBe('😀é'); // 4 + 2 bytes
  });
  it('counts bytes, not characters, like Milvus', () => {
    expect(failure(conv(f, 'abcdefg'), 'too_long')).toBe('field title: expected at most 6 bytes of UTF-8, got 7 bytes');
    failure(conv(f, 'héllo!'), 'too_long'); // 6 chars, 7 bytes
    failure(conv(f, '日本語'.repeat(1) + 'x'), 'too_long'); // 10 bytes
  });
  it('rejects non-strings and unpaired surrogates', () => {
    failure(conv(f, 5), 'wrong_type');
    failure(conv(f, ['a']), 'wrong_type');
    failure(conv(f, 'a\ud800b'), 'wrong_type');
    failure(conv(f, '\udc00'), 'wrong_type');
  });
  it('has no limit without maxLength', () => {
    expect(okValue(conv(field('t', 'VarChar'), 'x'.repeat(100_000)))).toHaveLength(100_000);
  });
});

describe('JSON', () => {
  const f = field('meta', 'JSON');
  it('accepts objects, arrays and primitives, unchanged when already plain JSON', () => {
    const v = { a: [1, 'x', null, { b: true }] };
    expect(okValue(conv(f, v))).toBe(v);
    expect(okValue(conv(f, [1, 2]))).toEqual([1, 2]);
    expect(okValue(conv(f, 'text'))).toBe('text');
    expect(okValue(conv(f, 0))).toBe(0);
  });
  it('turns bigints into decimal strings without touching the input', () => {
    const v = { a: { id: 12345678901234567890n }, list: [1, 9007199254740993n] };
    expect(okValue(conv(f, v))).toEqual({ a: { id: '12345678901234567890' }, list: [1, '9007199254740993'] });
    expect(v.a.id).toBe(12345678901234567890n);
  });
  it('rejects values JSON cannot carry, naming the path', () => {
    expect(failure(conv(f, { a: [1, NaN] }), 'wrong_type')).toBe('field meta: at $.a[1]: expected a JSON value, got number NaN');
    failure(conv(f, { d: new Date(0) }), 'wrong_type');
    failure(conv(f, { u: undefined }), 'wrong_type');
    failure(conv(f, () => 1), 'wrong_type');
  });
  it('rejects nesting deeper than 128 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(failure(conv(f, deep), 'wrong_type')).toMatch(/nested at most 128/);
  });
});

describe('Array', () => {
  const ints = field('tags', 'Array', { elementType: 'Int32', maxCapacity: 3 });
  it('accepts arrays within capacity whose elements are valid', () => {
    const v = [1, 2, 3];
    expect(okValue(conv(ints, v))).toBe(v);
    expect(okValue(conv(ints, []))).toEqual([]);
  });
  it('rejects arrays over capacity', () => {
    expect(failure(conv(ints, [1, 2, 3, 4]), 'over_capacity')).toBe('field tags: expected at most 3 elements, got 4');
  });
  it('checks each element with the element rules', () => {
    expect(failure(conv(ints, [1, 'x']), 'wrong_type')).toBe('field tags: element 1: expected an integer in Int32 range (-2147483648..2147483647), got string "x"');
    failure(conv(ints, [1, 2 ** 40]), 'out_of_range');
    expect(failure(conv(ints, [1, null]), 'null_not_allowed')).toMatch(/element 1 is null/);
    failure(conv(ints, 'not an array'), 'wrong_type');
  });
  it('applies maxLength to VarChar elements', () => {
    const names = field('names', 'Array', { elementType: 'VarChar', maxLength: 3, maxCapacity: 10 });
    expect(okValue(conv(names, ['ab', 'éa']))).toEqual(['ab', 'éa']);
    expect(failure(conv(names, ['ab', 'abcd']), 'too_long')).toMatch(/^field names: element 1: expected at most 3 bytes/);
  });
  it('converts Int64 elements to the SDK form (copy, input untouched)', () => {
    const big = field('ids', 'Array', { elementType: 'Int64', maxCapacity: 4 });
    const input = [1, 9007199254740993n, '12'];
    expect(okValue(conv(big, input))).toEqual([1, '9007199254740993', 12]);
    expect(input[1]).toBe(9007199254740993n);
    failure(conv(big, [1.5]), 'wrong_type');
  });
  it('handles Bool, Float, Double, Int8 and Int16 elements', () => {
    expect(okValue(conv(field('a', 'Array', { elementType: 'Bool' }), [true, false]))).toEqual([true, false]);
    failure(conv(field('a', 'Array', { elementType: 'Bool' }), [1]), 'wrong_type');
    expect(okValue(conv(field('a', 'Array', { elementType: 'Double' }), [0.5, 1e300]))).toEqual([0.5, 1e300]);
    failure(conv(field('a', 'Array', { elementType: 'Float' }), [1e300]), 'out_of_range');
    failure(conv(field('a', 'Array', { elementType: 'Int8' }), [128]), 'out_of_range');
    expect(okValue(conv(field('a', 'Array', { elementType: 'Int16' }), [-32768]))).toEqual([-32768]);
  });
});

describe('nullable and default values', () => {
  it('nullable fields take null for null or missing', () => {
    const f = field('n', 'Int32', { nullable: true });
    expect(okValue(conv(f, null))).toBeNull();
    expect(okValue(conv(f, undefined))).toBeNull();
    expect(okValue(conv(f, 3))).toBe(3);
    failure(conv(f, 'x'), 'wrong_type');
  });
  it('fields with a default value are left out (undefined) so Milvus fills the default', () => {
    const f = field('n', 'VarChar', { defaultValue: 'none', maxLength: 10 });
    expect(conv(f, undefined)).toEqual({ ok: true, value: undefined });
    expect(conv(f, null)).toEqual({ ok: true, value: undefined });
    expect(okValue(conv(f, 'set'))).toBe('set');
    failure(conv(f, 'x'.repeat(11)), 'too_long');
  });
  it('required fields reject missing and null values', () => {
    const f = field('id', 'Int64', { isPrimaryKey: true });
    expect(failure(conv(f, undefined), 'missing_field')).toBe('field id: missing from the message (required Int64 primary key)');
    expect(failure(conv(f, null), 'null_not_allowed')).toMatch(/^field id: is null/);
  });
});
