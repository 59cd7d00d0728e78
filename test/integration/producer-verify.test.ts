// The producer on the real stack: a sent message is followed to its row in Milvus (with latency),
// to its dead letter (with the reason), or to "no pipeline running"; "send N" paces and can be
// verified; search finds the row; bad input gets clear errors.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress, ProducerTarget, VerifyState } from '../../shared/contract-producer';
import { AppFailure } from '../../shared/errors';
import { uid, waitFor } from './support/env';
import { EXAMPLE_MESSAGE } from './support/example';
import { createTopic, deleteTopics } from './support/kafka';
import { createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';
import { pipelineSpec, producerRig, type ProducerRig } from './producer-support';

const milvus: MilvusClient = testMilvus();
let rig: ProducerRig;
const topic = uid('t_prod');
const lonely = uid('t_prod_nopipe');
const collection = uid('c_prod');
const autoTopic = uid('t_prod_auto');
const autoCollection = uid('c_prod_auto');
const dropTopic = uid('t_prod_drop');
let target: ProducerTarget;

beforeAll(async () => {
  rig = await producerRig();
  await createTopic(topic, 2);
  await createTopic(lonely);
  await createTopic(autoTopic);
  await createTopic(dropTopic);
  await createExampleCollection(milvus, collection);
  await loadCollection(milvus, collection);
  await createExampleCollection(milvus, autoCollection, { autoID: true, dynamic: true });
  await loadCollection(milvus, autoCollection);
  target = { kafkaProfileId: rig.kafkaProfileId, milvusProfileId: rig.milvusProfileId, topic, collection };
  const view = await rig.pipelines.handlers['pipeline.create'](pipelineSpec(rig, uid('p'), topic, collection));
  await rig.pipelines.handlers['pipeline.start'](view.spec.id);
  const auto = await rig.pipelines.handlers['pipeline.create'](pipelineSpec(rig, uid('pa'), autoTopic, autoCollection));
  await rig.pipelines.handlers['pipeline.start'](auto.spec.id);
  const drop = await rig.pipelines.handlers['pipeline.create'](pipelineSpec(rig, uid('pd'), dropTopic, autoCollection, { extraFields: 'drop' }));
  await rig.pipelines.handlers['pipeline.start'](drop.spec.id);
});

afterAll(async () => {
  await rig?.pipelines.shutdown();
  await dropCollection(milvus, collection);
  await dropCollection(milvus, autoCollection);
  await deleteTopics(topic, `${topic}.dlq`, lonely, autoTopic, `${autoTopic}.dlq`, dropTopic, `${dropTopic}.dlq`);
  await milvus.closeConnection();
  rig?.ctx.cleanup();
});

const message = (over: Record<string, unknown> = {}) => ({ headers: [], value: JSON.stringify({ ...EXAMPLE_MESSAGE, ...over }) });

async function failure(p: unknown): Promise<AppFailure> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

describe('producer: send and verify', () => {
  it('builds a valid template from the collection schema', async () => {
    const t = await rig.producer['producer.template']({ milvusProfileId: rig.milvusProfileId, collection });
    const value = JSON.parse(t.value) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['id', 'link', 'title', 'title_vector']);
    expect(value.title_vector).toHaveLength(8);
    expect(t.trackField).toBe('id');
  });

  it('follows the tutorial message to its row, with the end-to-end latency', async () => {
    const id = Date.now();
    const receipt = await rig.producer['producer.send']({ target, message: { ...message({ id }), key: String(id) } });
    expect(receipt).toMatchObject({ topic, conversion: { ok: true }, track: { field: 'id', by: 'primary-key', value: id } });
    expect(Number(receipt.offset)).toBeGreaterThanOrEqual(0);
    const state = await rig.producer['producer.verify'](receipt.id, { timeoutMs: 30_000 });
    expect(state.kind).toBe('written');
    const written = state as Extract<VerifyState, { kind: 'written' }>;
    expect(written.row).toMatchObject({ id: String(id), title: EXAMPLE_MESSAGE.title, link: EXAMPLE_MESSAGE.link });
    expect(written.latencyMs).toBeGreaterThan(0);
    expect(written.pipeline?.state).toBe('running');
    const updates = rig.ctx.emitted.filter((e) => e.event === 'producer.verify');
    expect(updates.at(-1)?.payload).toMatchObject({ receiptId: receipt.id, state: { kind: 'written' } });

    const found = await rig.producer['milvus.search']({ milvusProfileId: rig.milvusProfileId, collection, vector: EXAMPLE_MESSAGE.title_vector, topK: 3, filter: `id >= ${id}` });
    expect(found.vectorField).toBe('title_vector');
    expect(found.hits[0]?.fields).toMatchObject({ title: EXAMPLE_MESSAGE.title });
    expect(String(found.hits[0]?.id)).toBe(String(id));
  });

  it('waits for the pipeline when an identical row was already there', async () => {
    const id = Date.now() + 1;
    const first = await rig.producer['producer.send']({ target, message: message({ id }) });
    expect((await rig.producer['producer.verify'](first.id, { timeoutMs: 30_000 })).kind).toBe('written');
    const again = await rig.producer['producer.send']({ target, message: message({ id }) });
    const state = await rig.producer['producer.verify'](again.id, { timeoutMs: 30_000 });
    expect(state).toMatchObject({ kind: 'written', preexisting: true });
  });

  it('finds rows of an autoID collection by a nonce in the dynamic field', async () => {
    const autoTarget = { ...target, topic: autoTopic, collection: autoCollection };
    const t = await rig.producer['producer.template']({ milvusProfileId: rig.milvusProfileId, collection: autoCollection });
    expect(t.trackField).toBe('studio_nonce');
    const value = JSON.parse(t.value) as Record<string, unknown>;
    expect('id' in value).toBe(false);
    const receipt = await rig.producer['producer.send']({ target: autoTarget, message: { headers: [], value: t.value, trackField: 'studio_nonce' } });
    expect(receipt.track).toMatchObject({ field: 'studio_nonce', by: 'dynamic', value: value.studio_nonce });
    const state = await rig.producer['producer.verify'](receipt.id, { timeoutMs: 30_000 });
    expect(state).toMatchObject({ kind: 'written', row: { studio_nonce: value.studio_nonce, title: value.title } });
  });

  it('says when a written row cannot be read back (the pipeline drops the nonce)', async () => {
    const t = await rig.producer['producer.template']({ milvusProfileId: rig.milvusProfileId, collection: autoCollection });
    const receipt = await rig.producer['producer.send']({ target: { ...target, topic: dropTopic, collection: autoCollection }, message: { headers: [], value: t.value, trackField: 'studio_nonce' } });
    expect(receipt.conversion).toEqual({ ok: true });
    const state = await rig.producer['producer.verify'](receipt.id, { timeoutMs: 30_000 });
    expect(state).toMatchObject({ kind: 'untrackable' });
    expect((state as { reason: string }).reason).toMatch(/drops "studio_nonce"/);
  });

  it('says a record with a 7-number vector was dead-lettered, and why', async () => {
    const bad = message({ id: Date.now(), title_vector: EXAMPLE_MESSAGE.title_vector.slice(0, 7) });
    const receipt = await rig.producer['producer.send']({ target, message: bad });
    expect(receipt.conversion).toMatchObject({ ok: false, error: { code: 'wrong_dimension', field: 'title_vector' } });
    const state = await rig.producer['producer.verify'](receipt.id, { timeoutMs: 30_000 });
    expect(state).toMatchObject({ kind: 'dead-lettered', code: 'wrong_dimension', field: 'title_vector', dlq: { topic: `${topic}.dlq` } });
    expect((state as { reason: string }).reason).toMatch(/expected 8 numbers, got 7/);
  });

  it('says when no pipeline runs for the topic', async () => {
    const receipt = await rig.producer['producer.send']({ target: { ...target, topic: lonely }, message: message({ id: Date.now() }) });
    const state = await rig.producer['producer.verify'](receipt.id, { timeoutMs: 10_000 });
    expect(state).toMatchObject({ kind: 'no-pipeline', stopped: [] });
  });

  it('sends N at a rate with coalesced progress, and verifies the last one', async () => {
    const t0 = Date.now();
    const started = await rig.producer['producer.sendMany']({ target, message: message({ id: Date.now() }), count: 30, ratePerSec: 60, vary: { keys: true, vectors: true } });
    const final = await waitFor('the job to finish', () => {
      const all = rig.ctx.emitted.filter((e) => e.event === 'producer.progress' && (e.payload as JobProgress).jobId === started.jobId);
      const last = all.at(-1)?.payload as JobProgress | undefined;
      return last && last.state !== 'running' ? { last, count: all.length } : undefined;
    }, 20_000);
    expect(final.last).toMatchObject({ state: 'done', sent: 30, total: 30 });
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeGreaterThan(0.3);
    expect(final.count).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    const state = await rig.producer['producer.verify'](final.last.lastReceipt?.id ?? '', { timeoutMs: 30_000 });
    expect(state.kind).toBe('written');
  });

  it('explains bad input: unknown topic, missing partition, oversized message', async () => {
    const unknown = await failure(rig.producer['producer.send']({ target: { ...target, topic: uid('nope') }, message: message() }));
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toMatch(/does not exist/);
    const partition = await failure(rig.producer['producer.send']({ target, message: { ...message(), partition: 7 } }));
    expect(partition).toMatchObject({ code: 'validation', where: 'partition' });
    expect(partition.message).toMatch(/has 2 partitions/);
    const big = await failure(rig.producer['producer.send']({ target, message: { headers: [], value: JSON.stringify({ ...EXAMPLE_MESSAGE, pad: 'x'.repeat(1_100_000) }) } }));
    expect(big).toMatchObject({ code: 'validation', where: 'value' });
    expect(big.message).toMatch(/1 MiB/);
  });

  it('says when the broker is down, within seconds', async () => {
    const down = await rig.store.save({ name: 'Down', kind: 'kafka', kafka: { brokers: ['127.0.0.1:1'], securityProtocol: 'PLAINTEXT' } });
    const t0 = Date.now();
    const err = await failure(rig.producer['producer.send']({ target: { ...target, kafkaProfileId: down.id }, message: message() }));
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(err.code).toBe('kafka_refused');
    expect(err.message).toMatch(/Nothing is listening on 127\.0\.0\.1:1/);
  });

  it('saves, lists and deletes templates in the data folder', async () => {
    const saved = await rig.producer['producer.templates.save']({ name: 'Tutorial', collection, topic, message: { headers: [{ key: 'source', value: 'test' }], value: '{}' } });
    expect((await rig.producer['producer.templates.list']()).map((t) => t.name)).toEqual(['Tutorial']);
    await rig.producer['producer.templates.delete'](saved.id);
    expect(await rig.producer['producer.templates.list']()).toEqual([]);
  });
});
