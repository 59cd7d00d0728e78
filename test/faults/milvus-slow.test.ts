// Drill: Milvus is slow (a proxy delays every TCP chunk by 200 ms each way) while a large backlog
// waits in Kafka. Backpressure must hold: the engine process's RSS stays flat (peak − baseline under
// a generous bound) however far behind it is, and every record still lands.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drillConfig, FAST_GROUP } from './support/config';
import { drillDataset } from './support/dataset';
import { DefaultStackTarget } from './support/drill-target';
import { EngineChild } from './support/engine-child';
import { SEED, sleep, waitFor } from './support/env';
import { appendAccounted } from './support/results';
import { account, expectClean, expectCountersAddUp } from './support/verify';

const N = 5_000;
const PARTITIONS = 3;
const PAD = 20 * 1024; // bytes per record in a dropped field: a ~100 MB backlog
const DELAY_MS = 200;
const RSS_BOUND = 300 * 1024 * 1024;
const MB = 1024 * 1024;
const t = new DefaultStackTarget('slow');
let engine: EngineChild | undefined;

beforeAll(() => t.setUp(PARTITIONS, DELAY_MS));

afterAll(async () => {
  engine?.kill('SIGKILL');
  await t.tearDown();
});

it(`keeps memory flat behind a ${DELAY_MS} ms-per-chunk Milvus with a large backlog`, async () => {
  const started = Date.now();
  const data = drillDataset(N, { partitions: PARTITIONS, seed: SEED + 3, padBytes: PAD });
  engine = new EngineChild('slow-milvus engine', drillConfig(t, { batchSize: 100, lingerMs: 20, maxInFlightBatches: 2 }), { consumer: FAST_GROUP });
  const e = engine;
  await e.ready();
  await sleep(1_000);
  const baseline = Math.max(e.rss(), 1);

  let produced = 0;
  const producing = (async () => {
    for (let i = 0; i < N; i += 500) {
      await t.kafka.produce(t.topic, data.messages.slice(i, i + 500), 100);
      produced = Math.min(N, i + 500);
    }
  })();
  let peak = baseline;
  let maxBacklog = 0;
  let samples = 0;
  let done = false;
  void waitFor('every partition committed to its end', () => produced === N && t.allCommitted(), 300_000, 500).finally(() => (done = true));
  while (!done) {
    peak = Math.max(peak, e.rss());
    const c = e.counters;
    if (c) maxBacklog = Math.max(maxBacklog, produced - (c.written + c.deadLettered));
    samples++;
    await sleep(100);
  }
  await producing;
  expect(await t.allCommitted(), 'everything committed').toBe(true);
  const final = await e.stop();
  expectCountersAddUp(final);

  const a = await account({ milvus: t.milvusClient, collection: t.collection, kafka: t.kafka, topic: t.topic, dlqTopic: t.dlqTopic, data, partitions: PARTITIONS });
  const growth = peak - baseline;
  appendAccounted({
    drill: 'milvus-slow-200ms', sent: N, accounting: a, skipped: final?.skipped ?? 0, crashes: e.crashes(), started,
    notes: `RSS baseline ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB, ${samples} samples); max backlog ${maxBacklog} records (~${((maxBacklog * PAD) / MB).toFixed(0)} MB); proxy connections ${t.proxy?.connections}`,
  });
  expect(maxBacklog, 'a large backlog existed while sampling').toBeGreaterThan(N / 2);
  expect(growth, `RSS growth ${(growth / MB).toFixed(0)} MB`).toBeLessThan(RSS_BOUND);
  expect(e.crashes(), e.tail()).toBe(0);
  expectClean(a, data);
});
