import { DataType } from '@zilliz/milvus2-sdk-node';
import { describe, expect, it } from 'vitest';
import { collectionIssues, defaultIndex, NewCollection, type NewField } from '../../../shared/contract-schema';
import { indexParams, toSdkField } from '../../../electron/services/schema-collection';

const pk: NewField = { name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: false };
const vec: NewField = { name: 'v', dataType: 'FloatVector', dim: 8, index: { indexType: 'AUTOINDEX', metricType: 'COSINE' } };
const codes = (fields: NewField[]) => collectionIssues({ fields }).map((i) => `${i.path.join('.')}:${i.code}`);

describe('toSdkField', () => {
  it('maps our fields to the SDK field types with their type params', () => {
    expect(toSdkField(pk)).toEqual({ name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false });
    expect(toSdkField(vec)).toEqual({ name: 'v', data_type: DataType.FloatVector, dim: 8 });
    expect(toSdkField({ name: 's', dataType: 'SparseFloatVector', dim: 5 })).toEqual({ name: 's', data_type: DataType.SparseFloatVector });
    expect(toSdkField({ name: 't', dataType: 'VarChar', maxLength: 256, nullable: true, isPartitionKey: true })).toEqual({
      name: 't',
      data_type: DataType.VarChar,
      max_length: 256,
      nullable: true,
      is_partition_key: true,
    });
    expect(toSdkField({ name: 'tags', dataType: 'Array', elementType: 'VarChar', maxCapacity: 16, maxLength: 32 })).toEqual({
      name: 'tags',
      data_type: DataType.Array,
      element_type: DataType.VarChar,
      max_capacity: 16,
      max_length: 32,
    });
    // a key is never nullable, whatever the form said
    expect(toSdkField({ ...pk, nullable: true })).not.toHaveProperty('nullable');
  });

  it('gives the index types that need build parameters sensible ones', () => {
    expect(indexParams('HNSW')).toEqual({ M: 16, efConstruction: 200 });
    expect(indexParams('IVF_FLAT')).toEqual({ nlist: 128 });
    expect(indexParams('AUTOINDEX')).toEqual({});
    expect(indexParams('SPARSE_INVERTED_INDEX')).toEqual({ drop_ratio_build: 0 });
  });
});

describe('collection rules', () => {
  it('accepts the tutorial collection and picks the default index per vector kind', () => {
    expect(codes([pk, { name: 'title', dataType: 'VarChar', maxLength: 512 }, vec])).toEqual([]);
    expect(defaultIndex('FloatVector')).toEqual({ indexType: 'AUTOINDEX', metricType: 'COSINE' });
    expect(defaultIndex('BinaryVector')).toEqual({ indexType: 'AUTOINDEX', metricType: 'HAMMING' });
    expect(defaultIndex('SparseFloatVector')).toEqual({ indexType: 'SPARSE_INVERTED_INDEX', metricType: 'IP' });
  });

  it('names each broken rule at its field', () => {
    expect(codes([vec])).toEqual(['fields:no_pk']);
    expect(codes([pk, { name: 'x', dataType: 'Int64' }])).toEqual(['fields:no_vector']);
    expect(codes([pk, { ...pk }, vec])).toEqual(['fields.1.name:duplicate_name', 'fields.1.isPrimaryKey:two_pks']);
    expect(codes([{ ...pk, dataType: 'Double' }, vec])).toEqual(['fields.0.dataType:pk_type']);
    expect(codes([pk, { ...vec, dim: 1 }])).toEqual(['fields.1.dim:dim_range']);
    expect(codes([pk, { ...vec, dim: 32_769 }])).toEqual(['fields.1.dim:dim_range']);
    expect(codes([pk, { ...vec, dim: 32_768 }])).toEqual([]);
    expect(codes([pk, { name: 'b', dataType: 'BinaryVector', dim: 12, index: { indexType: 'BIN_FLAT', metricType: 'HAMMING' } }])).toEqual(['fields.1.dim:dim_binary']);
    expect(codes([pk, { ...vec, index: { indexType: 'BIN_FLAT', metricType: 'JACCARD' } }])).toEqual(['fields.1.index:index_type', 'fields.1.index:metric']);
    expect(codes([pk, { name: 's', dataType: 'SparseFloatVector', index: { indexType: 'SPARSE_INVERTED_INDEX', metricType: 'IP' } }])).toEqual([]);
    expect(codes([pk, { ...vec, index: undefined }])).toEqual(['fields.1.index:index_missing']);
    expect(codes([pk, vec, { name: 't', dataType: 'VarChar', maxLength: 70_000 }])).toEqual(['fields.2.maxLength:max_length']);
    expect(codes([pk, vec, { name: 'a', dataType: 'Array', elementType: 'VarChar', maxCapacity: 0 }])).toEqual([
      'fields.2.maxLength:max_length',
      'fields.2.maxCapacity:capacity',
    ]);
    expect(codes([pk, vec, { name: 'n', dataType: 'Int64', autoID: true }])).toEqual(['fields.2.autoID:autoid_not_pk']);
    expect(codes([pk, vec, { name: 'p', dataType: 'Double', isPartitionKey: true }, { name: 'q', dataType: 'Int64', isPartitionKey: true }])).toEqual([
      'fields.2.isPartitionKey:partition_type',
      'fields.3.isPartitionKey:two_partition_keys',
    ]);
  });

  it('validates the whole payload with path-named messages, as dispatch reports them', () => {
    const r = NewCollection.safeParse({ name: '1bad', enableDynamicField: true, fields: [{ ...vec, dim: 40_000 }] });
    expect(r.success).toBe(false);
    const lines = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'name: names start with a letter or "_" and use letters, digits and "_"',
        'fields.0.dim: the dimension is a whole number from 2 to 32768',
        'fields: choose one field as the primary key',
      ]),
    );
  });
});
