// Reads offset ranges of a topic without touching anyone's consumer group: a throwaway group that
// never commits (autoCommit off, seeks only), deleted afterwards. Used by the dead-letter browser.
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { RawRecord } from './dlq-records';

/** Offsets [from, to) of one partition. */
export interface ScanRange {
  from: bigint;
  to: bigint;
}

export interface PartitionBounds {
  partition: number;
  low: bigint;
  high: bigint;
}

export async function topicBounds(admin: Admin, topic: string): Promise<PartitionBounds[]> {
  return (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }));
}

/** The newest `limit` records of each partition. */
export function tailRanges(bounds: readonly PartitionBounds[], limit: number): Map<number, ScanRange> {
  const out = new Map<number, ScanRange>();
  for (const b of bounds) {
    const from = b.high - BigInt(limit) > b.low ? b.high - BigInt(limit) : b.low;
    if (from < b.high) out.set(b.partition, { from, to: b.high });
  }
  return out;
}

/** Ranges that cover exactly the wanted offsets per partition, clamped to what the log still holds. */
export function coveringRanges(bounds: readonly PartitionBounds[], wanted: readonly { partition: number; offset: string }[]): Map<number, ScanRange> {
  const out = new Map<number, ScanRange>();
  for (const w of wanted) {
    const b = bounds.find((x) => x.partition === w.partition);
    const o = BigInt(w.offset);
    if (!b || o < b.low || o >= b.high) continue;
    const r = out.get(w.partition);
    out.set(w.partition, r ? { from: o < r.from ? o : r.from, to: o + 1n > r.to ? o + 1n : r.to } : { from: o, to: o + 1n });
  }
  return out;
}

export interface ScanResult {
  records: RawRecord[];
  /** False when the deadline came before every range was read. */
  complete: boolean;
}

export async function scanTopic(kafka: Kafka, admin: Admin, topic: string, ranges: Map<number, ScanRange>, deadlineMs = 15_000): Promise<ScanResult> {
  const records: RawRecord[] = [];
  const pending = new Set([...ranges].filter(([, r]) => r.from < r.to).map(([p]) => p));
  if (!pending.size) return { records, complete: true };
  const groupId = `kafka-milvus-studio-browse-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 250, allowAutoTopicCreation: false, retry: { retries: 2 } });
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = ranges.get(batch.partition);
        if (!range || !pending.has(batch.partition)) return;
        for (const m of batch.messages) {
          const o = BigInt(m.offset);
          if (o < range.from || o >= range.to) continue;
          records.push({ partition: batch.partition, offset: m.offset, timestamp: Number(m.timestamp), key: m.key, value: m.value, headers: m.headers ?? {} });
        }
        if (BigInt(batch.lastOffset()) >= range.to - 1n) {
          pending.delete(batch.partition);
          if (!pending.size) finish();
        }
      },
    });
    for (const [partition, r] of ranges) if (pending.has(partition)) consumer.seek({ topic, partition, offset: r.from.toString() });
    const complete = await Promise.race([done.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)))]);
    return { records, complete };
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    // Nothing was committed; deleting the empty group just tidies the broker's group list.
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}
