// The engine process is killed with SIGKILL mid-stream (no stop, no commit), then started again:
// every record still lands, because offsets are only ever committed behind written records.
import { afterAll, expect, it } from 'vitest';
import { startChildPipeline, type ChildPipeline } from './support/child';
import { FAST_GROUP, testConfig } from './support/config';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { committedOffsets, createTopic, deleteTopics, produce } from './support/kafka';
import { allIds, countRows, createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';

const milvus = testMilvus();
const topic = uid('t_kill');
const collection = uid('c_kill');
const group = uid('g_kill');
const N = 6_000;
const children: ChildPipeline[] = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await dropCollection(milvus, collection);
  await deleteTopics(topic);
  await milvus.closeConnection();
});

it('loses nothing when the engine is killed with SIGKILL mid-batch and restarted', async () => {
  await createTopic(topic, 3);
  await createExampleCollection(milvus, collection);
  await loadCollection(milvus, collection);
  await produce(topic, Array.from({ length: N }, (_, i) => ({ key: String(i), value: JSON.stringify(exampleMessage(i)) })));
  // Small batches keep the first process busy long enough to be killed in the middle.
  const config = testConfig({ id: uid('kill'), topics: { names: [topic] }, groupId: group, collection, batchSize: 50, lingerMs: 10, maxInFlightBatches: 2, errorTolerance: 'none' });

  const first = startChildPipeline(config, { consumer: FAST_GROUP });
  children.push(first);
  await waitFor('the first process to write 1500 rows', () => (first.counters?.written ?? 0) >= 1_500, 60_000, 10);
  first.kill('SIGKILL');
  const exitCode = await first.exited;
  const killedAt = first.counters;
  expect(exitCode).toBeNull(); // killed by a signal, not exited
  expect(killedAt?.written ?? 0).toBeLessThan(N);
  const committed = [...(await committedOffsets(group, topic)).values()].reduce((s, o) => s + Math.max(0, Number(o)), 0);
  // The reported counters lag the child by up to 100 ms, so committed is only checked to be partial.
  expect(committed).toBeLessThan(N);

  const second = startChildPipeline(config, { consumer: FAST_GROUP });
  children.push(second);
  await waitFor('all rows in Milvus', async () => (await countRows(milvus, collection)) === N, 90_000, 500);
  second.kill('SIGTERM');
  await waitFor('a graceful stop', () => second.stoppedCleanly(), 20_000);
  const after = second.counters;
  const ids = await allIds(milvus, collection, N);
  expect(ids.size).toBe(N);
  expect(after && after.consumed).toBe(after && after.written + after.deadLettered + after.skipped + after.inFlight);
  // The second process re-read what the first wrote but had not committed yet: harmless upserts.
  console.info('[sigkill] first process at kill', killedAt, 'committed', committed, 'second process', after, 'distinct ids', ids.size, 'lost', N - ids.size);
});
