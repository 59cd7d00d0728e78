import { describe, expect, it } from 'vitest';
import { englishPhrase } from '../../../shared/convert';
import { inferSchema } from '../../../shared/schema/infer';
import { suggestCollectionSchema } from '../../../shared/schema/suggest';
import { base64VectorLength, suggestVarCharLength, utf8Length } from '../../../shared/schema/text';
import { asSamples, float32Base64, SEED, seedMessages } from './fixtures';

const field = (s: ReturnType<typeof inferSchema>, path: string) => {
  const f = s.fields.find((x) => x.path === path);
  if (!f) throw new Error(`no field ${path}`);
  return f;
};

describe('inferSchema', () => {
  it('summarises the seed message: types, vector dim, string bytes, key candidate', () => {
    const s = inferSchema(asSamples(seedMessages(5)));
    expect(s.format).toBe('json');
    expect(s.parsedCount).toBe(5);
    expect(s.fields.map((f) => f.path)).toEqual(['id', 'title', 'title_vector', 'link']);
    expect(field(s, 'id').types).toEqual({ integer: 5 });
    const v = field(s, 'title_vector').numberArray;
    expect(v).toMatchObject({ dim: 8, dimShare: 1, vectorCandidate: true, binaryCandidate: false, allIntegers: false });
    expect(v?.lengths).toEqual([{ length: 8, count: 5 }]);
    const title = field(s, 'title').string;
    expect(title?.maxBytes).toBe(SEED.title.length + 3);
    expect(title?.suggestedMaxLength).toBe(256);
    expect(s.primaryKeyCandidates[0]).toMatchObject({ path: 'id', kind: 'integer', strong: true });
    expect(field(s, 'link').missingRatio).toBe(0);
  });

  it('suggests the tutorial collection for the seed message', () => {
    const schema = suggestCollectionSchema(inferSchema(asSamples(seedMessages(3))), { collectionName: 'medium_articles' });
    expect(schema).toEqual({
      name: 'medium_articles',
      enableDynamicField: true,
      fields: [
        { name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: false },
        { name: 'title', dataType: 'VarChar', maxLength: 256 },
        { name: 'title_vector', dataType: 'FloatVector', dim: 8 },
        { name: 'link', dataType: 'VarChar', maxLength: 256 },
      ],
    });
  });

  it('counts VarChar lengths in UTF-8 bytes and rounds suggestions to powers of two', () => {
    expect(utf8Length('año')).toBe(4);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('日本')).toBe(6);
    expect(suggestVarCharLength(0)).toBe(16);
    expect(suggestVarCharLength(88)).toBe(256);
    expect(suggestVarCharLength(100)).toBe(256);
    expect(suggestVarCharLength(50_000)).toBe(65535);
    const s = inferSchema(asSamples([{ name: 'ñandú' }, { name: 'niño' }]));
    expect(field(s, 'name').string?.maxBytes).toBe(7);
  });

  it('flattens nested objects and keeps the parent as a JSON candidate', () => {
    const s = inferSchema(asSamples([{ id: 1, meta: { author: 'ana', stats: { claps: 3 } } }, { id: 2, meta: { author: 'bo' } }]));
    expect(s.fields.map((f) => f.path)).toEqual(['id', 'meta', 'meta.author', 'meta.stats', 'meta.stats.claps']);
    expect(field(s, 'meta').types).toEqual({ object: 2 });
    expect(field(s, 'meta.stats.claps')).toMatchObject({ depth: 2, present: 1, missing: 1, missingRatio: 0.5 });
    const schema = suggestCollectionSchema(s, { collectionName: 'c' });
    expect(schema.fields.find((f) => f.name === 'meta')).toEqual({ name: 'meta', dataType: 'JSON' });
    expect(schema.fields.some((f) => f.name.includes('.'))).toBe(false);
  });

  it('reports null and missing ratios and marks such fields nullable', () => {
    const s = inferSchema(asSamples([{ id: 1, score: 1.5, tag: 'a' }, { id: 2, score: null }, { id: 3, score: 2, tag: 'b' }, { id: 4, score: 3 }]));
    expect(field(s, 'score')).toMatchObject({ nulls: 1, nullRatio: 0.25, missing: 0, types: { float: 1, null: 1, integer: 2 } });
    expect(field(s, 'tag')).toMatchObject({ missing: 2, missingRatio: 0.5 });
    const fields = suggestCollectionSchema(s, { collectionName: 'c' }).fields;
    expect(fields.find((f) => f.name === 'score')).toEqual({ name: 'score', dataType: 'Double', nullable: true });
    expect(fields.find((f) => f.name === 'tag')).toMatchObject({ dataType: 'VarChar', nullable: true });
  });

  it('builds a length histogram and flags byte arrays as binary vector candidates', () => {
    const bytes = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (i * 37 + seed) % 256);
    const s = inferSchema(asSamples([{ v: [0.1, 0.2, 0.3], b: bytes(16, 1) }, { v: [0.1, 0.2, 0.3], b: bytes(16, 2) }, { v: [0.5, 0.1], b: bytes(16, 3) }]));
    expect(field(s, 'v').numberArray).toMatchObject({ dim: 3, lengths: [{ length: 3, count: 2 }, { length: 2, count: 1 }], vectorCandidate: false });
    expect(field(s, 'b').numberArray).toMatchObject({ dim: 16, allBytes: true, binaryCandidate: true });
    const fields = suggestCollectionSchema(s, { collectionName: 'c' }).fields;
    expect(fields.find((f) => f.name === 'b')).toEqual({ name: 'b', dataType: 'BinaryVector', dim: 128 });
    // Ragged number arrays are not a vector: an Array field keeps them.
    expect(fields.find((f) => f.name === 'v')).toMatchObject({ dataType: 'Array', elementType: 'Double' });
  });

  it('detects base64 float32 vectors and ignores ordinary strings', () => {
    const vec = (i: number) => Array.from({ length: 16 }, (_, j) => Math.sin(i + j) / 4);
    const s = inferSchema(asSamples([1, 2, 3].map((i) => ({ id: `doc-${i}`, emb: float32Base64(vec(i)), note: 'aGVsbG8gd29ybGQh' }))));
    expect(field(s, 'emb').base64Vector).toMatchObject({ dim: 16, share: 1, count: 3 });
    expect(field(s, 'note').base64Vector).toBeUndefined();
    expect(s.base64VectorPaths).toEqual(['emb']);
    expect(base64VectorLength('not base64 at all')).toBe(0);
    const schema = suggestCollectionSchema(s, { collectionName: 'c' });
    expect(schema.fields.find((f) => f.name === 'emb')).toEqual({ name: 'emb', dataType: 'FloatVector', dim: 16 });
    expect(schema.fields[0]).toMatchObject({ name: 'id', dataType: 'VarChar', isPrimaryKey: true });
  });

  it('detects Kafka Connect envelopes and infers the payload', () => {
    const envelope = (i: number) => ({
      schema: { type: 'struct', fields: [{ field: 'id', type: 'int64' }, { field: 'title', type: 'string' }], optional: false },
      payload: { id: i, title: `t${i}` },
    });
    const s = inferSchema(asSamples([envelope(1), envelope(2)]));
    expect(s.format).toBe('connect');
    expect(s.formats).toEqual({ json: 0, connect: 2 });
    expect(s.fields.map((f) => f.path)).toEqual(['id', 'title']);
  });

  it('counts unparseable values and keeps the first reasons', () => {
    const s = inferSchema([{ value: '{"id": 1}' }, { value: '{"id": ' }, { value: null }, { value: new TextEncoder().encode('{"id": 2}') }]);
    expect(s.parsedCount).toBe(2);
    expect(s.unparseable.count).toBe(2);
    expect(s.unparseable.reasons.map((r) => r.index)).toEqual([1, 2]);
    expect(s.unparseable.reasons[0]?.code).toBe('invalid_json');
    // Each reason carries its words, whose English is the message (the schema view translates them).
    for (const r of s.unparseable.reasons) expect(r.words && englishPhrase(r.words)).toBe(r.message);
    expect(field(s, 'id').present).toBe(2);
  });

  it('keeps 64-bit ids exact as bigint and still proposes them as Int64 keys', () => {
    const s = inferSchema([{ value: '{"id": 9223372036854775807, "v": [0.5, 0.25]}' }, { value: '{"id": 9007199254740993, "v": [0.5, 0.25]}' }]);
    expect(field(s, 'id').types).toEqual({ bigint: 2 });
    expect(s.primaryKeyCandidates[0]).toMatchObject({ path: 'id', kind: 'integer' });
    expect(suggestCollectionSchema(s, { collectionName: 'c' }).fields[0]).toEqual({ name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: false });
  });

  it('ranks key candidates by name and falls back to autoID without a trustworthy key', () => {
    const s = inferSchema(asSamples([{ n: 1, docId: 'a', id: 1 }, { n: 2, docId: 'b', id: 1 }]));
    // `id` repeats, so it is no candidate; docId has a name hint, n is unique only by chance.
    expect(s.primaryKeyCandidates.map((c) => [c.path, c.strong])).toEqual([['docId', true], ['n', false]]);
    const weak = inferSchema(asSamples([{ id: 1, n: 1, v: [0.1, 0.2] }, { id: 1, n: 2, v: [0.3, 0.4] }]));
    const pk = suggestCollectionSchema(weak, { collectionName: 'c' }).fields[0];
    expect(pk).toEqual({ name: 'pk', dataType: 'Int64', isPrimaryKey: true, autoID: true });
  });

  it('maps string lists to Array(VarChar) and mixed values to JSON', () => {
    const s = inferSchema(asSamples([{ tags: ['a', 'bb'], any: 1 }, { tags: [], any: 'x' }, { tags: ['ccc', 'd', 'e'], any: [1] }]));
    const fields = suggestCollectionSchema(s, { collectionName: 'c' }).fields;
    expect(fields.find((f) => f.name === 'tags')).toEqual({ name: 'tags', dataType: 'Array', elementType: 'VarChar', maxLength: 16, maxCapacity: 8 });
    expect(fields.find((f) => f.name === 'any')).toEqual({ name: 'any', dataType: 'JSON' });
  });

  it('keeps within Milvus field limits, vectors first', () => {
    const msg: Record<string, unknown> = { id: 1 };
    for (let i = 0; i < 100; i++) msg[`f${i}`] = i;
    msg.vec = [0.1, 0.2, 0.3, 0.4];
    const fields = suggestCollectionSchema(inferSchema(asSamples([msg])), { collectionName: 'c' }).fields;
    expect(fields).toHaveLength(64);
    expect(fields.some((f) => f.name === 'vec')).toBe(true);
  });
});
