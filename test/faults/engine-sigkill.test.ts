// Drill: the engine process is killed with SIGKILL while batches are in flight (no stop, no
// commit), then started again in the same consumer group: every record still lands, because
// offsets are only committed behind records that are written or dead-lettered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drillConfig, FAST_GROUP } from './support/config';
import { drillDataset } from './support/dataset';
import { DefaultStackTarget } from './support/drill-target';
import { EngineChild } from './support/engine-child';
import { SEED, seeded, waitFor } from './support/env';
import { appendAccounted } from './support/results';
import { account, expectClean, expectCountersAddUp } from './support/verify';

const N = 4_000;
const PARTITIONS = 3;
const t = new DefaultStackTarget('kill');
const children: EngineChild[] = [];

beforeAll(() => t.setUp(PARTITIONS, 40));

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await t.tearDown();
});

it('loses nothing when the engine is SIGKILLed mid-batch and restarted in the same group', async () => {
  const started = Date.now();
  const rnd = seeded(SEED + 2);
  const data = drillDataset(N, { partitions: PARTITIONS, seed: SEED + 2 });
  await t.kafka.produce(t.topic, data.messages);
  const config = drillConfig(t, { batchSize: 50, lingerMs: 10, maxInFlightBatches: 2 });

  const first = new EngineChild('first engine', config, { consumer: FAST_GROUP });
  children.push(first);
  await first.ready();
  const killAt = Math.floor(N * (0.25 + rnd() * 0.35));
  await waitFor(`first engine past ${killAt} rows with a batch in flight`, () => first.written >= killAt && (first.counters?.inFlight ?? 0) > 0, 90_000, 5);
  first.kill('SIGKILL');
  const exit = await first.exited;
  const atKill = first.counters;
  expect(exit.signal ?? exit.code).toBeTruthy();
  expect(atKill?.inFlight ?? 0, 'records in flight when killed').toBeGreaterThan(0);
  const committedAtKill = await t.committedTotal();
  expect(committedAtKill).toBeLessThan(N);

  const second = new EngineChild('second engine', config, { consumer: FAST_GROUP });
  children.push(second);
  await second.ready();
  await waitFor('every partition committed to its end', () => t.allCommitted(), 180_000, 500);
  const final = await second.stop();
  expectCountersAddUp(final);

  const a = await account({ milvus: t.milvusClient, collection: t.collection, kafka: t.kafka, topic: t.topic, dlqTopic: t.dlqTopic, data, partitions: PARTITIONS });
  const crashes = first.crashes() + second.crashes();
  appendAccounted({
    drill: 'engine-sigkill-restart', sent: N, accounting: a, skipped: final?.skipped ?? 0, crashes, started,
    notes: `killed at written ~${atKill?.written} with ${atKill?.inFlight} in flight; committed ${committedAtKill}; the second engine consumed ${final?.consumed} from there; dlq repeats ${a.dlqRepeats}`,
  });
  expect(crashes, `${first.tail()}\n${second.tail()}`).toBe(0);
  // Dead letters sent but not yet committed when killed are sent again: at-least-once.
  expectClean(a, data, { dlqRepeatsAllowed: true });
});
