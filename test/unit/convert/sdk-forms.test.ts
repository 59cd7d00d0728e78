// Our rows against the real Milvus Node SDK's pure row→column helpers and its gRPC serializer (no
// client is created and nothing connects): proves the output forms are the ones the SDK accepts.
import { describe, expect, it } from 'vitest';
import {
  buildDynamicRow,
  buildFieldData,
  DataType,
  f32ArrayToBinaryBytes,
  getGRPCService,
  int8VectorRowsToBytes,
  LOADER_OPTIONS,
  sparseToBytes,
} from '@zilliz/milvus2-sdk-node';
import { convertRecord, decodeValue } from '../../../shared/convert';
import type { Row } from '../../../shared/convert';
import { field, opts, schema } from './fixtures';

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

const f16Raw = new Uint16Array([0x3c00, 0xc100, 0x7bff, 0x0001]); // 1, -2.5, 65504, 2^-24
const bf16Raw = new Uint16Array([0x3f80, 0xc020, 0x7149]); // 1, -2.5, ~1e30
const int8Raw = new Int8Array([-128, -1, 0, 127]);
const binRaw = new Uint8Array([0b10100000, 255]);

const ALL = schema([
  field('id', 'Int64', { isPrimaryKey: true }),
  field('flag', 'Bool'),
  field('i8', 'Int8'),
  field('f', 'Float'),
  field('title', 'VarChar', { maxLength: 32 }),
  field('meta', 'JSON'),
  field('ids', 'Array', { elementType: 'Int64', maxCapacity: 4 }),
  field('v', 'FloatVector', { dim: 3 }),
  field('bits', 'BinaryVector', { dim: 16 }),
  field('h', 'Float16Vector', { dim: 4 }),
  field('b', 'BFloat16Vector', { dim: 3 }),
  field('q', 'Int8Vector', { dim: 4 }),
  field('sparse', 'SparseFloatVector'),
]);

const TEXT = `{"id": 9223372036854775807, "flag": true, "i8": -5, "f": 0.5, "title": "héllo",
  "meta": {"n": 18446744073709551615, "tags": ["a"]}, "ids": [1, 9007199254740993],
  "v": "${b64(new Float32Array([0.25, -1, 3]))}", "bits": "${b64(binRaw)}", "h": "${b64(f16Raw)}",
  "b": "${b64(bf16Raw)}", "q": "${b64(int8Raw)}", "sparse": {"indices": [40, 2, 7], "values": [0.5, 0.25, 1]},
  "extra": {"deep": [1, 2, 12345678901234567890]}}`;

function convert(): Row {
  const d = decodeValue(TEXT, 'auto');
  if (!d.ok) throw new Error(d.error.message);
  const r = convertRecord(d.value, ALL, opts());
  if (!r.ok) throw new Error(r.error.message);
  return r.row;
}

/** The SDK's per-field build step (what _insert runs for each row and field). */
function sdkField(row: Row, name: string, type: DataType, dim = 0, elementType: DataType = DataType.None): unknown {
  const f = { name, type, elementType, dim, data: [], nullable: false, default_value: undefined, fieldMap: new Map() };
  return buildFieldData(row as Parameters<typeof buildFieldData>[0], f as unknown as Parameters<typeof buildFieldData>[1], undefined, 0);
}

describe('rows in the forms the Milvus Node SDK 3.0.6 takes', () => {
  it('survive the JSON clone the SDK applies for dynamic fields (no bigint, no typed arrays)', () => {
    const row = convert();
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
    const fieldMap = new Map(ALL.fields.map((f) => [f.name, {}]));
    const dyn = buildDynamicRow(row as Parameters<typeof buildDynamicRow>[0], fieldMap as unknown as Parameters<typeof buildDynamicRow>[1], '$meta', []) as Row;
    expect(dyn.$meta).toEqual({ extra: { deep: [1, 2, '12345678901234567890'] } });
    expect(dyn.h).toEqual(row.h);
  });

  it('Int64 values beyond 2^53 are serialized exactly by the SDK gRPC codec', () => {
    const row = convert();
    expect(row.id).toBe('9223372036854775807');
    expect(row.ids).toEqual([1, '9007199254740993']);
    const insert = getGRPCService({ serviceName: 'milvus.proto.milvus.MilvusService' }, LOADER_OPTIONS).service.Insert;
    if (!insert) throw new Error('no Insert method');
    const buf = insert.requestSerialize({
      collection_name: 'c',
      num_rows: 1,
      fields_data: [{ type: 'Int64', field_name: 'id', scalars: { long_data: { data: [row.id, 42] } } }],
    });
    const back = insert.requestDeserialize(buf) as { fields_data: { scalars: { long_data: { data: string[] } } }[] };
    expect(back.fields_data[0]?.scalars.long_data.data).toEqual(['9223372036854775807', '42']);
  });

  it('Float16 and BFloat16 number arrays become exactly the original bytes in the SDK', () => {
    const row = convert();
    expect(Buffer.from(sdkField(row, 'h', DataType.Float16Vector, 4) as Uint8Array)).toEqual(Buffer.from(f16Raw.buffer));
    expect(Buffer.from(sdkField(row, 'b', DataType.BFloat16Vector, 3) as Uint8Array)).toEqual(Buffer.from(bf16Raw.buffer));
  });

  it('BinaryVector and Int8Vector become the original bytes', () => {
    const row = convert();
    expect(f32ArrayToBinaryBytes(row.bits as number[])).toEqual(Buffer.from(binRaw));
    expect(int8VectorRowsToBytes([row.q as number[]])).toEqual(Buffer.from(int8Raw.buffer));
  });

  it('FloatVector stays a number[] and sparse vectors encode with sorted indices', () => {
    const row = convert();
    expect(sdkField(row, 'v', DataType.FloatVector, 3)).toEqual([0.25, -1, 3]);
    const bytes = sparseToBytes(row.sparse as Record<string, number>);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pairs = [0, 1, 2].map((i) => [view.getUint32(i * 8, true), view.getFloat32(i * 8 + 4, true)]);
    expect(pairs).toEqual([
      [2, 0.25],
      [7, 1],
      [40, 0.5],
    ]);
  });
});
