// kafkajs behind RecordSource (consumer group + admin) and RecordSink (dead-letter producer).
import { Partitioners, type Admin, type Consumer, type EachBatchPayload, type Kafka, type Producer } from 'kafkajs';
import type { PartitionLag } from '../../shared/pipeline-status';
import { chunkBySize } from './dead-letter-chunks';
import {
  oneLine,
  type Failure,
  type OffsetPosition,
  type OutRecord,
  type RecordSink,
  type RecordSource,
  type SourceBatch,
  type SourceHandlers,
  type TopicPartition,
  type TopicPartitionOffset,
  type WriteResult,
} from './types';

export interface ConsumerTuning {
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Fetch long-poll time; a stop waits for the poll in progress, so keep it short (default 1 s). */
  maxWaitTimeMs?: number;
  /** kafkajs' own retry of broker requests before a crash-and-restart. */
  retry?: { initialRetryTime: number; maxRetryTime: number; retries: number };
}

/** kafkajs marks retriable protocol and connection errors; anything else will not heal by waiting. */
export function classifyKafkaError(e: unknown): Failure {
  const err = e as { retriable?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const message = oneLine(typeof err?.message === 'string' ? err.message : String(e));
  const name = typeof err?.name === 'string' ? err.name : '';
  const retriable =
    err?.retriable === true ||
    /Connection|Timeout|NumberOfRetriesExceeded|RequestQueue/.test(name) ||
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|not available|leader/i.test(message);
  return { kind: retriable ? 'transient' : 'fatal', reason: `Kafka: ${message}` };
}

export class KafkaRecordSource implements RecordSource {
  private readonly admin: Admin;
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly groupId: string,
    tuning: ConsumerTuning = {},
  ) {
    this.admin = kafka.admin();
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: tuning.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: tuning.heartbeatIntervalMs ?? 3_000,
      rebalanceTimeout: tuning.rebalanceTimeoutMs ?? 60_000,
      maxWaitTimeInMs: tuning.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
      ...(tuning.retry ? { retry: tuning.retry } : {}),
    });
  }

  async connect(): Promise<void> {
    await this.admin.connect();
  }

  async listTopics(): Promise<string[]> {
    return (await this.admin.listTopics()).filter((t) => !t.startsWith('__'));
  }

  async run(topics: string[], fromBeginning: boolean, handlers: SourceHandlers): Promise<void> {
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (e) => {
      const assigned: TopicPartition[] = [];
      for (const [topic, partitions] of Object.entries(e.payload.memberAssignment)) {
        for (const partition of partitions) assigned.push({ topic, partition });
      }
      handlers.onAssign(assigned);
    });
    this.consumer.on(CRASH, (e) => handlers.onError(classifyKafkaError(e.payload.error).reason, e.payload.restart));
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning });
    await this.consumer.run({
      autoCommit: false,
      // We resolve each record as the engine takes it; unresolved ones are fetched again.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => handlers.onBatch(adaptBatch(payload)),
    });
  }

  async commit(offsets: TopicPartitionOffset[]): Promise<void> {
    if (offsets.length) await this.consumer.commitOffsets(offsets);
  }

  // kafkajs throws when no consumer group runs (before run, while restarting after a crash); the
  // engine applies its pause again on every (re)join, so a no-op here is safe.
  pause(topics: string[]): void {
    try {
      if (topics.length) this.consumer.pause(topics.map((topic) => ({ topic })));
    } catch {
      // not running
    }
  }

  resume(topics: string[]): void {
    try {
      if (topics.length) this.consumer.resume(topics.map((topic) => ({ topic })));
    } catch {
      // not running
    }
  }

  seek(target: TopicPartitionOffset): void {
    this.consumer.seek(target);
  }

  async offsetsAt(topic: string, position: OffsetPosition): Promise<{ partition: number; offset: string }[]> {
    if (typeof position === 'object') {
      // Partitions with nothing at or after the timestamp come back at the high watermark.
      return this.admin.fetchTopicOffsetsByTimestamp(topic, position.timestampMs);
    }
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ partition: o.partition, offset: position === 'earliest' ? o.low : o.high }));
  }

  async fetchLag(topics: string[]): Promise<PartitionLag[]> {
    const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics });
    const lags: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const c = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        // Nothing committed yet: everything still in the log is lag.
        const from = Number(c) >= 0 ? c : end.low;
        lags.push({
          topic,
          partition: end.partition,
          committed: c,
          highWatermark: end.high,
          lag: Math.max(0, Number(end.high) - Number(from)),
        });
      }
    }
    return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.consumer.disconnect(), this.admin.disconnect()]);
  }
}

function adaptBatch(p: EachBatchPayload): SourceBatch {
  const { topic, partition } = p.batch;
  return {
    topic,
    partition,
    records: p.batch.messages.map((m) => ({
      topic,
      partition,
      offset: m.offset,
      key: m.key,
      value: m.value,
      headers: m.headers ?? {},
      timestamp: Number(m.timestamp),
    })),
    isActive: () => p.isRunning() && !p.isStale(),
    accept: (offset) => p.resolveOffset(offset),
    heartbeat: () => p.heartbeat(),
  };
}

/** What a dead-letter topic we create accepts, and what we assume of one we cannot describe. */
const DLQ_MAX_BYTES = 16 * 1024 * 1024;
const BROKER_DEFAULT_MAX_BYTES = 1_000_000;
/** kafkajs' ConfigResourceTypes.TOPIC; its CommonJS build hides that enum from ESM named imports. */
const TOPIC_RESOURCE = 2;

export class KafkaRecordSink implements RecordSink {
  private readonly admin: Admin;
  private readonly limits = new Map<string, number>();
  private readonly producer: Producer;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 3 },
    });
  }

  async connect(): Promise<void> {
    await Promise.all([this.admin.connect(), this.producer.connect()]);
  }

  async ensureTopic(topic: string): Promise<void> {
    const existing = await this.admin.listTopics();
    if (!existing.includes(topic)) {
      // Big enough for any record the engine dead-letters (conversion refuses values over 8 MiB).
      // createTopics returns false when it already exists (a concurrent creator won): fine either way.
      await this.admin.createTopics({ topics: [{ topic, configEntries: [{ name: 'max.message.bytes', value: String(DLQ_MAX_BYTES) }] }], waitForLeaders: true });
    }
    this.limits.set(topic, await this.maxMessageBytes(topic));
  }

  private async maxMessageBytes(topic: string): Promise<number> {
    try {
      const res = await this.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: TOPIC_RESOURCE, name: topic, configNames: ['max.message.bytes'] }] });
      const value = Number(res.resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue);
      return Number.isFinite(value) && value > 0 ? value : BROKER_DEFAULT_MAX_BYTES;
    } catch {
      return BROKER_DEFAULT_MAX_BYTES;
    }
  }

  async send(topic: string, records: OutRecord[]): Promise<WriteResult> {
    if (!records.length) return { ok: true };
    try {
      // One send per size-bounded chunk: Kafka limits a whole record batch, not just one record.
      for (const chunk of chunkBySize(records, this.limits.get(topic) ?? BROKER_DEFAULT_MAX_BYTES)) {
        await this.producer.send({ topic, acks: -1, messages: chunk });
      }
      return { ok: true };
    } catch (e) {
      const f = classifyKafkaError(e);
      return { ok: false, kind: f.kind, reason: `dead-letter topic ${topic}: ${f.reason}` };
    }
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
