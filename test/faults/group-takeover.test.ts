// Drill: two engine processes share one consumer group (3 partitions); one is killed with SIGKILL.
// After its session expires the survivor takes over its partitions and everything lands.
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
const t = new DefaultStackTarget('group');
const engines: EngineChild[] = [];

beforeAll(() => t.setUp(PARTITIONS, 60));

afterAll(async () => {
  for (const e of engines) e.kill('SIGKILL');
  await t.tearDown();
});

it('hands a killed member’s partitions to the survivor and loses nothing', async () => {
  const started = Date.now();
  const rnd = seeded(SEED + 4);
  const data = drillDataset(N, { partitions: PARTITIONS, seed: SEED + 4 });
  const config = drillConfig(t, { batchSize: 25, lingerMs: 10, maxInFlightBatches: 1 });
  const a = new EngineChild('engine A', config, { consumer: FAST_GROUP });
  const b = new EngineChild('engine B', config, { consumer: FAST_GROUP });
  engines.push(a, b);
  await Promise.all([a.ready(), b.ready()]);
  await t.kafka.produce(t.topic, data.messages);
  await waitFor('both members consuming', () => (a.counters?.consumed ?? 0) > 0 && (b.counters?.consumed ?? 0) > 0, 60_000, 20);

  const [victim, survivor] = rnd() < 0.5 ? [a, b] : [b, a];
  const killAt = Math.floor(N * (0.3 + rnd() * 0.2));
  await waitFor(`${killAt} rows written by the group`, () => a.written + b.written >= killAt, 120_000, 10);
  victim.kill('SIGKILL');
  await victim.exited;
  const victimAt = victim.counters;
  const survivorAt = survivor.counters;
  const committedAtKill = await t.committedTotal();

  await waitFor('every partition committed to its end by the survivor', () => t.allCommitted(), 180_000, 500);
  const final = await survivor.stop();
  expectCountersAddUp(final);
  // The survivor did more than its own share: it took over the victim's partitions.
  expect((final?.consumed ?? 0) - (survivorAt?.consumed ?? 0)).toBeGreaterThan(0);

  const acc = await account({ milvus: t.milvusClient, collection: t.collection, kafka: t.kafka, topic: t.topic, dlqTopic: t.dlqTopic, data, partitions: PARTITIONS });
  const crashes = a.crashes() + b.crashes();
  appendAccounted({
    drill: 'group-member-killed', sent: N, accounting: acc, skipped: final?.skipped ?? 0, crashes, started,
    notes: `killed ${victim.name} at consumed ${victimAt?.consumed} (survivor at ${survivorAt?.consumed}, committed ${committedAtKill}); survivor finished at consumed ${final?.consumed}; dlq repeats ${acc.dlqRepeats}`,
  });
  expect(crashes, `${a.tail()}\n${b.tail()}`).toBe(0);
  expectClean(acc, data, { dlqRepeatsAllowed: true });
});
