// 10k records over 3 partitions land exactly once under upsert, even when the pipeline is stopped
// halfway and started again with the same group: commits resume where the written records end.
import { afterAll, expect, it } from 'vitest';
import { createPipeline, type PipelineRunner } from '../../electron/engine';
import { FAST_GROUP, testConfig } from './support/config';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { committedOffsets, createTopic, deleteTopics, produce } from './support/kafka';
import { allIds, countRows, createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';

const milvus = testMilvus();
const topic = uid('t_10k');
const collection = uid('c_10k');
const group = uid('g_10k');
const N = 10_000;
const shared = { topic: uid('t_group'), collection: uid('c_group'), group: uid('g_group') };

afterAll(async () => {
  await dropCollection(milvus, collection);
  await dropCollection(milvus, shared.collection);
  await deleteTopics(topic, shared.topic);
  await milvus.closeConnection();
});

it('lands 10k records over 3 partitions exactly once across a stop and restart', async () => {
  await createTopic(topic, 3);
  await createExampleCollection(milvus, collection);
  await loadCollection(milvus, collection);
  await produce(
    topic,
    Array.from({ length: N }, (_, i) => ({ key: String(i), value: JSON.stringify(exampleMessage(i)) })),
  );
  const config = testConfig({ id: uid('p10k'), topics: { names: [topic] }, groupId: group, collection, batchSize: 250, lingerMs: 20, maxInFlightBatches: 3, errorTolerance: 'none' });

  const first: PipelineRunner = createPipeline(config, { consumer: FAST_GROUP });
  await first.start();
  await waitFor('half of the records', () => first.status().counters.written >= N / 2, 60_000, 20);
  await first.stop();
  const a = first.status().counters;
  expect(first.status().state).toBe('stopped');
  expect(a.inFlight).toBe(0);
  expect(a.consumed).toBe(a.written + a.deadLettered + a.skipped);
  const committed = [...(await committedOffsets(group, topic)).values()].reduce((s, o) => s + Math.max(0, Number(o)), 0);
  // A graceful stop commits everything it wrote: nothing is redelivered beyond that.
  expect(committed).toBe(a.written);

  const second: PipelineRunner = createPipeline(config, { consumer: FAST_GROUP });
  await second.start();
  await waitFor('the rest of the records', () => second.status().counters.written >= N - a.written, 60_000, 50);
  await waitFor('lag 0', () => second.snapshot().lag.length === 3 && second.snapshot().totalLag === 0, 10_000, 200);
  await second.stop();
  const b = second.status().counters;

  expect(a.written + b.written).toBe(N); // no record consumed twice, none lost
  expect(b.consumed).toBe(b.written + b.deadLettered + b.skipped + b.inFlight);
  expect(await countRows(milvus, collection)).toBe(N);
  const ids = await allIds(milvus, collection, N);
  expect(ids.size).toBe(N);
  console.info('[10k] first run', a, 'second run', b, 'distinct ids', ids.size, 'lost', N - ids.size);
});

it('shares partitions between two instances of one group, through the rebalance', async () => {
  const total = 4_000;
  await createTopic(shared.topic, 4);
  await createExampleCollection(milvus, shared.collection);
  await loadCollection(milvus, shared.collection);
  const config = testConfig({ id: uid('grp'), topics: { names: [shared.topic] }, groupId: shared.group, collection: shared.collection, batchSize: 100, lingerMs: 20, errorTolerance: 'none' });
  const a = createPipeline(config, { consumer: FAST_GROUP });
  const b = createPipeline(config, { consumer: FAST_GROUP });
  await a.start();
  // ~5 s of production, so the second instance joins while records are still flowing.
  const producing = (async () => {
    for (let i = 0; i < total; i += 100) {
      await produce(shared.topic, Array.from({ length: 100 }, (_, k) => ({ key: String(i + k), value: JSON.stringify(exampleMessage(i + k)) })));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await waitFor('a first write', () => a.status().counters.written > 0, 20_000, 20);
  await b.start(); // joins mid-stream: the group rebalances while a has batches in flight
  await producing;
  await waitFor('every row', async () => (await countRows(milvus, shared.collection)) === total, 60_000, 250);
  await waitFor('both idle', () => a.status().counters.inFlight === 0 && b.status().counters.inFlight === 0, 10_000);
  await Promise.all([a.stop(), b.stop()]);
  const ca = a.status().counters;
  const cb = b.status().counters;
  expect(ca.written).toBeGreaterThan(0);
  expect(cb.written).toBeGreaterThan(0);
  // Records in flight during the rebalance may be delivered to both: at least once, never lost.
  expect(ca.written + cb.written).toBeGreaterThanOrEqual(total);
  expect((await allIds(milvus, shared.collection, total)).size).toBe(total);
  console.info('[group] instance a', ca, 'instance b', cb, 'redelivered', ca.written + cb.written - total);
});
