import { describe, expect, it } from 'vitest';
import { compileSchema, convertRecord, decodeValue } from '../../../shared/convert';
import type { ConvertResult } from '../../../shared/convert';
import { DOCS, failure, field, opts, schema } from './fixtures';

const VEC = [0.1, 0.2, 0.3, 0.4];

function rowOf(r: ConvertResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

describe('convertRecord: basics', () => {
  it('maps fields by identical name', () => {
    const r = rowOf(convertRecord({ id: 1, title: 'a', title_vector: VEC }, DOCS, opts()));
    expect(r.row).toEqual({ id: 1, title: 'a', title_vector: VEC });
    expect(r.row.title_vector).toBe(VEC);
    expect(r.dropped).toEqual([]);
  });

  it('rejects values that are not objects', () => {
    expect(failure(convertRecord([1], DOCS, opts()), 'not_an_object')).toMatch(/JSON array/);
    failure(convertRecord('x', DOCS, opts()), 'not_an_object');
    failure(convertRecord(null, DOCS, opts()), 'not_an_object');
  });

  it('reports the first bad field with its name', () => {
    const r = convertRecord({ id: 1, title: 'a', title_vector: [1, 2, 3] }, DOCS, opts());
    expect(failure(r, 'wrong_dimension')).toBe('field title_vector: expected 4 numbers, got 3');
    expect(r.ok ? undefined : r.error.field).toBe('title_vector');
  });

  it('requires a non-autoID primary key', () => {
    expect(failure(convertRecord({ title: 'a', title_vector: VEC }, DOCS, opts()), 'missing_field')).toMatch(/^field id: missing/);
  });

  it('keeps Int64 primary keys beyond 2^53 exact, end to end from bytes', () => {
    const d = decodeValue('{"id":9223372036854775807,"title":"a","title_vector":[0.1,0.2,0.3,0.4]}', 'auto');
    expect(d.ok).toBe(true);
    const r = rowOf(convertRecord(d.ok ? d.value : null, DOCS, opts()));
    expect(r.row.id).toBe('9223372036854775807');
  });

  it('reads Kafka Connect payloads like plain messages', () => {
    const env = { schema: { type: 'struct', fields: [{ field: 'id', type: 'int64' }] }, payload: { id: 5, title: 't', title_vector: VEC } };
    const d = decodeValue(JSON.stringify(env), 'connect');
    expect(rowOf(convertRecord(d.ok ? d.value : null, DOCS, opts())).row).toEqual({ id: 5, title: 't', title_vector: VEC });
  });
});

describe('convertRecord: mapping and ignore', () => {
  it('reads mapped dot paths and literal dotted keys', () => {
    const o = opts({ mapping: [{ source: 'doc.id', target: 'id' }, { source: 'emb.v', target: 'title_vector' }] });
    const r = rowOf(convertRecord({ doc: { id: 3 }, 'emb.v': VEC, title: 'x' }, DOCS, o));
    expect(r.row).toEqual({ id: 3, title: 'x', title_vector: VEC });
    expect(r.dropped).toEqual([]);
  });

  it('reports a missing mapped source as the target field', () => {
    const o = opts({ mapping: [{ source: 'doc.id', target: 'id' }] });
    expect(failure(convertRecord({ doc: {}, title: 'x', title_vector: VEC }, DOCS, o), 'missing_field')).toMatch(/^field id:/);
    failure(convertRecord({ doc: 5, title: 'x', title_vector: VEC }, DOCS, o), 'missing_field');
  });

  it('does not read inherited properties as fields', () => {
    const s = schema([field('constructor', 'VarChar', { nullable: true })], false);
    expect(rowOf(convertRecord({}, s, opts())).row).toEqual({ constructor: null });
  });

  it('skips ignored source fields: not extras, and not read for fields', () => {
    const o = opts({ ignore: ['debug', 'title'], extraFields: 'error' });
    const s = schema([field('id', 'Int64', { isPrimaryKey: true }), field('title', 'VarChar', { nullable: true, maxLength: 9 })]);
    const r = rowOf(convertRecord({ id: 1, title: 'x', debug: { a: 1 } }, s, o));
    expect(r.row).toEqual({ id: 1, title: null });
  });

  it('removes ignored nested paths from JSON fields and dynamic extras', () => {
    const s = schema([field('id', 'Int64', { isPrimaryKey: true }), field('doc', 'JSON')]);
    const msg = { id: 1, doc: { keep: 1, secret: 2 }, extra: { a: 1, pw: 'x' } };
    const r = rowOf(convertRecord(msg, s, opts({ ignore: ['doc.secret', 'extra.pw'] })));
    expect(r.row).toEqual({ id: 1, doc: { keep: 1 }, extra: { a: 1 } });
    expect(msg.doc).toEqual({ keep: 1, secret: 2 });
  });

  it('renames into the dynamic field when a mapping targets a name outside the schema', () => {
    const r = rowOf(convertRecord({ id: 1, title: 'a', title_vector: VEC, src: { lang: 'en' } }, DOCS, opts({ mapping: [{ source: 'src.lang', target: 'lang' }] })));
    expect(r.row).toEqual({ id: 1, title: 'a', title_vector: VEC, lang: 'en' });
  });
});

describe('convertRecord: primary keys Milvus generates', () => {
  const auto = schema([field('pk', 'Int64', { isPrimaryKey: true, autoID: true }), field('v', 'FloatVector', { dim: 4 })]);

  it('never puts an autoID primary key in the row', () => {
    expect(rowOf(convertRecord({ v: VEC }, auto, opts())).row).toEqual({ v: VEC });
  });

  it('drops a supplied autoID primary key and reports it (dynamic and drop)', () => {
    for (const extraFields of ['dynamic', 'drop'] as const) {
      const r = rowOf(convertRecord({ pk: 5, v: VEC }, auto, opts({ extraFields })));
      expect(r.row).toEqual({ v: VEC });
      expect(r.dropped).toEqual(['pk']);
    }
  });

  it("rejects a supplied autoID primary key when extra fields are 'error'", () => {
    expect(failure(convertRecord({ pk: 5, v: VEC }, auto, opts({ extraFields: 'error' })), 'pk_on_auto_id')).toMatch(/^field pk: .*autoID/);
    expect(convertRecord({ pk: null, v: VEC }, auto, opts({ extraFields: 'error' })).ok).toBe(true);
  });

  it('never supplies function output fields', () => {
    const s = schema([
      field('id', 'Int64', { isPrimaryKey: true }),
      field('text', 'VarChar', { maxLength: 100 }),
      field('sparse', 'SparseFloatVector', { isFunctionOutput: true }),
    ]);
    expect(rowOf(convertRecord({ id: 1, text: 'hi' }, s, opts())).row).toEqual({ id: 1, text: 'hi' });
    const r = rowOf(convertRecord({ id: 1, text: 'hi', sparse: { 1: 0.5 } }, s, opts()));
    expect(r.row).toEqual({ id: 1, text: 'hi' });
    expect(r.dropped).toEqual(['sparse']);
    failure(convertRecord({ id: 1, text: 'hi', sparse: { 1: 0.5 } }, s, opts({ extraFields: 'error' })), 'unknown_field');
  });
});

describe('convertRecord: missing, null and default values', () => {
  const s = schema([
    field('id', 'Int64', { isPrimaryKey: true }),
    field('n', 'Int32', { nullable: true }),
    field('d', 'VarChar', { defaultValue: 'x', maxLength: 5 }),
    field('both', 'Int32', { nullable: true, defaultValue: 7 }),
  ]);
  it('fills null for nullable fields and leaves default-valued fields out', () => {
    const r = rowOf(convertRecord({ id: 1 }, s, opts()));
    expect(r.row).toEqual({ id: 1, n: null });
    expect(Object.keys(r.row)).toEqual(['id', 'n']);
  });
  it('passes given values through', () => {
    expect(rowOf(convertRecord({ id: 1, n: 2, d: 'y', both: 3 }, s, opts())).row).toEqual({ id: 1, n: 2, d: 'y', both: 3 });
  });
});

describe('convertRecord: extra fields', () => {
  const msg = () => ({ id: 1, title: 'a', title_vector: VEC, lang: 'en', tags: { a: [1, 2] } });

  it("'dynamic' keeps extras at the top of the row (the SDK moves them into $meta)", () => {
    const r = rowOf(convertRecord(msg(), DOCS, opts({ extraFields: 'dynamic' })));
    expect(r.row).toEqual(msg());
    expect(r.dropped).toEqual([]);
  });

  it("'dynamic' drops and reports extras when the collection has no dynamic field", () => {
    const r = rowOf(convertRecord(msg(), { ...DOCS, enableDynamicField: false }, opts()));
    expect(r.row).toEqual({ id: 1, title: 'a', title_vector: VEC });
    expect(r.dropped).toEqual(['lang', 'tags']);
  });

  it("'drop' drops and reports extras", () => {
    const r = rowOf(convertRecord(msg(), DOCS, opts({ extraFields: 'drop' })));
    expect(r.row).toEqual({ id: 1, title: 'a', title_vector: VEC });
    expect(r.dropped).toEqual(['lang', 'tags']);
  });

  it("'error' rejects the record, naming the first extra field", () => {
    const r = convertRecord(msg(), DOCS, opts({ extraFields: 'error' }));
    expect(failure(r, 'unknown_field')).toMatch(/^field lang: is not in the collection schema/);
    expect(r.ok ? undefined : r.error.field).toBe('lang');
  });

  it('keeps big integers in extras as exact strings', () => {
    const r = rowOf(convertRecord({ ...msg(), ext: 12345678901234567890n }, DOCS, opts()));
    expect(r.row.ext).toBe('12345678901234567890');
  });

  it('rejects extras JSON cannot carry', () => {
    expect(failure(convertRecord({ ...msg(), bad: [1, Infinity] }, DOCS, opts()), 'wrong_type')).toMatch(/^field bad: at \$\[1\]/);
  });

  it('merges a "$meta" object into the extras, top-level keys winning', () => {
    const r = rowOf(convertRecord({ id: 1, title: 'a', title_vector: VEC, lang: 'en', $meta: { lang: 'de', src: 'web' } }, DOCS, opts()));
    expect(r.row).toEqual({ id: 1, title: 'a', title_vector: VEC, lang: 'en', src: 'web' });
    expect(r.dropped).toEqual(['$meta.lang']);
  });

  it('drops extras whose name belongs to a schema field read from elsewhere', () => {
    const o = opts({ mapping: [{ source: 'name', target: 'title' }] });
    const r = rowOf(convertRecord({ id: 1, name: 'n', title: 't', title_vector: VEC }, DOCS, o));
    expect(r.row).toEqual({ id: 1, title: 'n', title_vector: VEC });
    expect(r.dropped).toEqual(['title']);
  });

  it('never lets a "__proto__" key change the row prototype', () => {
    const value = JSON.parse('{"id":1,"title":"a","title_vector":[0.1,0.2,0.3,0.4],"__proto__":{"x":1}}') as unknown;
    const r = rowOf(convertRecord(value, DOCS, opts()));
    expect(Object.getPrototypeOf(r.row)).toBe(Object.prototype);
    expect(r.dropped).toEqual(['__proto__']);
  });
});

describe('compileSchema', () => {
  it('returns a reusable converter equal to convertRecord', () => {
    const o = opts();
    const c = compileSchema(DOCS, o);
    const m = { id: 1, title: 'a', title_vector: VEC };
    expect(c(m)).toEqual(convertRecord(m, DOCS, o));
    expect(c({ id: 2, title: 'b', title_vector: VEC })).toMatchObject({ ok: true, row: { id: 2 } });
  });
});
