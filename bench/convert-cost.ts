// Manual timing of the engine's per-record CPU work outside the engine: UTF-8 decode + JSON.parse,
// the shared decodeValue (adds the exact-integer check and envelope detection), and the full
// decodeValue + convertRecord, on the same message bytes the engine reads; and, for collections
// with a dynamic field, the SDK's grouping of a row (after its JSON copy) against ours, by
// reference. Single-threaded, warm.
import { groupDynamicRow, sdkDynamicRowGrouping } from '../electron/clients/sdk-dynamic-rows';
import { convertRecord, decodeValue, type ConvertOptions } from '../shared/convert';
import type { CollectionSchema } from '../shared/milvus-schema';
import { PIPELINE_DEFAULTS } from '../shared/pipeline-config';
import type { BenchRecord } from './data';

export interface ConvertCost {
  records: number;
  /** Microseconds per record. */
  parseUs: number;
  decodeUs: number;
  decodeConvertUs: number;
  /** Grouping a converted row for a collection with a dynamic field: the SDK's own (a JSON copy first), and ours. */
  dynamicSdkUs: number;
  dynamicOursUs: number;
  /** Bytes of one message value on average. */
  valueBytes: number;
}

export function benchSchema(dim: number): CollectionSchema {
  return {
    name: 'bench',
    enableDynamicField: false,
    fields: [
      { name: 'id', dataType: 'Int64', isPrimaryKey: true },
      { name: 'title', dataType: 'VarChar', maxLength: 512 },
      { name: 'title_vector', dataType: 'FloatVector', dim },
      { name: 'link', dataType: 'VarChar', maxLength: 512 },
    ],
  };
}

function timeUs(n: number, rounds: number, fn: () => void): number {
  fn(); // warm-up round: JIT and caches
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1000) / n;
}

export function measureConvertCost(records: readonly BenchRecord[], dim: number, sample = 2_000): ConvertCost {
  const values = records.slice(0, sample).map((r) => Buffer.from(JSON.stringify(r)));
  const schema = benchSchema(dim);
  const d = PIPELINE_DEFAULTS;
  const opts: ConvertOptions = { mapping: [], ignore: [], valueFormat: d.valueFormat, vectorEncoding: d.vectorEncoding, extraFields: d.extraFields };
  let sink = 0;
  const parseUs = timeUs(values.length, 5, () => {
    for (const v of values) sink += (JSON.parse(v.toString('utf8')) as BenchRecord).id;
  });
  const decodeUs = timeUs(values.length, 5, () => {
    for (const v of values) sink += decodeValue(v, d.valueFormat).ok ? 1 : 0;
  });
  const decodeConvertUs = timeUs(values.length, 5, () => {
    for (const v of values) {
      const dec = decodeValue(v, d.valueFormat);
      if (!dec.ok) throw new Error(dec.error.message);
      const c = convertRecord(dec.value, schema, opts);
      if (!c.ok) throw new Error(c.error.message);
      sink += 1;
    }
  });
  const rows = values.map((v) => {
    const dec = decodeValue(v, d.valueFormat);
    const c = dec.ok ? convertRecord(dec.value, schema, opts) : undefined;
    if (!c?.ok) throw new Error('a sample message does not convert');
    return c.row;
  });
  const fieldMap = new Map<string, unknown>([...schema.fields.map((f) => [f.name, f] as const), ['$meta', {}]]);
  const sdkOwn = sdkDynamicRowGrouping();
  const grouping = (group: typeof groupDynamicRow) => () => {
    for (const r of rows) sink += Object.keys(group(r, fieldMap, '$meta', [])).length;
  };
  const dynamicSdkUs = sdkOwn ? timeUs(rows.length, 5, grouping(sdkOwn)) : Number.NaN;
  const dynamicOursUs = timeUs(rows.length, 5, grouping(groupDynamicRow));
  if (sink < 0) console.log(sink); // keeps the loops observable
  return { records: values.length, parseUs, decodeUs, decodeConvertUs, dynamicSdkUs, dynamicOursUs, valueBytes: values.reduce((n, v) => n + v.length, 0) / values.length };
}
