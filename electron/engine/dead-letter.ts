// Dead-letter records: the original key, value and headers, plus the reason in Kafka Connect's
// header names (so existing DLQ tooling reads them) and ours for the field and error code.
import type { Phrase } from '../../shared/convert';
import type { Headers, OutRecord, SourceRecord } from '../clients/types';

export type DeadLetterStage = 'convert' | 'write';

export interface DeadLetterReason {
  stage: DeadLetterStage;
  /** A ConversionErrorCode, or 'milvus_rejected' for rows Milvus refused. */
  code: string;
  field?: string;
  message: string;
  /** A conversion failure's sentence as a phrase (without the field), for readers in other languages. */
  words?: Phrase;
}

export const DLQ_HEADERS = {
  topic: '__connect.errors.topic',
  partition: '__connect.errors.partition',
  offset: '__connect.errors.offset',
  connector: '__connect.errors.connector.name',
  stage: '__connect.errors.stage',
  exceptionClass: '__connect.errors.exception.class.name',
  message: '__connect.errors.exception.message',
  field: '__studio.errors.field',
  code: '__studio.errors.code',
  /** The reason's words as JSON (shared/convert/phrase.ts), when it has them. */
  words: '__studio.errors.words',
} as const;

const OUR_HEADERS = new Set<string>(Object.values(DLQ_HEADERS));

export function deadLetterRecord(rec: SourceRecord, reason: DeadLetterReason, pipelineName: string): OutRecord {
  const headers: Headers = {};
  // A record that already went through a DLQ once keeps its other headers, but not stale reasons.
  for (const [k, v] of Object.entries(rec.headers)) if (!OUR_HEADERS.has(k) && v !== undefined) headers[k] = v;
  headers[DLQ_HEADERS.topic] = rec.topic;
  headers[DLQ_HEADERS.partition] = String(rec.partition);
  headers[DLQ_HEADERS.offset] = rec.offset;
  headers[DLQ_HEADERS.connector] = pipelineName;
  headers[DLQ_HEADERS.stage] = reason.stage === 'convert' ? 'VALUE_CONVERTER' : 'TASK_PUT';
  headers[DLQ_HEADERS.exceptionClass] = reason.stage === 'convert' ? 'studio.ConversionError' : 'studio.MilvusWriteError';
  headers[DLQ_HEADERS.message] = reason.message;
  headers[DLQ_HEADERS.field] = reason.field ?? '';
  headers[DLQ_HEADERS.code] = reason.code;
  if (reason.words) headers[DLQ_HEADERS.words] = JSON.stringify(reason.words);
  const out: OutRecord = { key: rec.key, value: rec.value, headers };
  if (Number.isFinite(rec.timestamp) && rec.timestamp > 0) out.timestamp = String(rec.timestamp);
  return out;
}

/** Extracts the Milvus field named in a rejection reason ("VARCHAR field 'title' value ..."). */
export function fieldFromReason(reason: string): string | undefined {
  const m = /field(?:Data)?\s+['"`]?([A-Za-z_$][A-Za-z0-9_$]*)['"`]?/i.exec(reason);
  return m?.[1];
}
