// Real Kafka helpers for tests: topics, producing, reading a topic back.
import { Kafka, logLevel, Partitioners, type IHeaders } from 'kafkajs';
import { KAFKA_BROKERS } from './env';

export const testKafka = new Kafka({ clientId: 'studio-tests', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });

export async function createTopic(topic: string, partitions = 1): Promise<void> {
  const admin = testKafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(...topics: string[]): Promise<void> {
  const admin = testKafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    const gone = topics.filter((t) => existing.includes(t));
    if (gone.length) await admin.deleteTopics({ topics: gone });
  } catch {
    // best effort clean-up
  } finally {
    await admin.disconnect();
  }
}

export interface TestMessage {
  key?: string | null;
  value: string | Buffer | null;
  partition?: number;
  headers?: IHeaders;
}

export async function produce(topic: string, messages: TestMessage[], chunk = 1000): Promise<void> {
  const producer = testKafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += chunk) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + chunk) });
    }
  } finally {
    await producer.disconnect();
  }
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning until `count` messages arrived (or the timeout). */
export async function readTopic(topic: string, count: number, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const consumer = testKafka.consumer({ groupId: `reader-${topic}-${Date.now()}`, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
  const out: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v ?? '');
        out.push({ partition, offset: message.offset, key: message.key, value: message.value, headers });
        if (out.length >= count) done();
      },
    });
    await Promise.race([finished, new Promise((r) => setTimeout(r, timeoutMs))]);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/** The group's committed offsets per partition ("-1" = none). */
export async function committedOffsets(groupId: string, topic: string): Promise<Map<number, string>> {
  const admin = testKafka.admin();
  await admin.connect();
  try {
    const [res] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((res?.partitions ?? []).map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}
