// The template builder: a valid message for every field type the converter knows, unique keys, a
// tracking field for autoID collections, per-message variation and readable formatting.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../electron/generator';
import { buildTemplate, chooseTrackField, clipBytes, formatMessage, NONCE_KEY, uniqueInt64, varyMessage, type TemplateContext } from '../../../electron/services/producer-template';
import { convertRecord, decodeValue, type ConvertOptions } from '../../../shared/convert';
import type { CollectionSchema, FieldSchema } from '../../../shared/milvus-schema';

const opts: ConvertOptions = { mapping: [], ignore: [], valueFormat: 'auto', vectorEncoding: 'auto', extraFields: 'dynamic' };
const ctx = (seed = 1): TemplateContext => ({ random: seededRandom(seed), now: () => 1_750_000_000_000 });

const seed: CollectionSchema = {
  name: 'topic_0',
  enableDynamicField: false,
  fields: [
    { name: 'id', dataType: 'Int64', isPrimaryKey: true },
    { name: 'title', dataType: 'VarChar', maxLength: 512 },
    { name: 'title_vector', dataType: 'FloatVector', dim: 8 },
    { name: 'link', dataType: 'VarChar', maxLength: 512 },
  ],
};

const everything: FieldSchema[] = [
  { name: 'pk', dataType: 'VarChar', isPrimaryKey: true, maxLength: 20 },
  { name: 'flag', dataType: 'Bool' },
  { name: 'i8', dataType: 'Int8' },
  { name: 'i16', dataType: 'Int16' },
  { name: 'i32', dataType: 'Int32' },
  { name: 'i64', dataType: 'Int64' },
  { name: 'f', dataType: 'Float' },
  { name: 'd', dataType: 'Double' },
  { name: 'name', dataType: 'VarChar', maxLength: 10 },
  { name: 'meta', dataType: 'JSON' },
  { name: 'tags', dataType: 'Array', elementType: 'VarChar', maxCapacity: 2, maxLength: 5 },
  { name: 'scores', dataType: 'Array', elementType: 'Float', maxCapacity: 4 },
  { name: 'fv', dataType: 'FloatVector', dim: 768 },
  { name: 'bv', dataType: 'BinaryVector', dim: 64 },
  { name: 'f16', dataType: 'Float16Vector', dim: 16 },
  { name: 'bf16', dataType: 'BFloat16Vector', dim: 16 },
  { name: 'sv', dataType: 'SparseFloatVector' },
  { name: 'i8v', dataType: 'Int8Vector', dim: 32 },
  { name: 'opt', dataType: 'VarChar', maxLength: 8, nullable: true },
  { name: 'sparse_out', dataType: 'SparseFloatVector', isFunctionOutput: true },
];

const converts = (schema: CollectionSchema, value: unknown) => {
  const decoded = decodeValue(formatMessage(value), 'auto');
  expect(decoded.ok).toBe(true);
  return convertRecord(decoded.ok ? decoded.value : null, schema, opts);
};

describe('buildTemplate', () => {
  it('fills the seed schema with a unique key, a unit vector and matching title and link', () => {
    const t = buildTemplate(seed, ctx());
    expect(Object.keys(t.value)).toEqual(['id', 'title', 'title_vector', 'link']);
    expect(t.trackField).toBe('id');
    expect(Number.isSafeInteger(t.value.id)).toBe(true);
    const v = t.value.title_vector as number[];
    expect(v).toHaveLength(8);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(t.value.link).toMatch(/^https:\/\/medium\.com\/[a-z-]+\/[a-z0-9-]+-[0-9a-f]{12}$/);
    expect(converts(seed, t.value).ok).toBe(true);
  });

  it('makes a valid value for every field type, within lengths and capacities', () => {
    const schema: CollectionSchema = { name: 'all', enableDynamicField: false, fields: everything };
    for (let s = 1; s <= 25; s++) {
      const t = buildTemplate(schema, ctx(s));
      const r = converts(schema, t.value);
      expect(r.ok ? 'ok' : r.error.message).toBe('ok');
      expect('sparse_out' in t.value).toBe(false);
      expect((t.value.pk as string).length).toBeLessThanOrEqual(20);
    }
  });

  it('gives each template a new primary key', () => {
    const a = buildTemplate(seed, ctx(1)).value.id as number;
    const b = buildTemplate(seed, ctx(1)).value.id as number;
    expect(b).toBeGreaterThan(a);
    expect(uniqueInt64(0)).toBeGreaterThan(b);
  });

  it('tracks autoID rows by a nonce: dynamic key, else a text field, else an Int64, else nothing', () => {
    const auto = (fields: FieldSchema[], dynamic = false): CollectionSchema => ({ name: 'a', enableDynamicField: dynamic, fields: [{ name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: true }, ...fields] });
    const dyn = buildTemplate(auto(seed.fields.slice(1), true), ctx());
    expect(dyn.trackField).toBe(NONCE_KEY);
    expect(dyn.value[NONCE_KEY]).toMatch(/^studio-[0-9a-z]+$/);
    expect('id' in dyn.value).toBe(false);
    expect(converts(auto(seed.fields.slice(1), true), dyn.value).ok).toBe(true);

    const text = buildTemplate(auto(seed.fields.slice(1)), ctx());
    expect(text.trackField).toBe('title');
    expect(text.value.title).toMatch(/ #studio-[0-9a-z]+$/);
    expect(chooseTrackField(auto([{ name: 'request_id', dataType: 'VarChar', maxLength: 64 }, ...seed.fields.slice(1)]))).toEqual({ field: 'request_id', by: 'field' });
    expect(chooseTrackField(auto([{ name: 'n', dataType: 'Int64' }, { name: 'v', dataType: 'FloatVector', dim: 2 }]))).toEqual({ field: 'n', by: 'field' });
    const none = buildTemplate(auto([{ name: 'v', dataType: 'FloatVector', dim: 2 }]), ctx());
    expect(none.trackField).toBeUndefined();
    expect(none.untrackable).toMatch(/autoID/);
  });
});

describe('varyMessage', () => {
  it('changes the key and the vectors, keeps the rest', () => {
    const t = buildTemplate(seed, ctx());
    const v = varyMessage(t.value, seed, 'id', { keys: true, vectors: true }, ctx(7));
    expect(v.id).not.toBe(t.value.id);
    expect(v.title_vector).not.toEqual(t.value.title_vector);
    expect(v.title).toBe(t.value.title);
    expect(varyMessage(t.value, seed, 'id', { keys: false, vectors: false })).toEqual(t.value);
  });

  it('replaces a text nonce instead of stacking them', () => {
    const schema: CollectionSchema = { name: 'a', enableDynamicField: false, fields: [{ name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: true }, { name: 'title', dataType: 'VarChar', maxLength: 64 }] };
    const once = varyMessage({ title: 'Hello #studio-abc' }, schema, 'title', { keys: true, vectors: false }, ctx());
    expect(once.title).toMatch(/^Hello #studio-[0-9a-z]+$/);
    expect(once.title).not.toBe('Hello #studio-abc');
  });
});

describe('helpers', () => {
  it('formats with vectors on one line', () => {
    expect(formatMessage({ id: 1, v: [0.5, -1], m: { a: [1, { b: 2 }] } })).toBe('{\n  "id": 1,\n  "v": [0.5, -1],\n  "m": {\n    "a": [\n      1,\n      {\n        "b": 2\n      }\n    ]\n  }\n}');
  });

  it('clips text by UTF-8 bytes without splitting characters', () => {
    expect(clipBytes('añb', 2)).toBe('a');
    expect(clipBytes('añb', 3)).toBe('añ');
    expect(clipBytes('abc', undefined)).toBe('abc');
  });
});
