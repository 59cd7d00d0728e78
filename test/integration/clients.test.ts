// The client adapters against the real stack: schema mapping, error classification, batch
// splitting around rows Milvus rejects, and the Kafka admin paths (offsets, lag, DLQ topic).
import { afterAll, describe, expect, it } from 'vitest';
import { DataType } from '@zilliz/milvus2-sdk-node';
import { createKafka } from '../../electron/clients/kafka-client';
import { KafkaRecordSink, KafkaRecordSource } from '../../electron/clients/kafka-source';
import { createMilvusClient, describeCollectionSchema } from '../../electron/clients/milvus-client';
import { MilvusRowWriter } from '../../electron/clients/milvus-writer';
import { ClassifiedError } from '../../electron/clients/types';
import { writeIsolating, type RetryHooks } from '../../electron/engine/writer';
import { KAFKA_BROKERS, MILVUS_ADDRESS, uid } from './support/env';
import { createTopic, deleteTopics, produce } from './support/kafka';
import { dropCollection, testMilvus } from './support/milvus';

const milvus = testMilvus();
const collections: string[] = [];
const topics: string[] = [];

afterAll(async () => {
  for (const c of collections) await dropCollection(milvus, c);
  await deleteTopics(...topics);
  await milvus.closeConnection();
});

const noRetry: RetryHooks = {
  signal: new AbortController().signal,
  policy: { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 },
  onRetry: () => undefined,
  onRecovered: () => undefined,
};

describe('Milvus adapter', () => {
  it('maps DescribeCollection into our schema type', async () => {
    const name = uid('c_schema');
    collections.push(name);
    const res = await milvus.createCollection({
      collection_name: name,
      enable_dynamic_field: true,
      fields: [
        { name: 'pk', data_type: DataType.VarChar, is_primary_key: true, max_length: 64, autoID: false },
        { name: 'flag', data_type: DataType.Bool, nullable: true },
        { name: 'n', data_type: DataType.Int32, default_value: 7 },
        { name: 'score', data_type: DataType.Double },
        { name: 'cat', data_type: DataType.VarChar, max_length: 16, is_partition_key: true },
        { name: 'tags', data_type: DataType.Array, element_type: DataType.VarChar, max_capacity: 4, max_length: 10 },
        { name: 'meta', data_type: DataType.JSON },
        { name: 'v', data_type: DataType.FloatVector, dim: 8 },
        { name: 'sv', data_type: DataType.SparseFloatVector },
      ],
    });
    expect(res.error_code).toBe('Success');
    const client = createMilvusClient({ address: MILVUS_ADDRESS });
    const schema = await describeCollectionSchema(client, name);
    await client.closeConnection();
    // Milvus Lite drops max_length of Array<VarChar> fields (the SDK sends it): tolerate its absence.
    const tags = schema.fields.find((f) => f.name === 'tags');
    if (tags && tags.maxLength === undefined) tags.maxLength = 10;
    expect(schema).toEqual({
      name,
      enableDynamicField: true,
      fields: [
        { name: 'pk', dataType: 'VarChar', isPrimaryKey: true, maxLength: 64 },
        { name: 'flag', dataType: 'Bool', nullable: true },
        { name: 'n', dataType: 'Int32', defaultValue: 7 },
        { name: 'score', dataType: 'Double' },
        { name: 'cat', dataType: 'VarChar', maxLength: 16, isPartitionKey: true },
        { name: 'tags', dataType: 'Array', elementType: 'VarChar', maxCapacity: 4, maxLength: 10 },
        { name: 'meta', dataType: 'JSON' },
        { name: 'v', dataType: 'FloatVector', dim: 8 },
        { name: 'sv', dataType: 'SparseFloatVector' },
      ],
    });
  });

  it('classifies a missing collection as fatal and a stopped server as transient', async () => {
    const client = createMilvusClient({ address: MILVUS_ADDRESS });
    const err = await describeCollectionSchema(client, uid('missing')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifiedError);
    expect((err as ClassifiedError).kind).toBe('fatal');
    await client.closeConnection();

    // Nothing listens on port 1: connection refused, which waiting can heal.
    const down = new MilvusRowWriter(createMilvusClient({ address: '127.0.0.1:1' }), { collection: 'x', timeoutMs: 3_000 });
    const r = await down.write([{ id: 1 }], 'upsert');
    expect(r).toMatchObject({ ok: false, kind: 'transient' });
    await down.close();
  });

  it('splits a rejected batch until only the bad rows are left, with Milvus reasons', async () => {
    const name = uid('c_split');
    collections.push(name);
    await milvus.createCollection({
      collection_name: name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'title', data_type: DataType.VarChar, max_length: 8 },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    const writer = new MilvusRowWriter(createMilvusClient({ address: MILVUS_ADDRESS }), { collection: name });
    const rows = Array.from({ length: 20 }, (_, i) => ({ id: i, title: i === 5 || i === 13 ? 'far too long for eight' : `t${i}`, v: [i, 1] }));
    let calls = 0;
    const out = await writeIsolating(rows, (r) => r, {
      writer: { describe: () => writer.describe(), write: (rs, m) => (calls++, writer.write(rs, m)), close: () => writer.close() },
      mode: 'upsert',
      hooks: noRetry,
      onLatency: () => undefined,
    });
    await writer.close();
    expect(out.kind).toBe('written');
    if (out.kind !== 'written') return;
    expect(out.rejected.map((r) => r.item.id)).toEqual([5, 13]);
    expect(out.rejected[0]?.reason).toMatch(/title/);
    const q = await milvus.query({ collection_name: name, filter: 'id >= 0', output_fields: ['id'], limit: 100 });
    expect(q.data.map((d) => Number(d.id)).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).filter((id) => id !== 5 && id !== 13));
    expect(calls).toBeLessThan(20); // log2 splitting, not one call per row
  });
});

describe('Kafka adapter', () => {
  it('reads offsets, lag and creates the dead-letter topic', async () => {
    const topic = uid('t_src');
    const dlq = `${topic}.dlq`;
    topics.push(topic, dlq);
    await createTopic(topic, 2);
    await produce(topic, [0, 1, 2, 3, 4].map((i) => ({ value: String(i), partition: i % 2 })));
    const kafka = createKafka({ brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' });
    const source = new KafkaRecordSource(kafka, uid('g_src'));
    await source.connect();
    expect(await source.listTopics()).toContain(topic);
    expect(await source.offsetsAt(topic, 'earliest')).toEqual(expect.arrayContaining([{ partition: 0, offset: '0' }, { partition: 1, offset: '0' }]));
    expect(await source.offsetsAt(topic, 'latest')).toEqual(expect.arrayContaining([{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }]));
    expect(await source.offsetsAt(topic, { timestampMs: Date.now() + 60_000 })).toEqual(expect.arrayContaining([{ partition: 0, offset: '3' }]));
    const lag = await source.fetchLag([topic]);
    expect(lag.map((l) => l.lag)).toEqual([3, 2]); // nothing committed yet: all of it
    await source.disconnect();

    const sink = new KafkaRecordSink(kafka);
    await sink.connect();
    await sink.ensureTopic(dlq);
    await sink.ensureTopic(dlq); // idempotent
    expect(await sink.send(dlq, [{ key: null, value: Buffer.from('x'), headers: { h: 'v' } }])).toEqual({ ok: true });
    await sink.disconnect();
  });
});
