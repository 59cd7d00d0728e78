// What an event-log line says, as a code with parameters. The renderer words it in the reader's
// language from its catalogs; the CLI, headless logs and the log search use the English wording
// built here. Parameters are names, counts and raw text from Kafka or Milvus (a cause is quoted as
// the server wrote it, never translated).
import type { Phrase } from './convert/phrase';
import { fillTemplate } from './fill-template';
import type { PipelineState } from './pipeline-status';

/** Parameters of each message. Naming carries formatting: `…Ms` is a duration, `at` a time. */
export interface LogParams {
  'pipeline.created': { name: string };
  'pipeline.updated': { name: string };
  'pipeline.updatedRunning': { name: string };
  'pipeline.deleted': { name: string };
  'state.changed': { from: PipelineState; to: PipelineState };
  /** `causeText`, when the cause is one of ours, words {cause} for the reader. */
  'state.changedCause': { from: PipelineState; to: PipelineState; cause: string; causeText?: LogText };
  'run.consuming': { topics: string; collection: string };
  'run.writeMode': { mode: 'insert' | 'upsert' };
  'run.writeModeAutoId': { mode: 'insert' | 'upsert' };
  'run.retry': { source: string; attempt: number; delayMs: number; reason: string };
  'run.commitFailed': { reason: string };
  'run.stopTimedOut': { count: number };
  'run.stoppedSummary': RunTotals;
  'run.failedSummary': RunTotals;
  'run.writerInline': { reason: string };
  'run.client': { source: string; message: string };
  'run.tombstone': { topic: string; partition: number; offset: string };
  'run.tombstonesMore': Record<string, never>;
  /** `reasonWords`, when the reason is a conversion error, words {reason} for the reader. */
  'deadLetter.record': { reasonCode: string; reason: string; reasonWords?: Phrase };
  'deadLetter.more': { count: number };
  'offsets.resetEarliest': OffsetResetCounts;
  'offsets.resetLatest': OffsetResetCounts;
  'offsets.resetTime': OffsetResetCounts & { at: number };
  'offsets.resetChosen': OffsetResetCounts & { partitions: number };
  'dlq.redriven': RedriveCounts;
  'dlq.redrivenProblems': RedriveCounts & { skipped: number; failed: number };
  // Causes of a failed pipeline (PipelineStatus.causeText).
  'cause.gaveUp': { attempts: number; reason: string };
  'cause.recordFailed': { topic: string; partition: number; offset: string; reasonCode: string; reason: string; reasonWords?: Phrase };
  'cause.topicMissing': { topics: string };
  'cause.noTopicMatch': { pattern: string };
}

interface RunTotals {
  consumed: number;
  written: number;
  deadLettered: number;
  skipped: number;
  unfinished: number;
}
interface OffsetResetCounts {
  group: string;
  reread: number;
  skipped: number;
}
interface RedriveCounts {
  topic: string;
  redriven: number;
  requested: number;
  topics: string;
}

export type LogCode = keyof LogParams;
export type LogText = { [K in LogCode]: { code: K; params: LogParams[K] } }[LogCode];

/** Codes whose wording depends on {count}: their templates come as `_one` / `_other` pairs. */
type PluralCode = 'run.stopTimedOut' | 'deadLetter.more';
export type LogTemplateKey = Exclude<LogCode, PluralCode> | `${PluralCode}_one` | `${PluralCode}_other`;

/** English wording, `{param}` placeholders; the renderer's English catalog is made from it. */
export const LOG_TEMPLATES_EN: Record<LogTemplateKey, string> = {
  'pipeline.created': 'Pipeline “{name}” created',
  'pipeline.updated': 'Pipeline “{name}” updated',
  'pipeline.updatedRunning': 'Pipeline “{name}” updated: restart it to apply the changes',
  'pipeline.deleted': 'Pipeline “{name}” deleted',
  'state.changed': '{from} → {to}',
  'state.changedCause': '{from} → {to}: {cause}',
  'run.consuming': 'Consuming {topics} into {collection}',
  'run.writeMode': 'Write mode: {mode}',
  'run.writeModeAutoId': 'Write mode: {mode} (Milvus generates the primary key)',
  'run.retry': 'Retry {attempt} in {delayMs}: {reason}',
  'run.commitFailed': 'Offset commit failed, will retry: {reason}',
  'run.stopTimedOut_one': 'Stop timed out: {count} record was not finished and will be delivered again',
  'run.stopTimedOut_other': 'Stop timed out: {count} records were not finished and will be delivered again',
  'run.stoppedSummary': 'Stopped: consumed {consumed}, written {written}, dead-lettered {deadLettered}, skipped {skipped}, unfinished {unfinished}',
  'run.failedSummary': 'Failed: consumed {consumed}, written {written}, dead-lettered {deadLettered}, skipped {skipped}, unfinished {unfinished}',
  'run.writerInline': 'Milvus writes stay on the main thread: {reason}',
  'run.client': '{source} client: {message}',
  'run.tombstone': 'Skipped a tombstone (null value) at {topic}[{partition}]@{offset}: deletes are not mapped, so nothing is written',
  'run.tombstonesMore': 'Further tombstones are counted as skipped without a line each',
  'deadLetter.record': 'Sent to the dead-letter topic ({reasonCode}): {reason}',
  'deadLetter.more_one': '{count} more record of this batch went to the dead-letter topic',
  'deadLetter.more_other': '{count} more records of this batch went to the dead-letter topic',
  'offsets.resetEarliest': 'Offsets of group {group} reset to the earliest: read again {reread}, skipped {skipped}',
  'offsets.resetLatest': 'Offsets of group {group} reset to the latest: read again {reread}, skipped {skipped}',
  'offsets.resetTime': 'Offsets of group {group} reset to {at}: read again {reread}, skipped {skipped}',
  'offsets.resetChosen': 'Offsets of group {group} set on chosen partitions ({partitions}): read again {reread}, skipped {skipped}',
  'dlq.redriven': 'Redrive from {topic}: {redriven} of {requested} records sent back to {topics}',
  'dlq.redrivenProblems': 'Redrive from {topic}: {redriven} of {requested} records sent back to {topics} ({skipped} skipped, {failed} failed)',
  'cause.gaveUp': 'Gave up after {attempts} attempts: {reason}',
  'cause.recordFailed': 'Stopped at record {topic}[{partition}]@{offset} ({reasonCode}): {reason}',
  'cause.topicMissing': 'Topic {topics} does not exist',
  'cause.noTopicMatch': 'No topic matches the pattern {pattern}',
};

const PLURAL_CODES: ReadonlySet<string> = new Set<PluralCode>(['run.stopTimedOut', 'deadLetter.more']);

/** The catalog key of a message: plural codes pick `_one` or `_other` by the `count` rule given. */
export function templateKey(text: LogText, isOne: (count: number) => boolean): LogTemplateKey {
  if (!PLURAL_CODES.has(text.code)) return text.code as LogTemplateKey;
  const count = (text.params as { count?: number }).count ?? 0;
  return `${text.code as PluralCode}_${isOne(count) ? 'one' : 'other'}`;
}

/** The English line, for the CLI, headless logs and search: plain numbers, ms, ISO times. */
export function englishLogLine(text: LogText): string {
  const template = LOG_TEMPLATES_EN[templateKey(text, (n) => n === 1)];
  return fillTemplate<string | number>(template, text.params, (name, v) => {
    if (typeof v !== 'number') return v;
    if (name.endsWith('Ms')) return `${v} ms`;
    if (name === 'at') return new Date(v).toISOString();
    return String(v);
  });
}

/** A log entry's text and its English line, to spread into a LogEntry. */
export function logText<T extends LogText>(text: T): { text: T; message: string } {
  return { text, message: englishLogLine(text) };
}
