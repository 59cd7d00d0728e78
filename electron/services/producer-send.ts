// Sending test messages: checks that turn bad input into clear messages (size over Kafka's default
// limit, unknown topic or partition, broker down), the pipeline's conversion of the message (a
// failure predicts a dead letter), how its row will be found, then the send itself.
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { PipelineView } from '../../shared/contract';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES, type OutMessage, type ProducerTarget, type SendReceipt, type TrackInfo } from '../../shared/contract-producer';
import { convertRecord, decodeValue, type ConvertOptions, type Row } from '../../shared/convert';
import { AppFailure } from '../../shared/errors';
import { primaryKeyField, type CollectionSchema } from '../../shared/milvus-schema';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import { withDeadline } from './deadline';
import type { KafkaClients, ProducerClients } from './producer-clients';
import { markDlqs, type DlqMark } from './producer-dlq';
import { rowDifferences } from './producer-row-match';
import { chooseTrackField } from './producer-template';
import { findRows, readsTopic, trackFilter, type SentRecord } from './producer-verify';

const SEND_DEADLINE_MS = 15_000;

export const DEFAULT_CONVERT: ConvertOptions = {
  mapping: [...PIPELINE_DEFAULTS.mapping],
  ignore: [...PIPELINE_DEFAULTS.ignore],
  valueFormat: PIPELINE_DEFAULTS.valueFormat,
  vectorEncoding: PIPELINE_DEFAULTS.vectorEncoding,
  extraFields: PIPELINE_DEFAULTS.extraFields,
};

export function messageBytes(m: Pick<OutMessage, 'key' | 'value' | 'headers'>): number {
  let n = Buffer.byteLength(m.value) + (m.key ? Buffer.byteLength(m.key) : 0);
  for (const h of m.headers) n += Buffer.byteLength(h.key) + Buffer.byteLength(h.value);
  return n;
}

export function checkSize(bytes: number): void {
  if (bytes <= KAFKA_DEFAULT_MAX_MESSAGE_BYTES) return;
  throw new AppFailure(
    'validation',
    `The message is ${bytes.toLocaleString('en-US')} bytes, over Kafka's default limit of 1 MiB (1,048,576 bytes) per message (producer max.request.size, broker message.max.bytes): make it smaller, or raise both limits on the cluster`,
    undefined,
    'value',
  );
}

/** Pipelines for this topic and collection, running ones first. */
export function pipelinesFor(views: PipelineView[], target: ProducerTarget): PipelineView[] {
  const active = (v: PipelineView) => (['running', 'retrying', 'paused', 'starting'].includes(v.status.state) ? 0 : 1);
  return views.filter((v) => v.spec.collection === target.collection && readsTopic(v, target.topic)).sort((a, b) => active(a) - active(b));
}

export function convertOptionsOf(v: PipelineView | undefined): ConvertOptions {
  if (!v) return DEFAULT_CONVERT;
  const { mapping, ignore, valueFormat, vectorEncoding, extraFields } = v.spec;
  return { mapping, ignore, valueFormat, vectorEncoding, extraFields };
}

/** Topic exists (never auto-created by us) and the partition, if chosen, is one of its own. */
export async function checkTopic(k: KafkaClients, topic: string, partition: number | undefined): Promise<void> {
  const topics = await k.admin.listTopics();
  if (!topics.includes(topic)) {
    throw new AppFailure('not_found', `Topic "${topic}" does not exist on ${k.conn.brokers.join(', ')}: create it first, or pick another topic`, undefined, 'topic');
  }
  if (partition === undefined) return;
  const meta = await k.admin.fetchTopicMetadata({ topics: [topic] });
  const count = meta.topics[0]?.partitions.length ?? 0;
  if (partition >= count) {
    throw new AppFailure('validation', `Topic "${topic}" has ${count} partition${count === 1 ? '' : 's'} (0–${count - 1}); partition ${partition} does not exist`, undefined, 'partition');
  }
}

export interface Prepared {
  conversion: SendReceipt['conversion'];
  expected?: Row;
  track?: TrackInfo;
  filter?: string;
  untrackable?: string;
  schema?: CollectionSchema;
}

const primitive = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** What the pipeline's rules make of the message, and how its row will be found. */
export function prepare(value: string, schema: CollectionSchema | undefined, opts: ConvertOptions, trackField: string | undefined, schemaError?: string): Prepared {
  if (!schema) return { conversion: { ok: null, reason: schemaError ?? 'the collection schema is not available' } };
  const decoded = decodeValue(value, opts.valueFormat);
  const raw = decoded.ok && typeof decoded.value === 'object' && decoded.value !== null ? (decoded.value as Record<string, unknown>) : {};
  const result = decoded.ok ? convertRecord(decoded.value, schema, opts) : decoded;
  const out: Prepared = { schema, conversion: result.ok ? { ok: true } : { ok: false, error: result.error } };
  if (result.ok) out.expected = result.row;

  const pk = primaryKeyField(schema);
  const auto = chooseTrackField(schema);
  const field = pk && !pk.autoID ? pk.name : (trackField ?? ('field' in auto ? auto.field : undefined));
  if (field === undefined) return { ...out, untrackable: 'untrackable' in auto ? auto.untrackable : 'no field identifies the row' };
  const inSchema = schema.fields.some((f) => f.name === field);
  const by: TrackInfo['by'] = pk?.name === field && !pk.autoID ? 'primary-key' : inSchema ? 'field' : 'dynamic';
  const v = result.ok ? result.row[field] : raw[field];
  if (result.ok && result.dropped.includes(field)) {
    return { ...out, untrackable: `the pipeline's extra-field policy drops "${field}", so the row cannot be found by it` };
  }
  if (!primitive(v)) return { ...out, untrackable: `the message has no value for "${field}" to find the row by` };
  out.track = { field, by, value: v };
  const type = schema.fields.find((f) => f.name === field)?.dataType;
  out.filter = trackFilter(field, v, type !== 'Int64');
  return out;
}

export interface SendDeps {
  clients: ProducerClients;
  pipelines(): Promise<PipelineView[]>;
}

export interface Context {
  k: KafkaClients;
  views: PipelineView[];
  schema?: CollectionSchema;
  schemaError?: string;
  opts: ConvertOptions;
  dlqMarks: DlqMark[];
}

/** Everything a send needs before the first message goes: clients, topic check, schema, DLQ marks. */
export async function sendContext(deps: SendDeps, target: ProducerTarget, partition: number | undefined): Promise<Context> {
  const k = await deps.clients.kafka(target.kafkaProfileId);
  try {
    await withDeadline(SEND_DEADLINE_MS, () => checkTopic(k, target.topic, partition));
  } catch (err) {
    throw deps.clients.kafkaFailure(target.kafkaProfileId, k.conn, err);
  }
  const views = pipelinesFor(await deps.pipelines(), target);
  let schema: CollectionSchema | undefined;
  let schemaError: string | undefined;
  try {
    schema = await deps.clients.schema(target.milvusProfileId, target.collection, target.database);
  } catch (err) {
    schemaError = err instanceof Error ? err.message : String(err); // Milvus down: the send still goes
  }
  const dlqs = [...new Set(views.map((v) => v.spec.deadLetterTopic).filter((t): t is string => Boolean(t)))];
  const dlqMarks = dlqs.length ? await markDlqs(k.admin, dlqs).catch(() => []) : [];
  const ctx: Context = { k, views, opts: convertOptionsOf(views[0]), dlqMarks };
  if (schema) ctx.schema = schema;
  if (schemaError) ctx.schemaError = schemaError;
  return ctx;
}

export function kafkaMessage(m: Pick<OutMessage, 'key' | 'headers' | 'partition'>, value: string, timestamp: number): Message {
  const msg: Message = { key: m.key ? m.key : null, value, timestamp: String(timestamp), headers: Object.fromEntries(m.headers.map((h) => [h.key, h.value])) };
  if (m.partition !== undefined) msg.partition = m.partition;
  return msg;
}

/** Produces one batch; a broker that refuses the size says so in our words. */
export async function produce(deps: SendDeps, target: ProducerTarget, k: KafkaClients, messages: Message[]) {
  try {
    return await withDeadline(SEND_DEADLINE_MS, () => k.producer.send({ topic: target.topic, acks: -1, messages }));
  } catch (err) {
    if (/MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE|too large/i.test(String((err as Error)?.message ?? err))) {
      throw new AppFailure('validation', `The broker refused the message as too large (its message.max.bytes): make it smaller, or raise the limit on the cluster`, String((err as Error).message), 'value');
    }
    throw deps.clients.kafkaFailure(target.kafkaProfileId, k.conn, err);
  }
}

/** Sends one message and returns what is needed to verify it. */
export async function sendOne(deps: SendDeps, target: ProducerTarget, message: OutMessage): Promise<SentRecord> {
  const bytes = messageBytes(message);
  checkSize(bytes);
  const ctx = await sendContext(deps, target, message.partition);
  const p = prepare(message.value, ctx.schema, ctx.opts, message.trackField, ctx.schemaError);
  let preexisting: SentRecord['preexisting'] = 'none';
  if (p.filter && p.expected) {
    const rows = await findRows(deps.clients, target, p.filter).catch(() => []);
    if (rows.length) preexisting = rows.some((r) => rowDifferences(p.expected as Row, r).length === 0) ? 'same' : 'different';
  }
  const timestamp = Date.now();
  const [meta] = await produce(deps, target, ctx.k, [kafkaMessage(message, message.value, timestamp)]);
  if (!meta) throw new AppFailure('kafka_error', 'The broker acknowledged the send without an offset');
  const receipt: SendReceipt = { id: randomUUID(), topic: target.topic, partition: meta.partition, offset: meta.baseOffset ?? '0', timestamp, bytes, conversion: p.conversion };
  if (p.track) receipt.track = p.track;
  const rec: SentRecord = { receipt, target, dlqMarks: ctx.dlqMarks, preexisting };
  if (p.expected) rec.expected = p.expected;
  if (p.filter) rec.filter = p.filter;
  if (p.untrackable) rec.untrackable = p.untrackable;
  return rec;
}
