// Kafka helpers bound to one cluster: topics, producing, reading a topic back to its end.
import { Kafka, logLevel, Partitioners, type IHeaders, type ITopicConfig } from 'kafkajs';
import { DEFAULT_KAFKA, waitFor } from './env';

export interface OutMessage {
  key: string | null;
  value: string | Buffer | null;
  partition?: number;
  headers?: IHeaders;
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export class KafkaTools {
  readonly kafka: Kafka;

  constructor(readonly brokers: string[] = DEFAULT_KAFKA) {
    this.kafka = new Kafka({ clientId: 'studio-fault-drills', brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
  }

  private async withAdmin<T>(fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  }

  async createTopic(topic: string, partitions: number, configEntries?: ITopicConfig['configEntries']): Promise<void> {
    await this.withAdmin((a) => a.createTopics({ topics: [{ topic, numPartitions: partitions, ...(configEntries ? { configEntries } : {}) }], waitForLeaders: true }));
  }

  async deleteTopics(...topics: string[]): Promise<void> {
    await this.withAdmin(async (a) => {
      const existing = await a.listTopics();
      const gone = topics.filter((t) => existing.includes(t));
      if (gone.length) await a.deleteTopics({ topics: gone });
    }).catch(() => undefined);
  }

  /** Sends in chunks with acks=all; no client-side size limit (the topic's max.message.bytes rules). */
  async produce(topic: string, messages: OutMessage[], chunk = 500): Promise<void> {
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (let i = 0; i < messages.length; i += chunk) {
        await producer.send({ topic, acks: -1, messages: messages.slice(i, i + chunk) });
      }
    } finally {
      await producer.disconnect();
    }
  }

  /** Next offset to write, per partition. */
  async endOffsets(topic: string): Promise<Map<number, number>> {
    return this.withAdmin(async (a) => new Map((await a.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)])));
  }

  /** The group's committed offsets per partition (-1 = none). */
  async committed(groupId: string, topic: string): Promise<Map<number, number>> {
    return this.withAdmin(async (a) => {
      const [res] = await a.fetchOffsets({ groupId, topics: [topic] });
      return new Map((res?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    });
  }

  /** Reads every message currently in the topic (up to its end offsets at call time). */
  async readAll(topic: string, timeoutMs = 60_000): Promise<ReadMessage[]> {
    const ends = await this.endOffsets(topic);
    const total = [...ends.values()].reduce((s, n) => s + n, 0);
    const out: ReadMessage[] = [];
    if (total === 0) return out;
    const seen = new Map<number, number>();
    const consumer = this.kafka.consumer({ groupId: `drill-reader-${topic}-${Date.now()}`, sessionTimeout: 6_000, heartbeatInterval: 500, maxBytesPerPartition: 20 * 1024 * 1024 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v ?? '');
          out.push({ partition, offset: message.offset, key: message.key ? message.key.toString() : null, value: message.value, headers });
          seen.set(partition, Number(message.offset) + 1);
        },
      });
      const done = (): boolean => [...ends].every(([p, end]) => end === 0 || (seen.get(p) ?? 0) >= end);
      await waitFor(`reading ${topic} to its end`, done, timeoutMs, 50);
    } finally {
      await consumer.disconnect();
    }
    return out;
  }
}
