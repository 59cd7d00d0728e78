// The narrow interfaces the engine depends on. kafkajs and the Milvus SDK stay behind them, so
// either client can be replaced (DESIGN §3) without touching the engine.
import { englishLogLine, type LogText } from '../../shared/log-text';
import type { CollectionSchema } from '../../shared/milvus-schema';
import type { PartitionLag } from '../../shared/pipeline-status';
import type { Row } from '../../shared/convert/types';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface TopicPartitionOffset extends TopicPartition {
  /** Kafka offsets are int64: kept as decimal strings across the boundary. */
  offset: string;
}

export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type Headers = Record<string, HeaderValue>;

export interface SourceRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Headers;
  /** Record timestamp, ms since the epoch. */
  timestamp: number;
}

/** One fetched run of records of a single partition, in offset order. */
export interface SourceBatch {
  topic: string;
  partition: number;
  records: SourceRecord[];
  /** False once the batch went stale (seek, rebalance) or the source is stopping: take no more. */
  isActive(): boolean;
  /** The engine owns this record now; the source will not deliver it again in this session. */
  accept(offset: string): void;
  /** Keeps the group membership alive while the engine waits (backpressure). */
  heartbeat(): Promise<void>;
}

export interface SourceHandlers {
  onBatch(batch: SourceBatch): Promise<void>;
  /** The full set of partitions this member owns after a (re)join. */
  onAssign(assigned: TopicPartition[]): void;
  /** The client crashed; willRestart tells whether it reconnects by itself. */
  onError(cause: string, willRestart: boolean): void;
}

export type OffsetPosition = 'earliest' | 'latest' | { timestampMs: number };

export interface RecordSource {
  connect(): Promise<void>;
  /** Non-internal topic names, for pattern subscriptions and existence checks. */
  listTopics(): Promise<string[]>;
  run(topics: string[], fromBeginning: boolean, handlers: SourceHandlers): Promise<void>;
  commit(offsets: TopicPartitionOffset[]): Promise<void>;
  pause(topics: string[]): void;
  resume(topics: string[]): void;
  /** Takes effect before the next fetch of that partition; only for partitions this member owns. */
  seek(target: TopicPartitionOffset): void;
  offsetsAt(topic: string, position: OffsetPosition): Promise<{ partition: number; offset: string }[]>;
  /** High watermark − committed offset of the group, per partition, via the admin API. */
  fetchLag(topics: string[]): Promise<PartitionLag[]>;
  disconnect(): Promise<void>;
}

export interface OutRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: Headers;
  timestamp?: string;
}

/** How bad a failure is: retry it, isolate the rows that cause it, or stop the pipeline. */
export type FailureKind = 'transient' | 'permanent' | 'fatal';

export interface Failure {
  kind: FailureKind;
  /** One line for people; never contains row data. */
  reason: string;
  /** The same as a message code, when the words are ours (not the server's). */
  text?: LogText;
}

export type WriteResult = { ok: true } | ({ ok: false } & Failure);

export interface RecordSink {
  connect(): Promise<void>;
  ensureTopic(topic: string): Promise<void>;
  send(topic: string, records: OutRecord[]): Promise<WriteResult>;
  disconnect(): Promise<void>;
}

export type WriteMode = 'insert' | 'upsert';

export interface RowWriter {
  /** The target collection's schema; failures are thrown as ClassifiedError. */
  describe(): Promise<CollectionSchema>;
  write(rows: Row[], mode: WriteMode): Promise<WriteResult>;
  close(): Promise<void>;
}

/** An error that already knows whether retrying can help. */
export class ClassifiedError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** The message as a code, when the words are ours: the UI words it in the reader's language. */
    readonly text?: LogText,
  ) {
    super(message);
    this.name = 'ClassifiedError';
  }

  static of(kind: FailureKind, text: LogText): ClassifiedError {
    return new ClassifiedError(kind, englishLogLine(text), text);
  }
}

/** First line of a message, bounded, for causes and logs. */
export function oneLine(message: string, max = 300): string {
  const first = message.split('\n')[0]?.trim() ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
