// The malformed-input corpus: exact message bytes and what must come of each. Codes are the
// conversion's (shared/convert/types.ts); `field` is what the DLQ's __studio.errors.field must say
// ('' for record-level errors). Ids 100000+ never collide with the good records interleaved.
import type { ConversionErrorCode } from '../../shared/convert';
import type { CollectionSchema } from '../../shared/milvus-schema';
import { vector } from './support/dataset';

export type Outcome = 'dead-letter' | 'skipped' | 'written';

export interface MalformedKind {
  kind: string;
  /** Exact value bytes; null is a tombstone. */
  value: Buffer | null;
  /** Expected code from decodeValue/convertRecord; undefined when the record is valid. */
  code?: ConversionErrorCode;
  field?: string;
  outcome: Outcome;
  /** Which pipeline consumes it: the main collection, or the autoID one. */
  target: 'main' | 'autoid';
  /** Row id that must be in Milvus (outcome 'written'), with the title it must have. */
  id?: number;
  title?: string;
  /** Sent just before `value`, same key and partition (duplicate-key kinds). */
  earlier?: Buffer;
}

/** Main collection: dynamic field off, extraFields 'error'. */
export const CORPUS_SCHEMA: CollectionSchema = {
  name: 'corpus',
  enableDynamicField: false,
  fields: [
    { name: 'id', dataType: 'Int64', isPrimaryKey: true },
    { name: 'title', dataType: 'VarChar', maxLength: 64 },
    { name: 'vec', dataType: 'FloatVector', dim: 8 },
    { name: 'flag', dataType: 'Bool', nullable: true },
    { name: 'score', dataType: 'Int32', nullable: true },
    { name: 'tags', dataType: 'Array', elementType: 'VarChar', maxCapacity: 4, maxLength: 16, nullable: true },
    { name: 'meta', dataType: 'JSON', nullable: true },
  ],
};

/** autoID collection: a message that brings the primary key is rejected under extraFields 'error'. */
export const AUTOID_SCHEMA: CollectionSchema = {
  name: 'corpus_autoid',
  enableDynamicField: false,
  fields: [
    { name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: true },
    { name: 'title', dataType: 'VarChar', maxLength: 64 },
    { name: 'vec', dataType: 'FloatVector', dim: 8 },
  ],
};

const MiB = 1024 * 1024;
let next = 100_000;

/** A valid record with a fresh id, with `over` applied (undefined deletes a key). */
function rec(over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = next++;
  const r: Record<string, unknown> = { id, title: `corpus ${id}`, vec: vector(id) };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete r[k];
    else r[k] = v;
  }
  return r;
}

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v), 'utf8');
const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? text(p) : Buffer.from(p))));
/** JSON text of a record with `"vec": <raw>` spliced in verbatim. */
const withRawVec = (raw: string): Buffer => text(JSON.stringify(rec({ vec: '@V@' })).replace('"@V@"', raw));
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const f32le = (n: number): string => Buffer.from(new Float32Array(Array.from({ length: n }, (_, i) => i / 10)).buffer).toString('base64');

const bad = (kind: string, value: Buffer | null, code: ConversionErrorCode, field = '', target: 'main' | 'autoid' = 'main'): MalformedKind => ({ kind, value, code, field, outcome: 'dead-letter', target });

function written(kind: string, value: Buffer, id: number, title: string, earlier?: Buffer): MalformedKind {
  return { kind, value, outcome: 'written', target: 'main', id, title, ...(earlier ? { earlier } : {}) };
}

function duplicateInBatch(): MalformedKind {
  const first = rec({ title: 'dup first' });
  const id = first.id as number;
  return written('duplicate key in one batch (upsert keeps last)', json({ ...first, title: 'dup last' }), id, 'dup last', json(first));
}

function bomPrefixed(): MalformedKind {
  const r = rec();
  return written('BOM-prefixed JSON (RFC 8259 lets parsers skip it)', bytes([0xef, 0xbb, 0xbf], JSON.stringify(r)), r.id as number, r.title as string);
}

function duplicateMembers(): MalformedKind {
  const r = rec();
  const raw = JSON.stringify(r).replace('"title":', '"title":"first","title":');
  return written('duplicate member names in one object (last wins, as JSON.parse)', text(raw), r.id as number, r.title as string);
}

export function buildCorpus(): MalformedKind[] {
  next = 100_000;
  return [
    // Not JSON at all, or not text.
    bad('truncated JSON', text(JSON.stringify(rec()).slice(0, 30)), 'invalid_json'),
    bad('trailing comma', text(JSON.stringify(rec()).replace(/}$/, ',}')), 'invalid_json'),
    bad('single-quoted keys', text(`{'id': ${next++}}`), 'invalid_json'),
    bad('NaN token in a vector', withRawVec('[NaN,0,0,0,0,0,0,0]'), 'invalid_json'),
    bad('Infinity token in a vector', withRawVec('[Infinity,0,0,0,0,0,0,0]'), 'invalid_json'),
    bad('raw control character in a string', text(JSON.stringify(rec()).replace('corpus', 'cor\u0001pus')), 'invalid_json'),
    bad('UTF-16LE encoded JSON', Buffer.from(JSON.stringify(rec()), 'utf16le'), 'invalid_json'),
    bad('truncated UTF-8 sequence', bytes(`{"id":${next++},"title":"caf`, [0xc3], '"}'), 'invalid_utf8'),
    bad('lone surrogate as UTF-8 bytes (CESU)', bytes(`{"id":${next++},"title":"x`, [0xed, 0xa0, 0x80], '"}'), 'invalid_utf8'),
    bad('overlong UTF-8 encoding', bytes(`{"id":${next++},"title":"`, [0xc0, 0xaf], '"}'), 'invalid_utf8'),
    bad('binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0xfe]), 'invalid_utf8'),
    bad('empty value (0 bytes)', Buffer.alloc(0), 'empty_value'),
    bad('whitespace only', text(' \n\t\r '), 'empty_value'),
    { kind: 'tombstone (null value)', value: null, code: 'empty_value', field: '', outcome: 'skipped', target: 'main' },
    bad('huge message (9 MiB > 8 MiB limit)', text(JSON.stringify(rec({ title: 'x'.repeat(9 * MiB) }))), 'too_large'),
    // JSON, but not an object.
    bad('JSON array instead of an object', json([rec()]), 'not_an_object'),
    bad('number instead of an object', text('42'), 'not_an_object'),
    bad('string instead of an object', text('"hello"'), 'not_an_object'),
    bad('JSON null', text('null'), 'not_an_object'),
    // Vectors.
    bad('vector too short (7 of 8)', json(rec({ vec: vector(1).slice(1) })), 'wrong_dimension', 'vec'),
    bad('vector too long (9 of 8)', json(rec({ vec: [...vector(1), 0.5] })), 'wrong_dimension', 'vec'),
    bad('strings in a vector', json(rec({ vec: vector(2).map(String) })), 'invalid_vector', 'vec'),
    bad('"NaN"/"Infinity" as strings in a vector', json(rec({ vec: ['NaN', 'Infinity', 0, 0, 0, 0, 0, 0] })), 'invalid_vector', 'vec'),
    bad('vector element beyond float32 (1e39)', withRawVec('[1e39,0,0,0,0,0,0,0]'), 'invalid_vector', 'vec'),
    bad('vector element overflowing to Infinity (1e999)', withRawVec('[1e999,0,0,0,0,0,0,0]'), 'invalid_vector', 'vec'),
    bad('nested arrays in a vector', json(rec({ vec: vector(3).map((v) => [v]) })), 'invalid_vector', 'vec'),
    bad('null element in a vector', json(rec({ vec: [null, 0, 0, 0, 0, 0, 0, 0] })), 'invalid_vector', 'vec'),
    bad('vector as an object', json(rec({ vec: { 0: 0.1 } })), 'wrong_type', 'vec'),
    bad('bad base64 vector', json(rec({ vec: '@@not*base64@@' })), 'invalid_vector', 'vec'),
    bad('base64 vector of the wrong size (7 floats)', json(rec({ vec: f32le(7) })), 'wrong_dimension', 'vec'),
    // Scalars.
    bad('int64 overflow (2^63)', text(JSON.stringify(rec({ id: '@I@' })).replace('"@I@"', '9223372036854775808')), 'out_of_range', 'id'),
    bad('int64 given as a fraction', json(rec({ id: 1.5 })), 'wrong_type', 'id'),
    bad('int64 given as non-numeric text', json(rec({ id: '12a' })), 'wrong_type', 'id'),
    bad('bool given as a string', json(rec({ flag: 'true' })), 'wrong_type', 'flag'),
    bad('int32 overflow', json(rec({ score: 2147483648 })), 'out_of_range', 'score'),
    bad('VarChar over max_length (65 ASCII bytes)', json(rec({ title: 'a'.repeat(65) })), 'too_long', 'title'),
    bad('VarChar over max_length in bytes, not chars (22 × €)', json(rec({ title: '€'.repeat(22) })), 'too_long', 'title'),
    bad('lone surrogate escaped in JSON text', text(JSON.stringify(rec({ title: '@S@' })).replace('@S@', '\\ud800')), 'wrong_type', 'title'),
    bad('number for a VarChar', json(rec({ title: 42 })), 'wrong_type', 'title'),
    bad('array over max_capacity (5 > 4)', json(rec({ tags: ['a', 'b', 'c', 'd', 'e'] })), 'over_capacity', 'tags'),
    bad('wrong array element type', json(rec({ tags: [1, 2] })), 'wrong_type', 'tags'),
    bad('null array element', json(rec({ tags: ['a', null] })), 'null_not_allowed', 'tags'),
    bad('array element over max_length', json(rec({ tags: ['x'.repeat(17)] })), 'too_long', 'tags'),
    bad('null in a non-nullable field', json(rec({ title: null })), 'null_not_allowed', 'title'),
    bad('missing primary key', json(rec({ id: undefined })), 'missing_field', 'id'),
    bad('missing vector', json(rec({ vec: undefined })), 'missing_field', 'vec'),
    bad('unknown field, extra fields set to error', json(rec({ color: 'red' })), 'unknown_field', 'color'),
    bad('"__proto__" key (prototype pollution attempt)', text(JSON.stringify(rec()).replace(/^{/, '{"__proto__":{"polluted":1},')), 'unknown_field', '__proto__'),
    bad('JSON nested deeper than 128 levels', text(JSON.stringify(rec({ meta: '@M@' })).replace('"@M@"', nested(200))), 'wrong_type', 'meta'),
    bad('JSON nested 100 000 levels', text(JSON.stringify(rec({ meta: '@M@' })).replace('"@M@"', nested(100_000))), 'wrong_type', 'meta'),
    // Kafka Connect envelopes.
    bad('Connect envelope whose schema contradicts the payload', json({ schema: { type: 'struct', fields: [{ field: 'id', type: 'int64' }, { field: 'title', type: 'string' }] }, payload: rec({ id: 'abc' }) }), 'envelope_mismatch', 'id'),
    bad('Connect envelope: struct schema, array payload', json({ schema: { type: 'struct', fields: [] }, payload: [rec()] }), 'envelope_mismatch'),
    bad('Connect envelope with a null payload', json({ schema: { type: 'struct', fields: [] }, payload: null }), 'empty_value'),
    // autoID collection.
    bad('primary key supplied to an autoID collection (extraFields error)', json(rec()), 'pk_on_auto_id', 'id', 'autoid'),
    // Tolerated: must be written, not dead-lettered.
    bomPrefixed(),
    duplicateMembers(),
    duplicateInBatch(),
  ];
}
