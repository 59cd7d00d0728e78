// Drill: the Kafka broker (our own instance) is stopped mid-stream and started again. The engine
// rides it out (consumer restart, commits and dead letters retried), then finishes: every key is
// in Milvus or in the DLQ and everything is committed. Milvus is reached through a slightly slow
// proxy so the stream is still going when the broker goes away.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { drillConfig } from './support/config';
import { drillDataset } from './support/dataset';
import { DEFAULT_MILVUS, SEED, seeded, sleep, uid, waitFor } from './support/env';
import { inProcess, type Recorded } from './support/in-process';
import { KafkaTools } from './support/kafka';
import { createCollection, dropCollection, milvusClient } from './support/milvus';
import { appendAccounted } from './support/results';
import { SlowProxy } from './support/slow-proxy';
import { StackService } from './support/stack';
import { account, expectClean, expectCountersAddUp } from './support/verify';

const N = 4_000;
const PARTITIONS = 3;
const svc = StackService.kafka();
const kafka = new KafkaTools([svc.address]);
const milvus: MilvusClient = milvusClient();
const t = { id: uid('drill_kafka'), topic: uid('t_kafka'), dlqTopic: uid('dlq_kafka'), collection: uid('c_kafka'), groupId: uid('g_kafka') };
let rec: Recorded | undefined;
let proxy: SlowProxy | undefined;

beforeAll(async () => {
  await svc.up();
  await kafka.createTopic(t.topic, PARTITIONS);
  await createCollection(milvus, t.collection);
  const [host, port] = DEFAULT_MILVUS.split(':');
  proxy = await SlowProxy.start({ targetHost: host ?? '127.0.0.1', targetPort: Number(port), delayMs: 15 });
});

afterAll(async () => {
  await rec?.runner.stop(5_000);
  await proxy?.stop();
  await svc.up().catch(() => undefined);
  await kafka.deleteTopics(t.topic, t.dlqTopic);
  await svc.down();
  await dropCollection(milvus, t.collection);
  await milvus.closeConnection();
});

/** True once the group has committed every partition to its end. */
async function allCommitted(): Promise<boolean> {
  const [ends, committed] = await Promise.all([kafka.endOffsets(t.topic), kafka.committed(t.groupId, t.topic)]);
  return [...ends].every(([p, end]) => committed.get(p) === end);
}

it('rides out a broker stop and restart mid-stream and loses nothing', async () => {
  const started = Date.now();
  const rnd = seeded(SEED + 1);
  const data = drillDataset(N, { partitions: PARTITIONS, seed: SEED + 1 });
  await kafka.produce(t.topic, data.messages);
  rec = inProcess(drillConfig({ ...t, brokers: [svc.address], milvus: proxy?.address }, { batchSize: 50, maxInFlightBatches: 1 }));
  const r = rec;
  await r.runner.start();

  const stopAt = Math.floor(N * (0.2 + rnd() * 0.25));
  await waitFor(`${stopAt} records processed`, () => r.processed() >= stopAt, 60_000, 10);
  const atStop = r.processed();
  await svc.down();
  const downAt = Date.now();
  // With the broker gone, the pipeline must say so (consumer, commit or dead-letter retries).
  const retrying = await waitFor('state retrying with a Kafka cause', () => {
    const s = r.runner.status();
    return s.state === 'retrying' && /Kafka|dead-letter/i.test(s.cause ?? '') ? s : undefined;
  }, 60_000, 50).catch(() => undefined);
  await sleep(Math.max(0, 3_000 + Math.floor(rnd() * 3_000) - (Date.now() - downAt)));
  const whileDown = r.processed();
  await svc.up();

  await waitFor('every partition committed to its end', allCommitted, 180_000, 500);
  await waitFor('nothing in flight', () => r.runner.status().counters.inFlight === 0, 30_000);
  await r.runner.stop();
  const c = r.runner.status().counters;
  expectCountersAddUp(c);
  expect(c.consumed).toBeGreaterThanOrEqual(N);

  const a = await account({ milvus, collection: t.collection, kafka, topic: t.topic, dlqTopic: t.dlqTopic, data, partitions: PARTITIONS });
  appendAccounted({
    drill: 'kafka-broker-restart', sent: N, accounting: a, skipped: c.skipped, crashes: r.crashes(), started,
    notes: `stopped at ${atStop}, ${whileDown} while down; consumed ${c.consumed} (redelivered ${c.consumed - N}); retries ${c.retries}; dlq repeats ${a.dlqRepeats}; cause: ${retrying?.cause ?? 'none shown'}`,
  });
  expect(retrying?.cause, 'a retrying state with the Kafka cause').toBeDefined();
  expect(r.crashes()).toBe(0);
  // The DLQ producer may repeat a send whose ack the dying broker never returned: at-least-once.
  expectClean(a, data, { dlqRepeatsAllowed: true });
});
