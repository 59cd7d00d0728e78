import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../../shared/convert/types';
import type { CollectionSchema } from '../../../shared/milvus-schema';
import { decodeSamples, EXPLAIN_CODES, explain, inferDecoded, matchSchemas, type MatchReport, type Sample } from '../../../shared/schema';
import { asSamples, DEFAULT_OPTS, float32Base64, SEED, seedCollection, seedMessages } from './fixtures';

function run(samples: Sample[], collection: CollectionSchema, opts: Partial<ConvertOptions> = {}): MatchReport {
  const o: ConvertOptions = { ...DEFAULT_OPTS, ...opts };
  const decoded = decodeSamples(samples, o.valueFormat);
  return matchSchemas(inferDecoded(decoded), decoded.values, collection, o);
}

const rowFor = (r: MatchReport, name: string) => {
  const row = r.rows.find((x) => x.target === name || x.source.includes(name));
  if (!row) throw new Error(`no row for ${name}: ${JSON.stringify(r.rows.map((x) => [x.source, x.target]))}`);
  return row;
};

describe('matchSchemas', () => {
  it('seed message vs the tutorial collection: ready', () => {
    const r = run(asSamples([SEED]), seedCollection(8));
    expect(r.verdict).toBe('ready');
    expect(r.recordsOk).toBe(1);
    expect(r.rows.map((x) => [x.target, x.status, x.severity, x.okFraction])).toEqual([
      ['id', 'match', 'ok', 1],
      ['title', 'match', 'ok', 1],
      ['title_vector', 'match', 'ok', 1],
      ['link', 'match', 'ok', 1],
    ]);
    expect(rowFor(r, 'title_vector')).toMatchObject({ targetType: 'FloatVector(8)', sourceType: 'numbers[8]', samples: ['[0.04173, 0.01378, -0.02756, … 8 items]'] });
    expect(r.explanation).toMatchObject({ code: 'verdict_ready', text: 'Ready: the sampled message converts.' });
  });

  it('seed message vs dim 16: dimension_mismatch with the sentence, blocked', () => {
    const r = run(asSamples(seedMessages(3)), seedCollection(16));
    const row = rowFor(r, 'title_vector');
    expect(row).toMatchObject({ status: 'dimension_mismatch', severity: 'error', okFraction: 0 });
    expect(row.explanation).toMatchObject({ code: 'dimension_mismatch', params: { target: 'title_vector', got: 8, expected: 16 } });
    expect(row.explanation.text).toBe('title_vector: messages carry 8 numbers, the collection expects 16.');
    expect(row.firstError?.code).toBe('wrong_dimension');
    expect(r.verdict).toBe('blocked');
    expect(r.recordsOk).toBe(0);
    expect(r.byStatus.dimension_mismatch).toBe(1);
  });

  it('a partial mismatch is a warning with the fraction that converts', () => {
    const msgs = seedMessages(4);
    (msgs[3] as Record<string, unknown>).title_vector = [0.1, 0.2];
    const r = run(asSamples(msgs), seedCollection(8));
    expect(rowFor(r, 'title_vector')).toMatchObject({ status: 'dimension_mismatch', severity: 'warning', okFraction: 0.75 });
    expect(rowFor(r, 'title_vector').explanation.params.got).toBe(2);
    expect(r).toMatchObject({ verdict: 'warnings', recordsOk: 3 });
    expect(r.recordErrors[0]).toMatchObject({ index: 3, error: { code: 'wrong_dimension', field: 'title_vector' } });
  });

  it('type_mismatch: strings for an Int64 and text longer than max_length', () => {
    const c = seedCollection(8);
    const long = 'x'.repeat(600);
    const r = run(asSamples([{ ...SEED, id: 'a-1', title: long }, { ...SEED, id: 'a-2' }]), c);
    const id = rowFor(r, 'id');
    expect(id).toMatchObject({ status: 'type_mismatch', severity: 'error', okFraction: 0 });
    expect(id.explanation.text).toBe('id: messages carry string ≤ 3 B, the collection expects Int64 PK (2 of 2 fail).');
    const title = rowFor(r, 'title');
    expect(title).toMatchObject({ status: 'type_mismatch', severity: 'warning', okFraction: 0.5 });
    expect(title.explanation).toMatchObject({ code: 'too_long', params: { expected: 512, got: 600, bad: 1 } });
  });

  it('missing_required, with a hint for a similarly named field', () => {
    const c: CollectionSchema = { ...seedCollection(8), fields: [...seedCollection(8).fields, { name: 'claps', dataType: 'Int64' }] };
    const r = run(asSamples([{ ...SEED, Claps: 3 }]), c);
    const row = rowFor(r, 'claps');
    expect(row).toMatchObject({ status: 'missing_required', severity: 'error', present: 0, source: ['claps'] });
    expect(row.explanation.text).toBe('claps: required, but no message has "claps".');
    expect(row.hint).toMatchObject({ code: 'hint_similar_name', params: { candidate: 'Claps', target: 'claps' } });
    expect(r.verdict).toBe('blocked');
  });

  it('missing_optional for nullable and default fields; a mapping fixes the hint', () => {
    const c: CollectionSchema = {
      ...seedCollection(8),
      fields: [...seedCollection(8).fields, { name: 'claps', dataType: 'Int64', nullable: true }, { name: 'lang', dataType: 'VarChar', maxLength: 8, defaultValue: 'en' }],
    };
    const r = run(asSamples([SEED]), c);
    expect(rowFor(r, 'claps')).toMatchObject({ status: 'missing_optional', severity: 'ok' });
    expect(rowFor(r, 'lang').explanation.text).toBe('lang: no message has "lang"; the field will take its default (en).');
    expect(r.verdict).toBe('ready');
    const mapped = run(asSamples([{ ...SEED, meta: { claps: 7 } }]), c, { mapping: [{ source: 'meta.claps', target: 'claps' }] });
    expect(rowFor(mapped, 'claps')).toMatchObject({ status: 'match', source: ['meta.claps'], okFraction: 1 });
    // meta is read by a mapping, so it is no extra field.
    expect(mapped.rows.some((x) => x.source.includes('meta') && x.status.startsWith('extra'))).toBe(false);
  });

  it('extra fields: $meta with a dynamic field, dropped without one, rejected in strict mode', () => {
    const msg = [{ ...SEED, author: 'ana' }];
    const dyn = rowFor(run(asSamples(msg), seedCollection(8)), 'author');
    expect(dyn).toMatchObject({ status: 'extra_dynamic', severity: 'ok', target: '$meta', samples: ['"ana"'] });
    const noDyn = rowFor(run(asSamples(msg), { ...seedCollection(8), enableDynamicField: false }), 'author');
    expect(noDyn).toMatchObject({ status: 'extra_dropped', severity: 'warning', explanation: { code: 'extra_dropped_no_dynamic' } });
    const policy = rowFor(run(asSamples(msg), seedCollection(8), { extraFields: 'drop' }), 'author');
    expect(policy).toMatchObject({ status: 'extra_dropped', severity: 'ok', explanation: { code: 'extra_dropped_policy' } });
    const strict = run(asSamples(msg), seedCollection(8), { extraFields: 'error' });
    expect(rowFor(strict, 'author')).toMatchObject({ status: 'extra_dropped', severity: 'error', explanation: { code: 'extra_rejected' } });
    expect(strict.verdict).toBe('blocked');
  });

  it('a mapping to a name outside the collection renames into $meta; a shadowed key is dropped', () => {
    const r = run(asSamples([{ ...SEED, meta: { author: 'ana' } }]), seedCollection(8), { mapping: [{ source: 'meta.author', target: 'writer' }] });
    expect(rowFor(r, 'meta.author')).toMatchObject({ status: 'extra_dynamic', target: 'writer' });
    const shadow = run(asSamples([{ ...SEED, headline: 'h' }]), seedCollection(8), { mapping: [{ source: 'headline', target: 'title' }] });
    expect(rowFor(shadow, 'title')).toMatchObject({ source: ['headline'], status: 'match' });
    const dropped = shadow.rows.find((x) => x.source[0] === 'title');
    expect(dropped).toMatchObject({ status: 'extra_dropped', severity: 'warning', explanation: { code: 'extra_dropped_shadowed', params: { mapped: 'headline' } } });
  });

  it('pk_on_auto_id: the message id is dropped, or rejected in strict mode', () => {
    const c = seedCollection(8);
    const auto: CollectionSchema = { ...c, fields: c.fields.map((f) => (f.name === 'id' ? { ...f, autoID: true } : f)) };
    const r = run(asSamples(seedMessages(2)), auto);
    expect(rowFor(r, 'id')).toMatchObject({ status: 'pk_on_auto_id', severity: 'warning' });
    expect(rowFor(r, 'id').explanation.text).toContain('the value is ignored');
    expect(r.recordsOk).toBe(2);
    const strict = run(asSamples(seedMessages(2)), auto, { extraFields: 'error' });
    expect(rowFor(strict, 'id')).toMatchObject({ status: 'pk_on_auto_id', severity: 'error' });
    expect(strict.recordErrors[0]?.error.code).toBe('pk_on_auto_id');
    const { id: _id, ...noId } = SEED;
    expect(rowFor(run(asSamples([noId]), auto), 'id')).toMatchObject({ status: 'match', explanation: { code: 'auto_id_generated' } });
  });

  it('pk_missing when messages lack the primary key', () => {
    const { id: _id, ...noId } = SEED;
    const r = run(asSamples([noId, SEED]), seedCollection(8));
    expect(rowFor(r, 'id')).toMatchObject({ status: 'pk_missing', severity: 'warning', okFraction: 0.5 });
    expect(rowFor(r, 'id').explanation.text).toBe('id: primary key, but 1 of 2 messages lack "id".');
  });

  it('function_output fields are filled by Milvus', () => {
    const c: CollectionSchema = { ...seedCollection(8), fields: [...seedCollection(8).fields, { name: 'sparse', dataType: 'SparseFloatVector', isFunctionOutput: true }] };
    const r = run(asSamples([SEED]), c);
    expect(rowFor(r, 'sparse')).toMatchObject({ status: 'function_output', severity: 'ok', okFraction: null });
    expect(r.verdict).toBe('ready');
  });

  it('ignored paths: a row for the ignored field, and the target misses it', () => {
    const c: CollectionSchema = { ...seedCollection(8), fields: seedCollection(8).fields.map((f) => (f.name === 'link' ? { ...f, nullable: true } : f)) };
    const r = run(asSamples([{ ...SEED, secret: 's' }]), c, { ignore: ['link', 'secret'] });
    expect(r.rows.filter((x) => x.status === 'ignored').map((x) => x.source[0])).toEqual(['link', 'secret']);
    expect(r.rows.find((x) => x.target === 'link')).toMatchObject({ status: 'missing_optional' });
    expect(r.verdict).toBe('ready');
  });

  it('Kafka Connect envelopes are unwrapped before matching', () => {
    const schema = { type: 'struct', fields: [{ field: 'id', type: 'int64' }, { field: 'title', type: 'string' }, { field: 'title_vector', type: 'array', items: { type: 'float' } }, { field: 'link', type: 'string' }] };
    const samples = asSamples(seedMessages(2).map((payload) => ({ schema, payload })));
    const decoded = decodeSamples(samples, 'auto');
    const inferred = inferDecoded(decoded);
    expect(inferred.format).toBe('connect');
    expect(matchSchemas(inferred, decoded.values, seedCollection(8), DEFAULT_OPTS).verdict).toBe('ready');
  });

  it('base64 vectors match a FloatVector, and a wrong size is counted in floats', () => {
    const msgs = seedMessages(2).map((m) => ({ ...m, title_vector: float32Base64(m.title_vector as number[]) }));
    const inferredRun = run(asSamples(msgs), seedCollection(8));
    expect(inferredRun.verdict).toBe('ready');
    expect(rowFor(inferredRun, 'title_vector').sourceType).toBe('base64 float32[8]');
    const wrong = run(asSamples(msgs), seedCollection(4));
    expect(rowFor(wrong, 'title_vector').explanation.text).toBe('title_vector: messages carry 8 numbers, the collection expects 4.');
    expect(run(asSamples(msgs), seedCollection(8), { vectorEncoding: 'array' }).verdict).toBe('blocked');
  });

  it('64-bit ids match Int64 exactly; values that are not objects block with the engine error', () => {
    const big = [{ value: `{"id": 9223372036854775807, "title": "t", "title_vector": ${JSON.stringify(SEED.title_vector)}, "link": "l"}` }];
    const r = run(big, seedCollection(8));
    expect(r.verdict).toBe('ready');
    expect(rowFor(r, 'id').samples).toEqual(['9223372036854775807']);
    const arrays = run([{ value: '[1, 2]' }, { value: '"text"' }], seedCollection(8));
    expect(arrays).toMatchObject({ verdict: 'blocked', recordsOk: 0, recordErrors: [{ index: 0, error: { code: 'not_an_object' } }, { index: 1 }] });
  });

  it('no samples: nothing to judge, not blocked', () => {
    const r = run([{ value: null }], seedCollection(8));
    expect(r).toMatchObject({ verdict: 'warnings', sampleCount: 0, rows: [], explanation: { code: 'verdict_no_samples' } });
  });

  it('every explanation code renders English text with no placeholder left', () => {
    const params = { mapped: 'm', target: 't', source: 's', total: 2, present: 1, missing: 1, bad: 1, got: 3, expected: 4, ok: 1, warnings: 1, errors: 1, detail: 'd', candidate: 'c', default: 'x', fill: 'null', outcome: 'ignored' };
    for (const code of EXPLAIN_CODES) {
      const e = explain(code, params);
      expect(e.text, code).not.toMatch(/undefined|\{|\}/);
      expect(e.text.length).toBeGreaterThan(10);
    }
  });
});
