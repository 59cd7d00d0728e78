// Per-drill resources on the default stack: topic, DLQ, collection, group, and a slow proxy to
// Milvus; created in beforeAll, removed in afterAll.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { DEFAULT_MILVUS, uid } from './env';
import { KafkaTools } from './kafka';
import { createCollection, dropCollection, milvusClient } from './milvus';
import { SlowProxy } from './slow-proxy';

export class DefaultStackTarget {
  readonly id: string;
  readonly topic: string;
  readonly dlqTopic: string;
  readonly collection: string;
  readonly groupId: string;
  readonly kafka = new KafkaTools();
  readonly milvusClient: MilvusClient = milvusClient();
  proxy: SlowProxy | undefined;

  constructor(name: string) {
    this.id = uid(`drill_${name}`);
    this.topic = uid(`t_${name}`);
    this.dlqTopic = uid(`dlq_${name}`);
    this.collection = uid(`c_${name}`);
    this.groupId = uid(`g_${name}`);
  }

  /** Milvus address for the engine: through the proxy when there is one. */
  get milvus(): string {
    return this.proxy?.address ?? DEFAULT_MILVUS;
  }

  async setUp(partitions: number, proxyDelayMs?: number): Promise<void> {
    await this.kafka.createTopic(this.topic, partitions);
    await createCollection(this.milvusClient, this.collection);
    if (proxyDelayMs !== undefined) {
      const [host, port] = DEFAULT_MILVUS.split(':');
      this.proxy = await SlowProxy.start({ targetHost: host ?? '127.0.0.1', targetPort: Number(port), delayMs: proxyDelayMs });
    }
  }

  async tearDown(): Promise<void> {
    await this.proxy?.stop();
    await this.kafka.deleteTopics(this.topic, this.dlqTopic);
    await dropCollection(this.milvusClient, this.collection);
    await this.milvusClient.closeConnection();
  }

  /** True once the group has committed every partition of the topic to its end. */
  async allCommitted(): Promise<boolean> {
    const [ends, committed] = await Promise.all([this.kafka.endOffsets(this.topic), this.kafka.committed(this.groupId, this.topic)]);
    return [...ends].every(([p, end]) => committed.get(p) === end);
  }

  async committedTotal(): Promise<number> {
    return [...(await this.kafka.committed(this.groupId, this.topic)).values()].reduce((s, o) => s + Math.max(0, o), 0);
  }
}
