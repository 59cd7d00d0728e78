// Drills (minimal): dead letters bigger than the dead-letter topic accepts. The engine creates its DLQ
// with the broker default max.message.bytes (~1 MiB), which limits a whole record batch. A record
// that must be dead-lettered has to be dead-lettered with its reason whatever its size, and the
// pipeline must carry on: one bad record (or one batch of them) may never stop the stream.
import { afterAll, expect, it } from 'vitest';
import type { ITopicConfig } from 'kafkajs';
import { drillConfig } from './support/config';
import { goodValue } from './support/dataset';
import { uid, waitFor } from './support/env';
import { inProcess, type Recorded } from './support/in-process';
import { KafkaTools, type OutMessage } from './support/kafka';
import { createCollection, countRows, dropCollection, milvusClient } from './support/milvus';
import { appendResult } from './support/results';
import { H } from './support/verify';

const kafka = new KafkaTools();
const milvus = milvusClient();
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of cleanups) await c();
  await milvus.closeConnection();
});

interface Case {
  drill: string;
  messages: OutMessage[];
  topicConfig?: ITopicConfig['configEntries'];
  /** Keys that must reach the DLQ, with their code. */
  dead: Map<string, string>;
  good: number;
}

async function run(c: Case): Promise<void> {
  const started = Date.now();
  const t = { id: uid('drill_dlqsize'), topic: uid('t_dlqsize'), dlqTopic: uid('dlq_dlqsize'), collection: uid('c_dlqsize'), groupId: uid('g_dlqsize') };
  const held: { rec?: Recorded } = {};
  cleanups.push(async () => {
    await held.rec?.runner.stop(5_000);
    await kafka.deleteTopics(t.topic, t.dlqTopic);
    await dropCollection(milvus, t.collection);
  });
  await kafka.createTopic(t.topic, 1, c.topicConfig);
  await createCollection(milvus, t.collection);
  await kafka.produce(t.topic, c.messages, 10);
  const r = inProcess(drillConfig(t, { extraFields: 'error', batchSize: 100, lingerMs: 50 }));
  held.rec = r;
  await r.runner.start();
  const n = c.messages.length;
  await waitFor('every record settled, or the pipeline failed', () => r.processed() >= n || r.runner.status().state === 'failed', 60_000, 100).catch(() => undefined);
  const status = r.runner.status();
  await r.runner.stop();
  const dlq = await kafka.readAll(t.dlqTopic, 10_000).catch(() => []);
  const rows = await countRows(milvus, t.collection);
  appendResult({
    drill: c.drill,
    sent: n,
    written: rows,
    deadLettered: dlq.length,
    skipped: status.counters.skipped,
    lost: n - rows - dlq.length,
    duplicated: 0,
    malformedKinds: 0,
    crashes: r.crashes(),
    seconds: Math.round((Date.now() - started) / 1000),
    notes: `state ${status.state}${status.cause ? `: ${status.cause}` : ''}`,
  });
  expect(status.state, status.cause).not.toBe('failed');
  expect(new Map(dlq.map((d) => [d.key ?? '', d.headers[H.code] ?? '']))).toEqual(c.dead);
  expect(rows).toBe(c.good);
}

it('dead-letters a 9 MiB record (topic allows 16 MiB) and keeps going', async () => {
  const huge = Buffer.from(JSON.stringify({ ...goodValue(1), title: 'x'.repeat(9 * 1024 * 1024) }));
  await run({
    drill: 'dlq-oversize-record',
    topicConfig: [{ name: 'max.message.bytes', value: String(16 * 1024 * 1024) }],
    messages: [
      { key: '0', value: JSON.stringify(goodValue(0)) },
      { key: 'huge', value: huge },
      { key: '2', value: JSON.stringify(goodValue(2)) },
    ],
    dead: new Map([['huge', 'too_large']]),
    good: 2,
  });
});

it('dead-letters a batch of 100 small bad records (20 KiB each, 2 MiB together) and keeps going', async () => {
  const pad = 'p'.repeat(20 * 1024);
  const messages: OutMessage[] = Array.from({ length: 100 }, (_, i) => ({ key: `bad${i}`, value: JSON.stringify({ ...goodValue(i), vec: [1, 2, 3], pad }) }));
  messages.push({ key: 'good', value: JSON.stringify(goodValue(1000)) });
  await run({ drill: 'dlq-oversize-batch', messages, dead: new Map(messages.slice(0, 100).map((m) => [m.key ?? '', 'wrong_dimension'])), good: 1 });
});
