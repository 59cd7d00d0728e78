// Milvus (a separate instance on its own port) is stopped for 20 s while records keep arriving:
// the pipeline shows "retrying" with the cause, holds consumption (bounded in flight), resumes by
// itself when Milvus is back, and every record lands.
import { afterAll, expect, it } from 'vitest';
import { createPipeline, type PipelineRunner } from '../../electron/engine';
import { recorder, testConfig } from './support/config';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { createTopic, deleteTopics, produce } from './support/kafka';
import { allIds, countRows, createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';
import { MilvusInstance } from './support/milvus-instance';

const topic = uid('t_outage');
const collection = uid('c_outage');
const N = 3_000;
let instance: MilvusInstance | undefined;
let runner: PipelineRunner | undefined;

afterAll(async () => {
  await runner?.stop(5_000);
  if (instance) {
    await instance.up();
    const m = testMilvus(instance.address);
    await dropCollection(m, collection);
    await m.closeConnection();
    await instance.down();
  }
  await deleteTopics(topic);
});

it('retries through a 20 s Milvus outage and loses nothing', async () => {
  instance = await MilvusInstance.start();
  const milvus = testMilvus(instance.address);
  await createTopic(topic, 2);
  await createExampleCollection(milvus, collection);
  await milvus.closeConnection();

  const batchSize = 100;
  const maxInFlightBatches = 2;
  const rec = recorder();
  const config = testConfig({
    id: uid('outage'),
    topics: { names: [topic] },
    groupId: uid('g_outage'),
    collection,
    milvus: { address: instance.address },
    batchSize,
    lingerMs: 10,
    maxInFlightBatches,
    errorTolerance: 'none',
    retry: { maxAttempts: 0, initialBackoffMs: 200, maxBackoffMs: 1_000 },
  });
  runner = createPipeline(config, rec.options);
  const r = runner;
  await r.start();

  // Records keep arriving for ~15 s: before, during and after Milvus goes away.
  const producing = (async () => {
    for (let i = 0; i < N; i += 50) {
      await produce(topic, Array.from({ length: 50 }, (_, k) => ({ key: String(i + k), value: JSON.stringify(exampleMessage(i + k)) })));
      await new Promise((res) => setTimeout(res, 250));
    }
  })();

  await waitFor('some rows before the outage', () => r.status().counters.written >= 200, 20_000, 20);
  await instance.down();
  const downAt = Date.now();
  const retrying = await waitFor('state retrying', () => (r.status().state === 'retrying' ? r.status() : undefined), 15_000, 50);
  expect(retrying.cause).toMatch(/Milvus/);
  expect(retrying.cause).toMatch(/UNAVAILABLE|ECONNREFUSED|No connection/i);

  // While Milvus is away: still retrying, and the engine holds at most what its batches allow.
  let maxInFlight = 0;
  while (Date.now() - downAt < 20_000) {
    const s = r.status();
    expect(s.state).toBe('retrying');
    maxInFlight = Math.max(maxInFlight, s.counters.inFlight);
    await new Promise((res) => setTimeout(res, 250));
  }
  expect(maxInFlight).toBeLessThanOrEqual(batchSize * (maxInFlightBatches + 1));
  const lagDuringOutage = r.snapshot().totalLag;

  await instance.up();
  await producing;
  await waitFor('all records written after recovery', () => r.status().counters.written === N, 60_000, 100);
  await waitFor('state running', () => r.status().state === 'running', 10_000);
  const c = r.status().counters;
  await r.stop();

  expect(c).toMatchObject({ consumed: N, written: N, deadLettered: 0, skipped: 0, inFlight: 0 });
  expect(c.retries).toBeGreaterThan(0);
  expect(rec.states.some((s) => s.state === 'retrying' && /Milvus/.test(s.cause ?? ''))).toBe(true);
  const check = testMilvus(instance.address);
  await loadCollection(check, collection);
  const rows = await countRows(check, collection);
  const ids = await allIds(check, collection, N);
  await check.closeConnection();
  expect(rows).toBe(N);
  expect(ids.size).toBe(N);
  console.info('[outage] counters', c, 'max in flight during outage', maxInFlight, 'lag during outage', lagDuringOutage, 'rows', rows, 'lost', N - ids.size);
});
