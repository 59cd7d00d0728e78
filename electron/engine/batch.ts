// Processing one batch end to end: write the convertible rows (deduplicated for upsert), isolate
// rows Milvus rejects, dead-letter what cannot be written, then finish the offsets so they can be
// committed. A batch that is aborted (stop timeout) finishes nothing: Kafka delivers it again.
import { englishLogLine, logText, type LogText } from '../../shared/log-text';
import type { ErrorTolerance } from '../../shared/pipeline-config';
import type { LogEntry } from '../../shared/pipeline-status';
import { messageWords, type Phrase } from '../../shared/convert/phrase';
import type { Row } from '../../shared/convert/types';
import type { RecordSink, RowWriter, SourceRecord, WriteMode } from '../clients/types';
import { deadLetterRecord, fieldFromReason, type DeadLetterReason } from './dead-letter';
import type { PipelineMetrics } from './metrics';
import type { OffsetTracker, Ticket } from './offset-tracker';
import { keepLastByKey, withRetry, writeIsolating, type RetryHooks } from './writer';

export interface BatchItem {
  ticket: Ticket;
  record: SourceRecord;
  /** The converted row; absent when conversion failed. */
  row?: Row;
  /** Primary key as text when it comes from the message (ordering and upsert dedupe). */
  key?: string;
  failure?: ItemFailure;
}

/** Why a record is dead-lettered; a conversion failure also carries its words. */
export type ItemFailure = DeadLetterReason;

export interface BatchContext {
  pipelineName: string;
  mode: WriteMode;
  errorTolerance: ErrorTolerance;
  deadLetterTopic: string | undefined;
  writer: RowWriter;
  sink: RecordSink | undefined;
  tracker: OffsetTracker;
  metrics: PipelineMetrics;
  hooks: RetryHooks;
  log(e: Omit<LogEntry, 'at' | 'pipelineId'>): void;
  fail(cause: string, text?: LogText): void;
  afterBatch(): void;
}

interface Dead {
  item: BatchItem;
  reason: ItemFailure;
}

const LOGGED_PER_BATCH = 5;

export async function processBatch(items: BatchItem[], ctx: BatchContext): Promise<void> {
  const dead: Dead[] = items.filter((i) => i.failure).map((i) => ({ item: i, reason: i.failure as ItemFailure }));
  const written: BatchItem[] = [];
  let pending = items.filter((i) => i.row);
  while (pending.length) {
    const { kept, superseded } = ctx.mode === 'upsert' ? keepLastByKey(pending, (i) => i.key) : { kept: pending, superseded: [] };
    const outcome = await writeIsolating(kept, (i) => i.row as Row, {
      writer: ctx.writer,
      mode: ctx.mode,
      hooks: ctx.hooks,
      onLatency: (ms) => ctx.metrics.batchWritten(ms),
    });
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'fatal') {
      ctx.fail(outcome.reason, outcome.text);
      return;
    }
    const rejected = new Set(outcome.rejected.map((r) => r.item));
    for (const r of outcome.rejected) {
      dead.push({ item: r.item, reason: { stage: 'write', code: 'milvus_rejected', field: fieldFromReason(r.reason), message: r.reason } });
    }
    written.push(...kept.filter((i) => !rejected.has(i)));
    // A superseded row counts as written once its newer version landed (same end state under
    // upsert). If the newer version was rejected, the older one is written in the next round.
    const rejectedKeys = new Set([...rejected].map((i) => i.key));
    pending = superseded.filter((i) => rejectedKeys.has(i.key));
    written.push(...superseded.filter((i) => !rejectedKeys.has(i.key)));
  }

  let deadDone: Dead[] = [];
  if (dead.length && ctx.errorTolerance === 'all' && ctx.sink && ctx.deadLetterTopic) {
    const sink = ctx.sink;
    const topic = ctx.deadLetterTopic;
    const records = dead.map((d) => deadLetterRecord(d.item.record, d.reason, ctx.pipelineName));
    const r = await withRetry('dlq', () => sink.send(topic, records), ctx.hooks);
    if (r.ok) deadDone = dead;
    else if (r.kind !== 'aborted') ctx.fail(r.reason, r.text);
  } else if (dead.length) {
    // errors.tolerance=none: the first bad record stops the pipeline; its offset is never committed.
    const first = dead[0] as Dead;
    const { topic, partition, offset } = first.item.record;
    const text: LogText = { code: 'cause.recordFailed', params: { topic, partition, offset, ...reasonParams(first.reason) } };
    ctx.fail(englishLogLine(text), text);
  }

  const now = Date.now();
  const c = ctx.metrics.counters;
  for (const item of written) {
    ctx.tracker.finish(item.ticket);
    ctx.metrics.recordLanded(item.record.timestamp, now);
  }
  for (const d of deadDone) ctx.tracker.finish(d.item.ticket);
  c.written += written.length;
  c.deadLettered += deadDone.length;
  c.inFlight -= written.length + deadDone.length;
  c.batches++;
  logDeadLetters(deadDone, ctx);
  ctx.afterBatch();
}

/** The reason of a log line: its code, the English message and, for a conversion failure, its words. */
function reasonParams(reason: ItemFailure): { reasonCode: string; reason: string; reasonWords?: Phrase } {
  const words = messageWords(reason);
  return { reasonCode: reason.code, reason: reason.message, ...(words ? { reasonWords: words } : {}) };
}

function logDeadLetters(dead: Dead[], ctx: BatchContext): void {
  for (const d of dead.slice(0, LOGGED_PER_BATCH)) {
    const r = d.item.record;
    ctx.log({
      level: 'warn',
      kind: 'dead-letter',
      ...logText({ code: 'deadLetter.record', params: reasonParams(d.reason) }),
      detail: { topic: r.topic, partition: r.partition, offset: r.offset, code: d.reason.code, ...(d.reason.field ? { field: d.reason.field } : {}) },
    });
  }
  if (dead.length > LOGGED_PER_BATCH) {
    ctx.log({ level: 'warn', kind: 'dead-letter', ...logText({ code: 'deadLetter.more', params: { count: dead.length - LOGGED_PER_BATCH } }), detail: { count: dead.length } });
  }
}
