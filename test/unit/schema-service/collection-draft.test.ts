import { describe, expect, it } from 'vitest';
import { NewCollection } from '../../../shared/contract-schema';
import { decodeSamples, inferDecoded } from '../../../shared/schema';
import {
  addField,
  collectionNameFor,
  draftFromSample,
  draftIssues,
  partitionKeyCandidates,
  removeField,
  retype,
  setPartitionKey,
  setPrimaryKey,
} from '../../../renderer/src/features/schema/collection-draft';
import { asSamples, seedMessages } from '../schema/fixtures';

const inferred = inferDecoded(decodeSamples(asSamples(seedMessages(5))));

describe('collection draft', () => {
  it('starts from the suggestion: the seed topic gives a valid collection with a COSINE index on the vector', () => {
    const d = draftFromSample(inferred, 'medium_articles');
    expect(d.fields.map((f) => [f.name, f.dataType])).toEqual([
      ['id', 'Int64'],
      ['title', 'VarChar'],
      ['title_vector', 'FloatVector'],
      ['link', 'VarChar'],
    ]);
    expect(d.fields[0]).toMatchObject({ isPrimaryKey: true, autoID: false });
    expect(d.fields[2]).toMatchObject({ dim: 8, index: { indexType: 'AUTOINDEX', metricType: 'COSINE' } });
    expect(d.enableDynamicField).toBe(true);
    expect(draftIssues(d)).toEqual({});
    expect(NewCollection.safeParse(d).success).toBe(true);
  });

  it('derives a legal collection name from a topic name', () => {
    expect(collectionNameFor('demo.articles-v2')).toBe('demo_articles_v2');
    expect(collectionNameFor('2024-events')).toBe('c_2024_events');
  });

  it('keeps what still applies when a type changes, and fills what the new type needs', () => {
    expect(retype({ name: 'x', dataType: 'VarChar', maxLength: 64, nullable: true }, 'FloatVector')).toEqual({
      name: 'x',
      dataType: 'FloatVector',
      dim: 8,
      index: { indexType: 'AUTOINDEX', metricType: 'COSINE' },
    });
    expect(retype({ name: 'v', dataType: 'FloatVector', dim: 768, index: { indexType: 'HNSW', metricType: 'L2' } }, 'SparseFloatVector')).toEqual({
      name: 'v',
      dataType: 'SparseFloatVector',
      index: { indexType: 'SPARSE_INVERTED_INDEX', metricType: 'IP' },
    });
    expect(retype({ name: 't', dataType: 'Int64' }, 'Array')).toEqual({ name: 't', dataType: 'Array', elementType: 'VarChar', maxCapacity: 16, maxLength: 256 });
    expect(retype({ name: 'id', dataType: 'Int64', isPrimaryKey: true }, 'Double')).toEqual({ name: 'id', dataType: 'Double' });
  });

  it('moves the primary key and the partition key, one field each', () => {
    let d = draftFromSample(inferred, 'c');
    d = setPrimaryKey(d, 1);
    expect(d.fields.filter((f) => f.isPrimaryKey).map((f) => f.name)).toEqual(['title']);
    expect(d.fields[0]).not.toHaveProperty('autoID');
    expect(partitionKeyCandidates(d)).toEqual(['id', 'link']);
    d = setPartitionKey(d, 'link');
    d = setPartitionKey(d, 'id');
    expect(d.fields.filter((f) => f.isPartitionKey).map((f) => f.name)).toEqual(['id']);
    expect(setPartitionKey(d, null).fields.some((f) => f.isPartitionKey)).toBe(false);
  });

  it('reports issues by path as codes the form translates', () => {
    let d = draftFromSample(inferred, 'bad name');
    d = removeField(d, 2);
    d = addField(d);
    d = { ...d, fields: d.fields.map((f, i) => (i === 1 ? { ...f, name: 'link' } : f)) };
    expect(draftIssues(d)).toEqual({ name: 'name_rule', 'fields.2.name': 'duplicate_name', fields: 'no_vector' });
    expect(d.fields[3]).toMatchObject({ name: 'field_4', dataType: 'VarChar', maxLength: 256, nullable: true });
  });
});
