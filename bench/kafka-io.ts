// Kafka side of the benchmark: topics, producing the data set, and the raw consumption limit
// (kafkajs eachBatch with no writes, consumer settings as the engine uses them).
import { CompressionTypes, Kafka, logLevel, type Message } from 'kafkajs';
import { makeRecord } from './data';
import { serverCpuWindow, type ServerCpu } from './server-cpu';
import { ratePerSec } from './stats';

export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

export const benchKafka = new Kafka({ clientId: 'studio-bench', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });

export async function createTopic(topic: string, partitions: number): Promise<void> {
  const admin = benchKafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Best-effort clean-up of topics and consumer groups this run created. */
export async function deleteKafkaResources(topics: string[], groups: string[]): Promise<void> {
  const admin = benchKafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const gone = topics.filter((t) => existing.has(t));
    if (gone.length) await admin.deleteTopics({ topics: gone, timeout: 30_000 });
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
  } catch (e) {
    console.warn(`bench: Kafka clean-up incomplete: ${(e as Error).message}`);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Whether a group has committed every partition of `topic` up to its end. The engine commits only
 * behind written rows, so this is "every record landed", which summing the instances' written
 * counters cannot tell once a rebalance redelivered some records to the other instance.
 */
export function groupCaughtUp(groupId: string, topic: string): { check(): Promise<boolean>; close(): Promise<void> } {
  const admin = benchKafka.admin();
  const connected = admin.connect();
  return {
    async check() {
      await connected;
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const ends = await admin.fetchTopicOffsets(topic);
      return ends.every((e) => committed?.partitions.find((p) => p.partition === e.partition)?.offset === e.high);
    },
    close: () => connected.then(() => admin.disconnect()).catch(() => undefined),
  };
}

export interface ProduceResult {
  records: number;
  bytes: number;
  ms: number;
  recordsPerSec: number;
  mbPerSec: number;
}

/** Broker default message.max.bytes is ~1 MB per record batch (one per partition per request). */
const PARTITION_BATCH_BYTES = 900_000;
const SENDS_IN_FLIGHT = 4;

/**
 * Produces records 0..count-1 (JSON values, key = id, partition = id mod partitions), acks=1,
 * no compression, several batched sends in flight. Values are generated chunk by chunk.
 */
export async function produceDataSet(topic: string, count: number, dim: number, partitions: number, seed: number): Promise<ProduceResult> {
  const producer = benchKafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const sample = Buffer.byteLength(JSON.stringify(makeRecord(0, dim, seed)));
  const perPartition = Math.max(1, Math.floor(PARTITION_BATCH_BYTES / (sample * 1.1)));
  const chunk = perPartition * partitions;
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const from = next;
      const to = Math.min(count, from + chunk);
      next = to;
      const messages: Message[] = [];
      for (let i = from; i < to; i++) {
        const value = JSON.stringify(makeRecord(i, dim, seed));
        bytes += value.length;
        messages.push({ key: String(i), value, partition: i % partitions });
      }
      await producer.send({ topic, acks: 1, compression: CompressionTypes.None, messages });
    }
  };
  try {
    await Promise.all(Array.from({ length: SENDS_IN_FLIGHT }, worker));
  } finally {
    await producer.disconnect();
  }
  const ms = performance.now() - started;
  return { records: count, bytes, ms, recordsPerSec: ratePerSec(count, ms), mbPerSec: bytes / 1e6 / (ms / 1000) };
}

export interface RawKafkaResult {
  records: number;
  /** First record received → last record received. */
  ms: number;
  rowsPerSec: number;
  /** run() → first record (group join, first fetch). */
  startupMs: number;
  cpuSPer1k: number;
  server: ServerCpu | undefined;
  mode: 'bare';
}

/**
 * The raw consumption limit: a fresh group reads the topic from the beginning with eachBatch and
 * does nothing with the values (no JSON.parse: parsing is part of what the engine does, and its
 * cost is measured separately). Consumer settings match the engine's KafkaRecordSource.
 */
export async function rawConsume(topic: string, count: number, groupId: string): Promise<RawKafkaResult> {
  const consumer = benchKafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 1_000, allowAutoTopicCreation: false });
  await consumer.connect();
  let seen = 0;
  let first = 0;
  let last = 0;
  let serverWindow: (() => ServerCpu) | undefined;
  let server: ServerCpu | undefined;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({ batch }) => {
        if (!first) {
          first = performance.now();
          serverWindow = serverCpuWindow();
        }
        seen += batch.messages.length;
        if (seen >= count && !last) {
          last = performance.now();
          server = serverWindow?.();
          done();
        }
      },
    });
    const timeout = setTimeout(done, Math.max(60_000, count * 5));
    await finished;
    clearTimeout(timeout);
  } finally {
    await consumer.disconnect();
  }
  const cpu = process.cpuUsage(cpu0);
  if (seen < count) throw new Error(`raw consumer read ${seen} of ${count} records before timing out`);
  const ms = last - first;
  return {
    records: seen,
    ms,
    rowsPerSec: ratePerSec(seen, ms),
    startupMs: first - t0,
    cpuSPer1k: ((cpu.user + cpu.system) / 1e6 / seen) * 1000,
    server,
    mode: 'bare',
  };
}
