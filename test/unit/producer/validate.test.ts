// Live validation in the renderer: JSON errors with line and column, every field problem at once,
// extra fields that would not be stored, Kafka's 1 MiB limit; and the editor's text helpers.
import { describe, expect, it } from 'vitest';
import { formatJson, parseVector, reformat, withFreshKey } from '../../../renderer/src/features/producer/message-text';
import { DEFAULT_RULES } from '../../../renderer/src/features/producer/rules';
import { validateMessage } from '../../../renderer/src/features/producer/validate';
import { englishDetail } from '../../../renderer/src/i18n/conversion-text';
import type { CollectionSchema } from '../../../shared/milvus-schema';

const schema: CollectionSchema = {
  name: 'c',
  enableDynamicField: false,
  fields: [
    { name: 'id', dataType: 'Int64', isPrimaryKey: true },
    { name: 'title', dataType: 'VarChar', maxLength: 8 },
    { name: 'title_vector', dataType: 'FloatVector', dim: 3 },
  ],
};

describe('validateMessage', () => {
  it('accepts a valid message and lists fields that would not be stored', () => {
    const v = validateMessage('{"id": 1, "title": "a", "title_vector": [1, 0, 0], "extra": true}', schema, DEFAULT_RULES);
    expect(v).toMatchObject({ ok: true, issues: [], dropped: ['extra'] });
  });

  it('points at the line and column of a JSON error', () => {
    const v = validateMessage('{\n  "id": 1,\n  "title": oops\n}', schema, DEFAULT_RULES);
    expect(v.ok).toBe(false);
    expect(v.issues[0]).toMatchObject({ kind: 'json', line: 3 });
  });

  it('reports every field problem at once, with field and reason', () => {
    const v = validateMessage('{"id": "x", "title": "far too long a title", "title_vector": [1, 2]}', schema, DEFAULT_RULES);
    const fields = v.issues.map((i) => (i.kind === 'field' ? [i.error.field, i.error.code] : [i.kind]));
    expect(fields).toEqual([
      ['id', 'wrong_type'],
      ['title', 'too_long'],
      ['title_vector', 'wrong_dimension'],
    ]);
    const dim = v.issues[2];
    expect(dim?.kind === 'field' && englishDetail(dim.error)).toBe('expected 3 numbers, got 2');
  });

  it('uses the pipeline rules: extra fields as errors in strict mode', () => {
    const v = validateMessage('{"id": 1, "title": "a", "title_vector": [1, 0, 0], "x": 1}', schema, { ...DEFAULT_RULES, extraFields: 'error' });
    expect(v.issues).toMatchObject([{ kind: 'field', error: { code: 'unknown_field', field: 'x' } }]);
  });

  it('says when the message is over Kafka’s 1 MiB limit', () => {
    const v = validateMessage(JSON.stringify({ id: 1, title: 'a', title_vector: [1, 0, 0], pad: 'x'.repeat(1_048_576) }), schema, DEFAULT_RULES);
    expect(v.issues[0]).toMatchObject({ kind: 'size' });
    expect(v.bytes).toBeGreaterThan(1_048_576);
  });

  it('checks only the JSON without a schema', () => {
    expect(validateMessage('{"anything": 1}', null, DEFAULT_RULES).ok).toBe(true);
    expect(validateMessage('', null, DEFAULT_RULES).ok).toBe(false);
  });
});

describe('editor text helpers', () => {
  it('formats with vectors on one line, and refuses to round big integers', () => {
    expect(formatJson({ a: [1, 2], b: { c: null } })).toBe('{\n  "a": [1, 2],\n  "b": {\n    "c": null\n  }\n}');
    expect(reformat('{"a":[1,2]}')).toBe('{\n  "a": [1, 2]\n}');
    expect(reformat('{"id": 9007199254740993}')).toBeNull();
    expect(reformat('{oops')).toBeNull();
  });

  it('gives the tracking field a fresh value in place', () => {
    const text = '{\n  "id": 0,\n  "title": "x"\n}';
    const next = withFreshKey(text, 'id', { name: 'id', dataType: 'Int64', isPrimaryKey: true });
    expect(next).toMatch(/^\{\n {2}"id": \d{16},\n {2}"title": "x"\n\}$/);
    const nonce = withFreshKey('{"title": "Hello #studio-abc"}', 'title', { name: 'title', dataType: 'VarChar' });
    expect(nonce).toMatch(/^\{"title": "Hello #studio-[0-9a-z]+"\}$/);
    expect(nonce).not.toContain('studio-abc"');
    expect(withFreshKey('{"other": 1}', 'id', undefined)).toBe('{"other": 1}');
  });

  it('reads pasted vectors', () => {
    expect(parseVector('[0.1, -2, 3e-2]')).toEqual([0.1, -2, 0.03]);
    expect(parseVector('0.1 0.2\n0.3')).toEqual([0.1, 0.2, 0.3]);
    expect(parseVector('1, x')).toBeNull();
    expect(parseVector('  ')).toBeNull();
  });
});
