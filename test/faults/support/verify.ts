// End-of-drill accounting: every key sent is in Milvus or in the DLQ, nothing is duplicated beyond
// upsert semantics, and each dead letter carries a precise, correct reason.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { expect } from 'vitest';
import type { PipelineCounters } from '../../../shared/pipeline-status';
import type { Dataset } from './dataset';
import type { KafkaTools, ReadMessage } from './kafka';
import { countRows, rowsById } from './milvus';

export const H = {
  topic: '__connect.errors.topic',
  partition: '__connect.errors.partition',
  offset: '__connect.errors.offset',
  message: '__connect.errors.exception.message',
  field: '__studio.errors.field',
  code: '__studio.errors.code',
} as const;

const FIELD_OF: Record<string, string> = { wrong_dimension: 'vec', too_long: 'title' };

export interface Accounting {
  written: number;
  deadLettered: number;
  lost: number[];
  duplicated: number;
  /** Good ids in the DLQ or bad ids in Milvus. */
  misrouted: number[];
  /** DLQ records seen more than once (possible after a crash: at-least-once). */
  dlqRepeats: number;
  /** Dead letters whose headers do not say precisely why and where from. */
  badHeaders: string[];
  dlq: ReadMessage[];
}

export interface AccountingInput {
  milvus: MilvusClient;
  collection: string;
  kafka: KafkaTools;
  topic: string;
  dlqTopic: string;
  data: Dataset;
  partitions: number;
}

export async function account(i: AccountingInput): Promise<Accounting> {
  const { rows, returned } = await rowsById(i.milvus, i.collection, i.data.size);
  const count = await countRows(i.milvus, i.collection);
  const dlq = await i.kafka.readAll(i.dlqTopic).catch(() => [] as ReadMessage[]);
  const dlqKeys = new Map<number, number>();
  const badHeaders: string[] = [];
  for (const m of dlq) {
    const id = Number(m.key);
    dlqKeys.set(id, (dlqKeys.get(id) ?? 0) + 1);
    const h = m.headers;
    const code = i.data.bad.get(id);
    const want = { topic: i.topic, partition: String(id % i.partitions), offset: String(Math.floor(id / i.partitions)), code, field: code ? FIELD_OF[code] : undefined };
    const got = { topic: h[H.topic], partition: h[H.partition], offset: h[H.offset], code: h[H.code], field: h[H.field] };
    if (JSON.stringify(want) !== JSON.stringify(got) || !h[H.message]) badHeaders.push(`key ${m.key}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const lost: number[] = [];
  const misrouted: number[] = [];
  let both = 0;
  for (let id = 0; id < i.data.size; id++) {
    const inMilvus = rows.has(id);
    const inDlq = dlqKeys.has(id);
    if (!inMilvus && !inDlq) lost.push(id);
    if (inMilvus && inDlq) both++;
    if ((i.data.good.has(id) && !inMilvus) || (i.data.bad.has(id) && !inDlq)) misrouted.push(id);
  }
  const dlqRepeats = [...dlqKeys.values()].reduce((s, n) => s + n - 1, 0);
  const duplicated = Math.max(0, count - rows.size, returned - rows.size) + both;
  return { written: rows.size, deadLettered: dlqKeys.size, lost, duplicated, misrouted, dlqRepeats, badHeaders, dlq };
}

/** The contract, asserted: exact routing, nothing lost, nothing duplicated, precise reasons. */
export function expectClean(a: Accounting, data: Dataset, opts: { dlqRepeatsAllowed?: boolean } = {}): void {
  expect(a.lost, 'lost ids').toEqual([]);
  expect(a.misrouted, 'ids in the wrong place').toEqual([]);
  expect(a.duplicated, 'rows beyond upsert semantics').toBe(0);
  expect(a.written).toBe(data.good.size);
  expect(a.deadLettered).toBe(data.bad.size);
  expect(a.badHeaders, 'dead letters with imprecise headers').toEqual([]);
  if (!opts.dlqRepeatsAllowed) expect(a.dlqRepeats, 'dead letters written twice').toBe(0);
}

/** consumed = written + deadLettered + skipped once nothing is in flight. */
export function expectCountersAddUp(c: PipelineCounters | undefined): void {
  expect(c, 'final counters').toBeDefined();
  if (!c) return;
  expect(c.inFlight).toBe(0);
  expect(c.consumed).toBe(c.written + c.deadLettered + c.skipped);
}
