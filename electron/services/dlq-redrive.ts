// Redrive: the chosen dead-letter records go back to the topic and partition they came from, with
// their original key, value and headers (the error headers removed). Every record is counted.
import { Partitioners, type Admin, type Kafka, type Message } from 'kafkajs';
import type { DlqSelection, RedriveResult } from '../../shared/contract-monitor';
import { recordKey, redriveHeaders, sourceOf, type RawRecord } from './dlq-records';
import { coveringRanges, scanTopic, topicBounds } from './dlq-scan';

const CHUNK = 500;

interface Outgoing {
  from: RawRecord;
  message: Message;
}

/** Groups the found records by source topic; records without a usable source are problems. */
export function planRedrive(found: readonly RawRecord[], partitionsOf: ReadonlyMap<string, number>): { byTopic: Map<string, Outgoing[]>; problems: RedriveResult['problems'] } {
  const byTopic = new Map<string, Outgoing[]>();
  const problems: RedriveResult['problems'] = [];
  for (const r of found) {
    const src = sourceOf(r.headers);
    if (!src.topic) {
      problems.push({ partition: r.partition, offset: r.offset, reason: 'no __connect.errors.topic header: the source topic is unknown' });
      continue;
    }
    const count = partitionsOf.get(src.topic);
    if (count === undefined) {
      problems.push({ partition: r.partition, offset: r.offset, reason: `source topic ${src.topic} does not exist` });
      continue;
    }
    const message: Message = { key: r.key, value: r.value, headers: redriveHeaders(r.headers) };
    // Back to its own partition keeps the order per key; the partitioner decides if it is gone.
    if (src.partition !== null && src.partition < count) message.partition = src.partition;
    const list = byTopic.get(src.topic) ?? [];
    list.push({ from: r, message });
    byTopic.set(src.topic, list);
  }
  return { byTopic, problems };
}

export interface RedriveOutcome {
  result: RedriveResult;
  /** Dead-letter positions that were sent back. */
  sent: { partition: number; offset: string }[];
}

export async function redrive(kafka: Kafka, admin: Admin, dlqTopic: string, selection: DlqSelection): Promise<RedriveOutcome> {
  const wanted = new Set(selection.map((s) => recordKey(s.partition, s.offset)));
  const bounds = await topicBounds(admin, dlqTopic);
  const scan = await scanTopic(kafka, admin, dlqTopic, coveringRanges(bounds, selection));
  const found = scan.records.filter((r) => wanted.delete(recordKey(r.partition, r.offset)));
  const missing = [...wanted].map((k) => {
    const [partition, offset] = k.split(':') as [string, string];
    return { partition: Number(partition), offset, reason: `no longer in ${dlqTopic} (retention) or not read in time` };
  });

  const sources = [...new Set(found.map((r) => sourceOf(r.headers).topic).filter((t): t is string => t !== null))];
  const existing = new Set(await admin.listTopics());
  const partitionsOf = new Map<string, number>();
  const present = sources.filter((t) => existing.has(t));
  if (present.length) {
    for (const t of (await admin.fetchTopicMetadata({ topics: present })).topics) partitionsOf.set(t.name, t.partitions.length);
  }
  const { byTopic, problems } = planRedrive(found, partitionsOf);

  const result: RedriveResult = { requested: selection.length, redriven: 0, skipped: missing.length + problems.length, failed: 0, topics: [], problems: [...missing, ...problems] };
  const sent: RedriveOutcome['sent'] = [];
  if (!byTopic.size) return { result, sent };
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 3 } });
  await producer.connect();
  try {
    for (const [topic, list] of byTopic) {
      for (let i = 0; i < list.length; i += CHUNK) {
        const chunk = list.slice(i, i + CHUNK);
        try {
          await producer.send({ topic, acks: -1, messages: chunk.map((o) => o.message) });
          result.redriven += chunk.length;
          for (const o of chunk) sent.push({ partition: o.from.partition, offset: o.from.offset });
          if (!result.topics.includes(topic)) result.topics.push(topic);
        } catch (err) {
          result.failed += chunk.length;
          const reason = `sending to ${topic} failed: ${err instanceof Error ? err.message : String(err)}`;
          for (const o of chunk) result.problems.push({ partition: o.from.partition, offset: o.from.offset, reason });
        }
      }
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
  return { result, sent };
}
