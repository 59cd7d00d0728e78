import { describe, expect, it } from 'vitest';
import type { PipelineView } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/domain';
import { createSchemaStore } from '../../../renderer/src/stores/schema-store';
import { newPipelineSpec } from '../../../renderer/src/features/schema/pipeline-draft';
import { deferred, fail, fakeTransport, ok } from '../renderer/fake-transport';
import { seedCollection, seedMessages } from '../schema/fixtures';
import { topicSample } from './fixtures';

const kafka: ProfileView = { id: 'k1', name: 'Kafka', kind: 'kafka', updatedAt: 1, kafka: { brokers: ['b:9092'], securityProtocol: 'PLAINTEXT' } };
const milvus: ProfileView = { id: 'm1', name: 'Milvus', kind: 'milvus', updatedAt: 1, milvus: { address: 'localhost:19530' } };
const sample = topicSample(seedMessages(3));

describe('schema store', () => {
  it('lists topics for a Kafka connection and samples the chosen topic with the chosen size and end', async () => {
    const t = fakeTransport({ 'kafka.listTopics': () => ok([{ name: 'articles', partitions: 1, messages: 3 }]), 'schema.sample': () => ok(sample) });
    const s = createSchemaStore(t);
    await s.getState().chooseKafka(kafka);
    expect(s.getState().topics).toEqual({ status: 'ok', value: [{ name: 'articles', partitions: 1, messages: 3 }] });
    await s.getState().setSampling({ count: 50, from: 'earliest' });
    expect(t.calls.filter((c) => c.cmd === 'schema.sample')).toHaveLength(0); // no topic yet
    await s.getState().chooseTopic('articles');
    expect(t.calls.at(-1)).toEqual({ cmd: 'schema.sample', args: [{ kafka: kafka.kafka, profileId: 'k1' }, { topic: 'articles', count: 50, from: 'earliest', valueFormat: 'auto' }] });
    expect(s.getState().sample).toEqual({ status: 'ok', value: sample });
  });

  it('keeps the newest sample when an older answer arrives late', async () => {
    const slow = deferred<ReturnType<typeof ok<typeof sample>>>();
    let n = 0;
    const t = fakeTransport({ 'kafka.listTopics': () => ok([]), 'schema.sample': () => (++n === 1 ? slow.promise : ok({ ...sample, topic: 'second' })) });
    const s = createSchemaStore(t);
    await s.getState().chooseKafka(kafka);
    const first = s.getState().chooseTopic('first');
    await s.getState().chooseTopic('second');
    slow.resolve(ok(sample));
    await first;
    expect(s.getState().sample).toMatchObject({ status: 'ok', value: { topic: 'second' } });
  });

  it('describes the chosen collection and reports a missing one as an error', async () => {
    const t = fakeTransport({
      'milvus.listCollections': () => ok([{ name: 'medium_articles', rowCount: 0 }]),
      'milvus.describeCollection': (_t, name) => (name === 'medium_articles' ? ok(seedCollection(8)) : fail('not_found', 'no such collection')),
    });
    const s = createSchemaStore(t);
    await s.getState().chooseMilvus(milvus);
    await s.getState().chooseCollection('medium_articles');
    expect(s.getState().schema).toMatchObject({ status: 'ok', value: { name: 'medium_articles' } });
    await s.getState().chooseCollection('gone');
    expect(s.getState().schema).toMatchObject({ status: 'error', error: { code: 'not_found' } });
  });

  it('starts from a pipeline: its connections, topic, collection, database and mapping', async () => {
    const spec = { ...newPipelineSpec({ kafkaProfileId: 'k1', milvusProfileId: 'm1', topic: 'articles', collection: 'medium_articles', mapping: [{ source: 'Title', target: 'title' }], ignore: ['x'], extraFields: 'drop' }, 'p'), id: 'p-1', database: 'analytics' };
    const view = { spec, status: {} } as PipelineView;
    const t = fakeTransport({ 'kafka.listTopics': () => ok([]), 'milvus.listCollections': () => ok([]), 'schema.sample': () => ok(sample), 'milvus.describeCollection': () => ok(seedCollection(8)) });
    const s = createSchemaStore(t);
    await s.getState().startFromPipeline(view, [kafka, milvus]);
    expect(s.getState()).toMatchObject({ pipelineId: 'p-1', topic: 'articles', collection: 'medium_articles', dirty: false, options: { mapping: spec.mapping, ignore: ['x'], extraFields: 'drop' } });
    expect(t.calls.find((c) => c.cmd === 'milvus.describeCollection')?.args[0]).toEqual({ milvus: { address: 'localhost:19530', database: 'analytics' }, profileId: 'm1' });
    s.getState().setOptions({ ignore: [] });
    expect(s.getState().dirty).toBe(true);

    t.handlers['pipeline.update'] = (id, next) => ok({ spec: { ...next, id }, status: view.status });
    const r = await s.getState().savePipeline(view);
    expect(r.ok).toBe(true);
    expect(t.calls.at(-1)?.args[1]).toMatchObject({ ignore: [], mapping: spec.mapping, topics: { names: ['articles'] }, database: 'analytics' });
    expect(s.getState().dirty).toBe(false);
  });

  it('creates a collection, selects it and clears the mapping it no longer needs', async () => {
    const t = fakeTransport({ 'milvus.listCollections': () => ok([{ name: 'a' }]), 'milvus.describeCollection': () => ok(seedCollection(16)), 'schema.createCollection': (_t, d) => ok({ ...seedCollection(8), name: d.name }) });
    const s = createSchemaStore(t);
    await s.getState().chooseMilvus(milvus);
    s.getState().setOptions({ mapping: [{ source: 'x', target: 'title' }] });
    const r = await s.getState().createCollection({ name: 'fresh', enableDynamicField: true, fields: [] });
    expect(r.ok).toBe(true);
    expect(s.getState()).toMatchObject({ collection: 'fresh', schema: { status: 'ok', value: { name: 'fresh' } }, options: { mapping: [], ignore: [] } });
    expect(s.getState().collections).toEqual({ status: 'ok', value: [{ name: 'a' }, { name: 'fresh', rowCount: 0 }] });
  });

  it('creates a pipeline from the choices and attaches to it', async () => {
    const t = fakeTransport({ 'kafka.listTopics': () => ok([]), 'milvus.listCollections': () => ok([]), 'schema.sample': () => ok(sample), 'milvus.describeCollection': () => ok(seedCollection(8)) });
    t.handlers['pipeline.create'] = (spec) => ok({ spec: { ...spec, id: 'p-9' }, status: {} as PipelineView['status'] });
    const s = createSchemaStore(t);
    expect((await s.getState().createPipeline('x')).ok).toBe(false);
    await s.getState().chooseKafka(kafka);
    await s.getState().chooseTopic('articles');
    await s.getState().chooseMilvus(milvus);
    await s.getState().chooseCollection('medium_articles');
    const r = await s.getState().createPipeline('');
    expect(r.ok && r.value.spec).toMatchObject({ id: 'p-9', name: 'articles → medium_articles', deadLetterTopic: 'articles-dlq' });
    expect(s.getState().pipelineId).toBe('p-9');
  });
});
