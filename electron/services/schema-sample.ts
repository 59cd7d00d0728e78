// 'schema.sample': read the first or last N records of a topic for the schema view.
//
// No user group's offsets move: kafkajs can only fetch inside a consumer group, so we join a
// throwaway group of our own (kafka-milvus-studio-sample-<uuid>) that no pipeline uses, with
// autoCommit off and no commitOffsets call (seeks do not commit when autoCommit is off), and delete
// it when done. Each partition is read from an explicit seek over a planned offset range, so where
// the group would start is irrelevant, and reading stops at the range end, the size budget or the
// time limit (then the result is partial and says so).
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { KafkaConnection } from '../../shared/connections';
import { SAMPLE_DEFAULT_TIMEOUT_MS, type SampledMessage, type SampleRequest, type TopicSample, type UnparseableSample } from '../../shared/contract-schema';
import { AppFailure } from '../../shared/errors';
import { decodeSamples, inferDecoded, type Sample } from '../../shared/schema';
import { createKafka } from '../clients/kafka-client';
import { withDeadline } from './deadline';
import { classifyKafkaError } from './error-classify';
import { KAFKA_SECRETS, secretValues } from './profile-secrets';
import { inRange, planSample, rangeDone, SAMPLE_BUDGET_BYTES, type PartitionRange } from './schema-sample-plan';

const CLIENT = { connectionTimeoutMs: 3_000, requestTimeoutMs: 8_000, retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 } };
/** Connecting, listing and reading watermarks; the read itself has the request's time limit. */
const SETUP_DEADLINE_MS = 10_000;
/** Joining and leaving the throwaway group, beyond the read's time limit. */
const GROUP_DEADLINE_MS = 15_000;
const MAX_KEY_CHARS = 256;
export const SAMPLE_GROUP_PREFIX = 'kafka-milvus-studio-sample-';

interface RawRecord {
  partition: number;
  offset: string;
  timestamp: number;
  key: string | null;
  value: Buffer | null;
}

interface ReadResult {
  records: RawRecord[];
  timedOut: boolean;
  truncated: boolean;
}

export interface SampleOptions {
  budgetBytes?: number;
}

export async function sampleTopic(conn: KafkaConnection, req: SampleRequest, opts: SampleOptions = {}): Promise<TopicSample> {
  const startedAt = performance.now();
  const kafka = createKafka(conn, { ...CLIENT, clientId: 'kafka-milvus-studio-sampler' });
  const admin = kafka.admin();
  const groupId = `${SAMPLE_GROUP_PREFIX}${randomUUID()}`;
  const errorContext = { endpoint: conn.brokers.join(', '), securityProtocol: conn.securityProtocol, secrets: secretValues(KAFKA_SECRETS, conn) };
  let joined = false;
  try {
    const { plan, available, partitions } = await withDeadline(SETUP_DEADLINE_MS, async () => {
      await admin.connect();
      if (!(await admin.listTopics()).includes(req.topic)) {
        throw new AppFailure('not_found', `Topic "${req.topic}" does not exist on ${errorContext.endpoint}: pick another one or create it`, undefined, 'topic');
      }
      const offsets = await admin.fetchTopicOffsets(req.topic);
      const retained = offsets.reduce((n, o) => n + Number(BigInt(o.high) - BigInt(o.low)), 0);
      return { plan: planSample(offsets, req.count, req.from), available: retained, partitions: offsets.length };
    });
    const timeoutMs = req.timeoutMs ?? SAMPLE_DEFAULT_TIMEOUT_MS;
    const read =
      plan.length === 0
        ? { records: [], timedOut: false, truncated: false }
        : await withDeadline(timeoutMs + GROUP_DEADLINE_MS, () => {
            joined = true;
            return readPlanned(kafka, groupId, req.topic, plan, timeoutMs, opts.budgetBytes ?? SAMPLE_BUDGET_BYTES);
          });
    return summarise(req, read, { available, partitions, elapsedMs: Math.round(performance.now() - startedAt) });
  } catch (err) {
    throw classifyKafkaError(err, errorContext);
  } finally {
    // The group never committed anything; deleting it leaves no trace on the cluster.
    if (joined) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

async function readPlanned(kafka: Kafka, groupId: string, topic: string, plan: PartitionRange[], timeoutMs: number, budget: number): Promise<ReadResult> {
  const consumer: Consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
  });
  const ranges = new Map(plan.map((r) => [r.partition, r]));
  const done = new Set<number>();
  const records: RawRecord[] = [];
  let bytes = 0;
  let truncated = false;
  let timedOut = false;
  let finish: () => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const markDone = (partition: number) => {
    if (done.has(partition)) return;
    done.add(partition);
    if (done.size === ranges.size) finish();
  };

  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    const assigned = e.payload.memberAssignment[topic] ?? [];
    const idle = assigned.filter((p) => !ranges.has(p));
    // Runs before the first fetch: every planned partition starts exactly where the plan says.
    for (const p of assigned) {
      const r = ranges.get(p);
      if (r) consumer.seek({ topic, partition: p, offset: r.start.toString() });
    }
    if (idle.length) consumer.pause([{ topic, partitions: idle }]);
  });
  // Also fires for batches of control records only, which never reach eachBatch.
  consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
    const r = ranges.get(e.payload.partition);
    if (r && e.payload.topic === topic && rangeDone(r, BigInt(e.payload.lastOffset) + 1n)) markDone(r.partition);
  });
  consumer.on(consumer.events.CRASH, (e) => fail(e.payload.error));

  const timer = setTimeout(() => {
    timedOut = true;
    finish();
  }, timeoutMs);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch }) => {
        const r = ranges.get(batch.partition);
        if (!r || done.has(r.partition) || truncated) return;
        for (const m of batch.messages) {
          if (!inRange(r, BigInt(m.offset))) continue;
          const size = m.value?.length ?? 0;
          if (records.length > 0 && bytes + size > budget) {
            truncated = true;
            finish();
            return;
          }
          bytes += size;
          const key = m.key ? m.key.toString('utf8').slice(0, MAX_KEY_CHARS) : null;
          records.push({ partition: batch.partition, offset: m.offset, timestamp: Number(m.timestamp), key, value: m.value });
        }
      },
    });
    await finished;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
  // Partitions finish in any order: show records by partition, then offset.
  records.sort((a, b) => a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
  return { records, timedOut: timedOut && done.size < ranges.size, truncated };
}

function summarise(req: SampleRequest, read: ReadResult, meta: { available: number; partitions: number; elapsedMs: number }): TopicSample {
  const samples: Sample[] = read.records.map((r) => ({ value: r.value ? new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength) : null, key: r.key }));
  const decoded = decodeSamples(samples, req.valueFormat ?? 'auto');
  // Only parsed messages travel; their text decodes again, identically, in the renderer.
  const messages: SampledMessage[] = decoded.indices.map((i) => {
    const r = read.records[i] as RawRecord;
    return { partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value ? r.value.toString('utf8') : '' };
  });
  const examples: UnparseableSample[] = decoded.unparseable.reasons.map((u) => {
    const r = read.records[u.index] as RawRecord;
    return { partition: r.partition, offset: r.offset, code: u.code, message: u.message, ...(u.words ? { words: u.words } : {}) };
  });
  return {
    topic: req.topic,
    from: req.from,
    requested: req.count,
    partitions: meta.partitions,
    available: meta.available,
    read: read.records.length,
    messages,
    unparseable: { count: decoded.unparseable.count, examples },
    inferred: inferDecoded(decoded),
    timedOut: read.timedOut,
    truncated: read.truncated,
    elapsedMs: meta.elapsedMs,
  };
}
