// 'schema.sample' and 'schema.createCollection' against the real local stack, through dispatch so
// payload validation is exercised too. Sampling must leave every consumer group's offsets as they
// were and leave no group of its own behind.
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCollection, TopicSample } from '../../shared/contract-schema';
import type { RpcResult } from '../../shared/errors';
import { createDispatch } from '../../electron/rpc/dispatch';
import type { Handlers } from '../../electron/rpc/types';
import type { PipelinesService } from '../../electron/services/pipelines-service';
import { createConnectionResolver } from '../../electron/services/profiles-resolve';
import { SAMPLE_GROUP_PREFIX, sampleTopic } from '../../electron/services/schema-sample';
import { schemaHandlers } from '../../electron/services/schema-service';
import { draftFromSample } from '../../renderer/src/features/schema/collection-draft';
import { makeTestContext } from '../unit/services/support/context';
import { exampleMessage } from './support/example';
import { KAFKA_BROKERS, MILVUS_ADDRESS, uid } from './support/env';

const ctx = makeTestContext();
const handlers = schemaHandlers(ctx, { resolver: createConnectionResolver(ctx), pipelines: {} as PipelinesService });
const dispatch = createDispatch(handlers as unknown as Handlers);
const kafka = { kafka: { brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' as const } };
const milvus = { milvus: { address: MILVUS_ADDRESS } };
const topic = uid('schema-it');
const emptyTopic = uid('schema-it-empty');
const group = uid('schema-it-group');
const collections: string[] = [];
const client = new Kafka({ clientId: 'schema-it', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
const sdk = new MilvusClient({ address: MILVUS_ADDRESS, logLevel: 'error' });
let admin: Admin;

async function call<T>(cmd: string, ...args: unknown[]): Promise<RpcResult<T>> {
  return (await dispatch(cmd, args)) as RpcResult<T>;
}
async function ok<T>(cmd: string, ...args: unknown[]): Promise<T> {
  const r = await call<T>(cmd, ...args);
  if (!r.ok) throw new Error(`${cmd}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  admin = client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }, { topic: emptyTopic, numPartitions: 2 }], waitForLeaders: true });
  const producer = client.producer();
  await producer.connect();
  const messages = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify(exampleMessage(i)) }));
  await producer.send({ topic, messages: [...messages, { key: 'bad', value: '{"id": 99, "title": ' }] });
  await producer.disconnect();
  // A user's group with committed positions in the middle of every partition.
  await admin.setOffsets({ groupId: group, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '2' })) });
});

afterAll(async () => {
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic, emptyTopic] }).catch(() => undefined);
  await admin.disconnect();
  for (const name of collections) await sdk.dropCollection({ collection_name: name }).catch(() => undefined);
  await sdk.closeConnection();
  ctx.cleanup();
});

describe('schema.sample', () => {
  it('reads the first N records spread over the partitions, with the inferred schema', async () => {
    const s = await ok<TopicSample>('schema.sample', kafka, { topic, count: 9, from: 'earliest' });
    expect(s).toMatchObject({ topic, partitions: 3, available: 31, read: 9, requested: 9, timedOut: false, truncated: false });
    const perPartition = [0, 1, 2].map((p) => s.messages.filter((m) => m.partition === p).length + s.unparseable.examples.filter((u) => u.partition === p).length);
    expect(perPartition.reduce((a, b) => a + b, 0)).toBe(9);
    // Each partition contributes its first records: offsets 0.. in every partition with data.
    for (const m of s.messages) expect(Number(m.offset)).toBeLessThan(4);
    const vector = s.inferred.fields.find((f) => f.path === 'title_vector');
    expect(vector?.numberArray).toMatchObject({ dim: 8, vectorCandidate: true });
    expect(JSON.parse(s.messages[0]?.value ?? '{}')).toHaveProperty('title_vector');
  });

  it('reads the whole topic from the end and explains the record that does not parse', async () => {
    const s = await ok<TopicSample>('schema.sample', kafka, { topic, count: 1000, from: 'latest' });
    expect(s.read).toBe(31);
    expect(s.messages).toHaveLength(30);
    expect(s.unparseable.count).toBe(1);
    expect(s.unparseable.examples[0]).toMatchObject({ code: 'invalid_json' });
    expect(s.inferred.parsedCount).toBe(30);
    expect(s.messages.map((m) => m.key).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `k${i}`).sort());
  });

  it('moves no consumer group and leaves no group of its own behind', async () => {
    const before = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    await ok<TopicSample>('schema.sample', kafka, { topic, count: 20, from: 'earliest' });
    await ok<TopicSample>('schema.sample', kafka, { topic, count: 5, from: 'latest' });
    expect(await admin.fetchOffsets({ groupId: group, topics: [topic] })).toEqual(before);
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith(SAMPLE_GROUP_PREFIX))).toEqual([]);
  });

  it('stops at the size budget with a partial sample that says so', async () => {
    const s = await sampleTopic(kafka.kafka, { topic, count: 30, from: 'earliest' }, { budgetBytes: 600 });
    expect(s.truncated).toBe(true);
    expect(s.read).toBeGreaterThanOrEqual(1);
    expect(s.read).toBeLessThan(5);
    expect(s.inferred.parsedCount).toBe(s.messages.length);
  });

  it('answers an empty topic at once, with nothing to infer', async () => {
    const t0 = Date.now();
    const s = await ok<TopicSample>('schema.sample', kafka, { topic: emptyTopic, count: 10, from: 'latest' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(s).toMatchObject({ read: 0, available: 0, messages: [], timedOut: false });
  });

  it('says a topic does not exist, and refuses bad requests before connecting', async () => {
    const missing = await call('schema.sample', kafka, { topic: 'no-such-topic-schema-it', count: 5, from: 'earliest' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', where: 'topic' } });
    const bad = await call('schema.sample', kafka, { topic, count: 0, from: 'middle' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const badName = await call('schema.sample', kafka, { topic: 'has space', count: 5, from: 'earliest' });
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

describe('schema.createCollection', () => {
  it('creates the suggested collection with indexes, loaded, and describes it', async () => {
    const s = await ok<TopicSample>('schema.sample', kafka, { topic, count: 30, from: 'earliest' });
    const name = uid('schema_it');
    collections.push(name);
    const draft = draftFromSample(s.inferred, name);
    const vector = draft.fields.find((f) => f.name === 'title_vector');
    if (vector) vector.index = { indexType: 'HNSW', metricType: 'L2' };
    const schema = await ok<{ name: string; fields: { name: string; dataType: string; dim?: number; isPrimaryKey?: boolean }[]; enableDynamicField: boolean }>(
      'schema.createCollection',
      milvus,
      draft,
    );
    expect(schema).toMatchObject({ name, enableDynamicField: true });
    expect(schema.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', dataType: 'Int64', isPrimaryKey: true }),
        expect.objectContaining({ name: 'title_vector', dataType: 'FloatVector', dim: 8 }),
        expect.objectContaining({ name: 'title', dataType: 'VarChar' }),
      ]),
    );
    expect((await sdk.getLoadState({ collection_name: name })).state).toBe('LoadStateLoaded');
    const index = await sdk.describeIndex({ collection_name: name, field_name: 'title_vector' });
    const params = Object.fromEntries(index.index_descriptions[0]?.params.map((p) => [p.key, p.value]) ?? []);
    expect(params).toMatchObject({ index_type: 'HNSW', metric_type: 'L2' });
  });

  it('creates a sparse vector with an inverted index and a partition key', async () => {
    const name = uid('schema_it_sparse');
    collections.push(name);
    const input: NewCollection = {
      name,
      enableDynamicField: false,
      fields: [
        { name: 'pk', dataType: 'VarChar', maxLength: 64, isPrimaryKey: true, autoID: false },
        { name: 'tenant', dataType: 'Int64', isPartitionKey: true },
        { name: 'sparse', dataType: 'SparseFloatVector', index: { indexType: 'SPARSE_INVERTED_INDEX', metricType: 'IP' } },
      ],
    };
    const schema = await ok<{ fields: { name: string; isPartitionKey?: boolean }[] }>('schema.createCollection', milvus, input);
    expect(schema.fields.find((f) => f.name === 'tenant')?.isPartitionKey).toBe(true);
  });

  it('says the name is taken, and refuses schemas Milvus would refuse', async () => {
    const name = uid('schema_it_dup');
    collections.push(name);
    await sdk.createCollection({
      collection_name: name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 4 },
      ],
    });
    const base: NewCollection = {
      name,
      enableDynamicField: true,
      fields: [
        { name: 'id', dataType: 'Int64', isPrimaryKey: true },
        { name: 'v', dataType: 'FloatVector', dim: 4, index: { indexType: 'AUTOINDEX', metricType: 'COSINE' } },
      ],
    };
    expect(await call('schema.createCollection', milvus, base)).toMatchObject({ ok: false, error: { code: 'conflict', where: 'name' } });
    const tooWide = { ...base, name: uid('schema_it_bad'), fields: [base.fields[0], { ...base.fields[1], dim: 40_000 }] };
    const r = await call('schema.createCollection', milvus, tooWide);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(r.ok ? '' : r.error.detail).toContain('fields.1.dim: the dimension is a whole number from 2 to 32768');
    const noKey = { ...base, name: uid('schema_it_bad'), fields: [{ name: 'v', dataType: 'FloatVector', dim: 4, index: { indexType: 'HNSW', metricType: 'HAMMING' } }] };
    const r2 = await call('schema.createCollection', milvus, noKey);
    expect(r2.ok ? '' : r2.error.detail).toMatch(/fields: choose one field as the primary key/);
    expect(r2.ok ? '' : r2.error.detail).toMatch(/fields\.0\.index: HAMMING does not compare a FloatVector/);
  });
});
