// Rows of collections with a dynamic field: our grouping gives what the SDK's own gives (after its
// JSON copy) for every kind of row the converter makes, leaves the row it was given alone, and
// is the one the SDK calls once installed.
import * as sdk from '@zilliz/milvus2-sdk-node';
import { describe, expect, it } from 'vitest';
import { groupDynamicRow, installDynamicRowGrouping, sdkDynamicRowGrouping } from '../../../electron/clients/sdk-dynamic-rows';
import { convertRecord, decodeValue } from '../../../shared/convert';
import { field, opts, schema } from '../convert/fixtures';

const fieldMap = new Map<string, unknown>([
  ['id', {}],
  ['title', {}],
  ['v', {}],
  ['$meta', {}],
]);

const rows: Record<string, unknown>[] = [
  { id: 1, title: 'a', v: [0.5, -1, 2.25] },
  { id: 2, title: 'b', v: [0, 1, 2], color: 'red', tags: ['x', 'y'], nested: { a: [1, { b: null }] } },
  { id: '9007199254740993', title: 'c', v: [1, 1, 1], score: null, note: undefined },
  { id: 4, title: 'd', v: [1, 2, 3], embedding_out: [9, 9], extra: true },
  { id: 5, v: [1, 2, 3], $meta: { kept: 1 }, later: 'x' },
  { extra_first: 1, id: 6, $meta: null, after: 2 },
  {},
];

describe('dynamic-field rows', () => {
  const own = sdkDynamicRowGrouping();

  it('are grouped exactly as the SDK groups them', () => {
    expect(own).toBeTypeOf('function');
    for (const row of rows) {
      const before = structuredClone(row);
      const ours = groupDynamicRow(row, fieldMap, '$meta', ['embedding_out']);
      expect(ours, JSON.stringify(row)).toEqual(own?.(row, fieldMap, '$meta', ['embedding_out']));
      expect(row, 'the row given is left as it was').toEqual(before);
    }
  });

  it('are grouped exactly as the SDK groups them, for the converter’s own rows', () => {
    const s = { ...schema([field('id', 'Int64', { isPrimaryKey: true }), field('v', 'FloatVector', { dim: 3 }), field('j', 'JSON', { nullable: true })]), enableDynamicField: true };
    const map = new Map<string, unknown>([...s.fields.map((f) => [f.name, {}] as const), ['$meta', {}]]);
    for (const text of ['{"id": 1, "v": [1, 2, 3], "j": {"a": [1, 2]}, "color": "red"}', '{"id": 12345678901234567, "v": "AACAPwAAAEAAAEBA", "extra": {"deep": [null]}}']) {
      const decoded = decodeValue(text, 'json');
      if (!decoded.ok) throw new Error(decoded.error.message);
      const converted = convertRecord(decoded.value, s, opts({ extraFields: 'dynamic' }));
      if (!converted.ok) throw new Error(converted.error.message);
      expect(groupDynamicRow(converted.row, map, '$meta', [])).toEqual(own?.(converted.row, map, '$meta', []));
    }
  });

  it('once installed, are what the SDK itself calls, without a copy', () => {
    expect(installDynamicRowGrouping()).toBe(true);
    expect(installDynamicRowGrouping()).toBe(true);
    expect(sdk.buildDynamicRow).toBe(groupDynamicRow);
    expect(sdkDynamicRowGrouping()).toBe(own);
    const v = [1, 2, 3];
    const grouped = sdk.buildDynamicRow({ id: 1, v, extra: 'x' }, fieldMap as Parameters<typeof sdk.buildDynamicRow>[1], '$meta', []);
    expect(grouped).toEqual({ id: 1, v, $meta: { extra: 'x' } });
    expect(grouped.v).toBe(v);
  });
});
