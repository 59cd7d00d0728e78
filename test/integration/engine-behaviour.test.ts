// Engine rules on the real stack: errors.tolerance=none stops at the bad record and commits nothing
// past it; start positions; pause/resume; upsert keeps the last of duplicate keys; two pipelines
// side by side in one process.
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline, type PipelineRunner } from '../../electron/engine';
import { recorder, testConfig } from './support/config';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { committedOffsets, createTopic, deleteTopics, produce } from './support/kafka';
import { countRows, createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';

const milvus = testMilvus();
const topics: string[] = [];
const collections: string[] = [];
const runners: PipelineRunner[] = [];

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop(10_000)));
  for (const c of collections) await dropCollection(milvus, c);
  await deleteTopics(...topics);
  await milvus.closeConnection();
});

async function setup(tag: string, partitions = 1): Promise<{ topic: string; collection: string; group: string }> {
  const topic = uid(`t_${tag}`);
  const collection = uid(`c_${tag}`);
  topics.push(topic);
  collections.push(collection);
  await createTopic(topic, partitions);
  await createExampleCollection(milvus, collection);
  return { topic, collection, group: uid(`g_${tag}`) };
}

const msg = (i: number, over: Record<string, unknown> = {}): { value: string } => ({ value: JSON.stringify({ ...exampleMessage(i), ...over }) });

describe('engine behaviour', () => {
  it('with errors.tolerance=none fails on the bad record and commits nothing past it', async () => {
    const { topic, collection, group } = await setup('none');
    await produce(topic, [msg(0), msg(1), msg(2, { title_vector: 'not a vector' }), msg(3)]);
    const rec = recorder();
    const runner = createPipeline(testConfig({ id: uid('none'), topics: { names: [topic] }, groupId: group, collection, errorTolerance: 'none' }), rec.options);
    runners.push(runner);
    await runner.start();
    await waitFor('state failed', () => runner.status().state === 'failed', 20_000);
    const s = runner.status();
    expect(s.cause).toMatch(/title_vector/);
    expect(s.cause).toContain(`Stopped at record ${topic}[0]@2 (invalid_vector)`); // names the record and why
    expect(s.causeText).toMatchObject({ code: 'cause.recordFailed', params: { topic, partition: 0, offset: '2', reasonCode: 'invalid_vector' } });
    await runner.stop();
    expect((await committedOffsets(group, topic)).get(0)).toBe('2');
    expect(await countRows(milvus, collection)).toBe(2);
    expect(s.counters.written).toBe(2);
    expect(s.counters.deadLettered).toBe(0);
    console.info('[none] counters', s.counters);
  });

  it('starts at a timestamp and at latest, two pipelines side by side', async () => {
    const a = await setup('ts');
    const b = await setup('latest');
    await produce(a.topic, [msg(0), msg(1), msg(2)]);
    await produce(b.topic, [msg(0), msg(1), msg(2)]);
    await new Promise((r) => setTimeout(r, 50));
    const from = Date.now();
    await produce(a.topic, [msg(3), msg(4)]);
    const ra = createPipeline(testConfig({ id: uid('ts'), topics: { names: [a.topic] }, groupId: a.group, collection: a.collection, errorTolerance: 'none', startPosition: { kind: 'timestamp', timestampMs: from } }), recorder().options);
    const rb = createPipeline(testConfig({ id: uid('latest'), topics: { names: [b.topic] }, groupId: b.group, collection: b.collection, errorTolerance: 'none', startPosition: { kind: 'latest' } }), recorder().options);
    runners.push(ra, rb);
    await Promise.all([ra.start(), rb.start()]);
    await produce(b.topic, [msg(5)]);
    await waitFor('both pipelines', () => ra.status().counters.written === 2 && rb.status().counters.written === 1, 20_000);
    await Promise.all([ra.stop(), rb.stop()]);
    expect(ra.status().counters.consumed).toBe(2);
    expect(rb.status().counters.consumed).toBe(1);
    expect(await countRows(milvus, a.collection)).toBe(2);
    expect(await countRows(milvus, b.collection)).toBe(1);
  });

  it('fails to start on a missing topic with the cause, and can be stopped while Milvus is unreachable', async () => {
    const { collection, group } = await setup('startfail');
    const missing = uid('t_missing');
    const runner = createPipeline(testConfig({ id: uid('missing'), topics: { names: [missing] }, groupId: group, collection, errorTolerance: 'none' }), recorder().options);
    await expect(runner.start()).rejects.toThrow(`Topic ${missing} does not exist`);
    expect(runner.status()).toMatchObject({ state: 'failed', cause: `Topic ${missing} does not exist`, causeText: { code: 'cause.topicMissing', params: { topics: missing } } });

    // Nothing listens on port 1: start-up keeps retrying (state starting, with the cause) until stopped.
    const unreachable = createPipeline(
      testConfig({ id: uid('unreach'), topics: { names: [missing] }, groupId: group, collection, errorTolerance: 'none', milvus: { address: '127.0.0.1:1' } }),
      recorder().options,
    );
    const started = unreachable.start();
    const s = await waitFor('a retry cause', () => (unreachable.status().cause ? unreachable.status() : undefined), 15_000);
    expect(s.state).toBe('starting');
    expect(s.cause).toMatch(/Milvus UNAVAILABLE/);
    const t0 = Date.now();
    await unreachable.stop(5_000);
    await started;
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(unreachable.status().state).toBe('stopped');
  });

  it('pauses and resumes; an upsert batch keeps the last of duplicate keys', async () => {
    const { topic, collection, group } = await setup('pause');
    await loadCollection(milvus, collection);
    const rec = recorder();
    const runner = createPipeline(testConfig({ id: uid('pause'), topics: { names: [topic] }, groupId: group, collection, errorTolerance: 'none', lingerMs: 300 }), rec.options);
    runners.push(runner);
    await runner.start();
    runner.pause();
    expect(runner.status().state).toBe('paused');
    await produce(topic, [msg(7, { title: 'first' }), msg(8), msg(7, { title: 'second' })]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(runner.status().counters.consumed).toBe(0);
    runner.resume();
    expect(runner.status().state).toBe('running');
    await waitFor('the three records', () => runner.status().counters.written === 3, 20_000);
    await runner.stop();
    expect(runner.status().counters.batches).toBe(1); // one batch with both versions of id 7
    const q = await milvus.query({ collection_name: collection, filter: 'id == 7', output_fields: ['title'] });
    expect(q.data.map((d) => d.title)).toEqual(['second']);
    expect(await countRows(milvus, collection)).toBe(2);
    expect(rec.states.map((s) => s.state)).toEqual(['starting', 'running', 'paused', 'running', 'stopping', 'stopped']);
  });
});
