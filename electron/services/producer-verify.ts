// Follows a sent record to its outcome: the row read back from Milvus (by primary key or tracking
// field, and equal to what the pipeline's rules make of the message), its dead letter, or the
// precise reason it has not landed: no pipeline running for the topic, the pipeline failed, or
// still waiting (with the pipeline's state and how far behind it is) until the timeout.
import type { PipelineView } from '../../shared/contract';
import type { PipelineBrief, ProducerTarget, SendReceipt, VerifyState, VerifyUpdate } from '../../shared/contract-producer';
import type { Row } from '../../shared/convert/types';
import { AppFailure } from '../../shared/errors';
import type { PipelineState } from '../../shared/pipeline-status';
import { sleep } from '../generator';
import { DlqScanner, dlqGrew, type DlqMark } from './producer-dlq';
import type { ProducerClients } from './producer-clients';
import { flattenRow, rowDifferences } from './producer-row-match';

/** What the producer remembers of a sent record. */
export interface SentRecord {
  receipt: SendReceipt;
  target: ProducerTarget;
  /** The row the pipeline's rules make of the message (absent when conversion fails or is unknown). */
  expected?: Row;
  dlqMarks: DlqMark[];
  /** A row with the same key was in the collection before the send: identical, or different. */
  preexisting: 'same' | 'different' | 'none';
  /** Milvus filter selecting the row (absent when it cannot be found). */
  filter?: string;
  /** Why the row cannot be found even if written (e.g. the pipeline drops the tracking field). */
  untrackable?: string;
}

export interface VerifyDeps {
  clients: ProducerClients;
  pipelines(): Promise<PipelineView[]>;
  /** The pipeline's committed offset (next to read) on a partition, from its latest metrics. */
  committed(pipelineId: string, topic: string, partition: number): Promise<string | undefined>;
  emit(update: VerifyUpdate): void;
  pollMs?: number;
}

const ACTIVE: ReadonlySet<PipelineState> = new Set(['starting', 'running', 'paused', 'retrying', 'stopping']);
const EMIT_EVERY_MS = 1_000;

export function brief(v: PipelineView): PipelineBrief {
  const b: PipelineBrief = { id: v.spec.id, name: v.spec.name, state: v.status.state, collection: v.spec.collection };
  if (v.status.cause) b.cause = v.status.cause;
  if (v.status.causeText) b.causeText = v.status.causeText;
  if (v.spec.deadLetterTopic) b.deadLetterTopic = v.spec.deadLetterTopic;
  return b;
}

/** Does this pipeline read `topic`? Running ones report their resolved topics. */
export function readsTopic(v: PipelineView, topic: string): boolean {
  if (ACTIVE.has(v.status.state) && v.status.topics.includes(topic)) return true;
  const t = v.spec.topics;
  if ('names' in t) return t.names.includes(topic);
  try {
    return new RegExp(t.pattern).test(topic);
  } catch {
    return false;
  }
}

/** A Milvus filter that selects the row: `id == 42`, `name == "x"` (Int64 text stays unquoted). */
export function trackFilter(field: string, value: string | number | boolean, text: boolean): string {
  return `${field} == ${text && typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

/** Rows matching the filter (Strong consistency: a write that just finished is visible). */
export async function findRows(clients: ProducerClients, target: ProducerTarget, filter: string): Promise<Record<string, unknown>[]> {
  const m = await clients.milvus(target.milvusProfileId, target.database);
  let res;
  try {
    res = await m.client.query({ collection_name: target.collection, filter, output_fields: ['*'], limit: 5, consistency_level: 'Strong' as never });
  } catch (err) {
    throw clients.milvusFailure(target.milvusProfileId, m.conn, err, m.database);
  }
  if (res.status.error_code !== 'Success') {
    throw new AppFailure('milvus_error', `Reading the row back from "${target.collection}" failed: ${res.status.reason}`, res.status.reason, 'collection');
  }
  return res.data;
}

function behindOf(committed: string | undefined, offset: string): number | undefined {
  if (committed === undefined) return undefined;
  const d = BigInt(offset) - BigInt(committed) + 1n;
  return Number(d > 0n ? d : 0n);
}

export async function verifyRecord(rec: SentRecord, timeoutMs: number, deps: VerifyDeps): Promise<VerifyState> {
  const { receipt, target } = rec;
  const start = Date.now();
  const scanners = new Map<string, DlqScanner>();
  let lastEmit = 0;
  let lastKey = '';
  const emit = (state: VerifyState, force = false) => {
    const key = state.kind === 'waiting' ? `${state.pipeline?.state}|${state.committed}` : state.kind;
    if (!force && key === lastKey && Date.now() - lastEmit < EMIT_EVERY_MS) return;
    lastKey = key;
    lastEmit = Date.now();
    deps.emit({ receiptId: receipt.id, at: lastEmit, state });
  };
  const finish = (state: VerifyState): VerifyState => {
    emit(state, true);
    return state;
  };

  try {
    for (;;) {
      const elapsedMs = Date.now() - start;
      const views = (await deps.pipelines()).filter((v) => readsTopic(v, receipt.topic));
      const mine = views.filter((v) => v.spec.collection === target.collection);
      const active = mine.filter((v) => ACTIVE.has(v.status.state));
      const lead = active[0];
      const committed = lead ? await deps.committed(lead.spec.id, receipt.topic, receipt.partition) : undefined;
      const passed = committed !== undefined && BigInt(committed) > BigInt(receipt.offset);
      let rowMismatch = false;

      // 1. The row, when it can be found and the message converts.
      const track = receipt.track;
      if (track && rec.filter && !rec.untrackable && receipt.conversion.ok !== false) {
        const rows = await findRows(deps.clients, target, rec.filter);
        const match = rows.find((r) => (rec.expected ? rowDifferences(rec.expected, r).length === 0 : rec.preexisting === 'none'));
        if (match && (rec.preexisting !== 'same' || passed)) {
          const s: VerifyState = { kind: 'written', latencyMs: Date.now() - receipt.timestamp, row: flattenRow(match), track };
          if (lead) s.pipeline = brief(lead);
          if (rec.preexisting === 'same') s.preexisting = true;
          return finish(s);
        }
        rowMismatch = rows.length > 0 && !match;
      }

      // 2. Its dead letter, once a DLQ of a pipeline for this topic and collection has grown.
      for (const v of mine) {
        const topic = v.spec.deadLetterTopic;
        if (!topic || v.spec.errorTolerance !== 'all') continue;
        const mark = rec.dlqMarks.find((m) => m.topic === topic) ?? { topic, ends: {} };
        const k = await deps.clients.kafka(target.kafkaProfileId);
        let scanner = scanners.get(topic);
        if (!scanner && (await dlqGrew(k.admin, mark))) scanners.set(topic, (scanner = new DlqScanner(k.kafka, k.admin, mark, receipt)));
        const hit = await scanner?.poll();
        if (hit) {
          const s: VerifyState = { kind: 'dead-lettered', pipeline: brief(v), reason: hit.reason, code: hit.code, dlq: { topic: hit.topic, partition: hit.partition, offset: hit.offset } };
          if (hit.field) s.field = hit.field;
          if (hit.stage) s.stage = hit.stage;
          if (hit.words) s.words = hit.words;
          return finish(s);
        }
      }

      // 3. The pipelines: none running, failed, or still on their way.
      if (!lead) {
        const failed = mine.find((v) => v.status.state === 'failed');
        if (failed) return finish({ kind: 'pipeline-failed', pipeline: brief(failed) });
        const elsewhere = views.filter((v) => v.spec.collection !== target.collection && ACTIVE.has(v.status.state)).map(brief);
        return finish({ kind: 'no-pipeline', stopped: mine.map(brief), elsewhere });
      }
      // Passed without a findable row: done once no DLQ can still hold its dead letter.
      const dlqsRead = [...scanners.values()].every((sc) => sc.caughtUp());
      if ((!track || rec.untrackable) && passed && receipt.conversion.ok !== false && dlqsRead) {
        return finish({ kind: 'untrackable', pipeline: brief(lead), reason: rec.untrackable ?? 'no field identifies the row' });
      }
      const progress = { elapsedMs, pipeline: brief(lead), ...(committed !== undefined ? { committed, behind: behindOf(committed, receipt.offset) } : {}), ...(rowMismatch ? { rowMismatch } : {}) };
      if (elapsedMs >= timeoutMs) return finish({ kind: 'timeout', ...progress });
      emit({ kind: 'waiting', ...progress });
      await sleep(deps.pollMs ?? 250);
    }
  } catch (err) {
    const error = err instanceof AppFailure ? err.toJSON() : { code: 'internal' as const, message: err instanceof Error ? err.message : String(err) };
    return finish({ kind: 'error', error });
  } finally {
    await Promise.all([...scanners.values()].map((s) => s.close()));
  }
}
