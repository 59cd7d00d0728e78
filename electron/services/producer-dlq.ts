// Finding a sent record in a pipeline's dead-letter topic. Before sending, the producer notes the
// DLQ's end offsets; while verifying it checks whether the DLQ grew, and only then reads the new
// records (a throwaway consumer, no commits) for one whose Connect headers name our topic,
// partition and offset.
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, IHeaders, Kafka } from 'kafkajs';
import { phraseFromJson, type Phrase } from '../../shared/convert';
import { DLQ_HEADERS } from '../engine/dead-letter';

export interface DlqMark {
  topic: string;
  /** End offsets per partition when the record was sent; empty when the topic did not exist. */
  ends: Record<number, string>;
}

export interface DeadLetterHit {
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  code: string;
  field?: string;
  stage?: string;
  words?: Phrase;
}

export interface RecordRef {
  topic: string;
  partition: number;
  offset: string;
}

async function endOffsets(admin: Admin, topic: string): Promise<Record<number, string> | undefined> {
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return Object.fromEntries(offsets.map((o) => [o.partition, o.high]));
  } catch (err) {
    if (/UNKNOWN_TOPIC|does not host|not exist/i.test(String((err as Error)?.message ?? err)) || (err as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION') return undefined;
    throw err;
  }
}

/** End offsets of each DLQ topic now (call before sending). */
export async function markDlqs(admin: Admin, topics: readonly string[]): Promise<DlqMark[]> {
  const existing = new Set(await admin.listTopics());
  return Promise.all(topics.map(async (topic) => ({ topic, ends: existing.has(topic) ? ((await endOffsets(admin, topic)) ?? {}) : {} })));
}

/** True when the DLQ has records past the mark (something was dead-lettered since). */
export async function dlqGrew(admin: Admin, mark: DlqMark): Promise<boolean> {
  const now = await endOffsets(admin, mark.topic);
  if (!now) return false;
  return Object.entries(now).some(([p, high]) => BigInt(high) > BigInt(mark.ends[Number(p)] ?? '0'));
}

function header(headers: IHeaders | undefined, key: string): string | undefined {
  const v = headers?.[key];
  if (v === undefined) return undefined;
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
}

/** Reads a DLQ from the mark on, looking for the dead letter of one record. */
export class DlqScanner {
  private consumer: Consumer | undefined;
  private found: DeadLetterHit | undefined;
  private starting: Promise<void> | undefined;
  /** End offsets when reading started, and the next offset read per partition. */
  private target: Record<number, string> = {};
  private readonly next: Record<number, string> = {};

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly mark: DlqMark,
    private readonly record: RecordRef,
  ) {}

  /** True once everything that was in the DLQ when reading started has been read. */
  caughtUp(): boolean {
    if (this.found) return true;
    return Object.entries(this.target).every(([p, end]) => BigInt(this.next[Number(p)] ?? this.mark.ends[Number(p)] ?? '0') >= BigInt(end));
  }

  /** Starts reading on first call; returns the dead letter once seen. */
  async poll(): Promise<DeadLetterHit | undefined> {
    this.starting ??= this.start();
    await this.starting;
    return this.found;
  }

  private async start(): Promise<void> {
    this.target = (await endOffsets(this.admin, this.mark.topic)) ?? {};
    const consumer = this.kafka.consumer({ groupId: `studio-verify-${randomUUID()}`, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 250 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.mark.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const h = message.headers;
        this.next[partition] = (BigInt(message.offset) + 1n).toString();
        if (this.found) return;
        if (header(h, DLQ_HEADERS.topic) !== this.record.topic) return;
        if (header(h, DLQ_HEADERS.partition) !== String(this.record.partition) || header(h, DLQ_HEADERS.offset) !== this.record.offset) return;
        const hit: DeadLetterHit = {
          topic,
          partition,
          offset: message.offset,
          reason: header(h, DLQ_HEADERS.message) ?? 'no reason recorded',
          code: header(h, DLQ_HEADERS.code) ?? '',
        };
        const field = header(h, DLQ_HEADERS.field);
        if (field) hit.field = field;
        const stage = header(h, DLQ_HEADERS.stage);
        if (stage) hit.stage = stage;
        const words = phraseFromJson(header(h, DLQ_HEADERS.words) ?? '');
        if (words) hit.words = words;
        this.found = hit;
      },
    });
    for (const [p, offset] of Object.entries(this.mark.ends)) consumer.seek({ topic: this.mark.topic, partition: Number(p), offset });
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }
}
