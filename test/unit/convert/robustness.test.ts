// Conversion must be deterministic and must never throw, whatever a topic carries.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSchema, convertField, convertRecord, decodeValue } from '../../../shared/convert';
import type { CollectionSchema, FieldSchema } from '../../../shared/milvus-schema';
import { field, opts, schema } from './fixtures';

function nestedArrays(depth: number): unknown {
  let v: unknown = [1];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function junk(): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const throwingGetter = Object.defineProperty({}, 'id', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const hostileProxy = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('no keys');
      },
      get() {
        throw new Error('no get');
      },
    },
  );
  return [
    undefined,
    null,
    NaN,
    -0,
    Infinity,
    12n,
    2n ** 70n,
    '',
    'x'.repeat(5_000_000),
    '\ud800',
    Symbol('s'),
    () => 1,
    [],
    {},
    Object.create(null) as object,
    new Date(0),
    new Map([[1, 2]]),
    new Float32Array(4),
    new Uint8Array(3),
    new Array(2 ** 32 - 1),
    [1, , 3], // eslint-disable-line no-sparse-arrays
    nestedArrays(100_000),
    cyclic,
    throwingGetter,
    hostileProxy,
    { id: cyclic, title: nestedArrays(1000), v: cyclic, meta: cyclic, extra: cyclic, $meta: cyclic },
    { id: throwingGetter, v: [throwingGetter], sparse: { indices: cyclic, values: [] } },
    { id: '1', v: 'AAAA', bits: 'AA==', sparse: [[1, 2], [1, 3]], tags: new Array(5) },
  ];
}

const TYPES: FieldSchema[] = [
  field('id', 'Int64', { isPrimaryKey: true }),
  field('flag', 'Bool', { nullable: true }),
  field('i8', 'Int8', { defaultValue: 1 }),
  field('i16', 'Int16', { nullable: true }),
  field('i32', 'Int32', { nullable: true }),
  field('f', 'Float', { nullable: true }),
  field('d', 'Double', { nullable: true }),
  field('title', 'VarChar', { maxLength: 16, nullable: true }),
  field('meta', 'JSON', { nullable: true }),
  field('tags', 'Array', { elementType: 'VarChar', maxLength: 4, maxCapacity: 3, nullable: true }),
  field('v', 'FloatVector', { dim: 3 }),
  field('bits', 'BinaryVector', { dim: 8, nullable: true }),
  field('h', 'Float16Vector', { dim: 2, nullable: true }),
  field('b', 'BFloat16Vector', { dim: 2, nullable: true }),
  field('q', 'Int8Vector', { dim: 2, nullable: true }),
  field('sparse', 'SparseFloatVector', { nullable: true }),
];
const ALL: CollectionSchema = schema(TYPES);

describe('never throws', () => {
  it('convertRecord returns a result for every junk value, under every extra-field policy', () => {
    for (const extraFields of ['dynamic', 'drop', 'error'] as const) {
      const o = opts({ extraFields, mapping: [{ source: 'title.x.y', target: 'meta' }], ignore: ['extra.a'] });
      for (const v of junk()) {
        const r = convertRecord(v, ALL, o);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.message.length).toBeLessThan(400);
      }
    }
  });

  it('junk objects are rejected, not converted', () => {
    for (const v of junk()) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) expect(convertRecord(v, ALL, opts()).ok).toBe(false);
    }
  });

  it('convertField returns a result for every type and junk value', () => {
    for (const f of TYPES) {
      for (const v of junk()) {
        for (const vectorEncoding of ['array', 'base64', 'auto'] as const) {
          const r = convertField(f, v, { vectorEncoding });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.message.startsWith(`field ${f.name}: `)).toBe(true);
        }
      }
    }
  });

  it('decodeValue returns a result for junk text and bytes', () => {
    const texts = ['[', ']', '{"a":', '"\\u', '-', '1e999', '{"a":1e999999999}', `{"a":${'['.repeat(600)}12345678901234567890${']'.repeat(600)}}`,
      '['.repeat(200_000) + ']'.repeat(200_000), `{"x":"${'y'.repeat(1_000_000)}"}`];
    for (const t of texts) {
      expect(typeof decodeValue(t, 'auto').ok).toBe('boolean');
      expect(typeof decodeValue(new TextEncoder().encode(t), 'connect').ok).toBe('boolean');
    }
    expect(decodeValue(`{"a":${'['.repeat(600)}12345678901234567890${']'.repeat(600)}}`, 'json')).toMatchObject({ ok: false, error: { code: 'invalid_json' } });
  });

  it('holds for arbitrary values and arbitrary bytes (property test)', () => {
    const o = opts();
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 }), (v) => {
        expect(typeof convertRecord(v, ALL, o).ok).toBe('boolean');
        expect(typeof convertRecord({ id: 1, v: [1, 2, 3], extra: v }, ALL, o).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(typeof decodeValue(b, 'auto').ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('deterministic', () => {
  const samples: unknown[] = [
    { id: 1, v: [1, 2, 3], title: 'abc', meta: { n: 12345678901234567890n }, sparse: [[3, 1], [1, 2]], extra: { x: [1] } },
    { id: '9223372036854775807', v: [1, 2, 3], tags: ['a', 'b'], z: 1, a: 2 },
    { id: 1, v: [1, 2] },
    { v: [1, 2, 3] },
    ...junk().filter((v) => typeof v !== 'string'),
  ];

  it('gives equal results for equal input, cached or freshly compiled', () => {
    const o = opts();
    for (const v of samples) {
      const a = convertRecord(v, ALL, o);
      const b = convertRecord(v, ALL, o);
      const c = compileSchema(ALL, opts())(v);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    }
  });

  it('orders row keys by schema, then extras in message order', () => {
    const r = convertRecord({ z: 1, v: [1, 2, 3], a: 2, id: 5 }, ALL, opts());
    expect(r.ok && Object.keys(r.row)).toEqual(['id', 'flag', 'i16', 'i32', 'f', 'd', 'title', 'meta', 'tags', 'v', 'bits', 'h', 'b', 'q', 'sparse', 'z', 'a']);
  });
});
