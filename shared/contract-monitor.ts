// Monitor commands and events of the typed contract (merged into shared/contract.ts): pipeline
// lifecycle extras (duplicate, offset reset), the Milvus row count, and the dead-letter browser.
import { z } from 'zod';
import type { PipelineView } from './contract';
import type { Phrase } from './convert/phrase';
import { TopicName } from './pipeline-config';

const offset = z.string().regex(/^\d{1,19}$/, 'offsets are whole numbers');
const partition = z.number().int().min(0).max(1_000_000);

/** Where a stopped pipeline's consumer group should read next. */
export const OffsetResetTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestampMs: z.number().int().nonnegative() }),
  /** Partitions not listed keep their position. */
  z.object({ kind: z.literal('offsets'), offsets: z.array(z.object({ topic: TopicName, partition, offset })).min(1).max(10_000) }),
]);
export type OffsetResetTarget = z.infer<typeof OffsetResetTarget>;

export interface PartitionResetPlan {
  topic: string;
  partition: number;
  /** Log start and high watermark: the offsets a reader can use. */
  low: string;
  high: string;
  /** The group's committed offset, or null when it has none. */
  committed: string | null;
  /** Where the group reads next today (committed, else the start fallback). */
  current: string;
  /** Where it reads next after the reset (clamped to low..high). */
  target: string;
  /** Records read again (target before current) or skipped (target after current). */
  reread: number;
  skipped: number;
}

export interface OffsetResetPlan {
  groupId: string;
  partitions: PartitionResetPlan[];
  reread: number;
  skipped: number;
  /** False when the pipeline seeks to its start position on every start (the reset would not apply). */
  effective: boolean;
}

export interface RowCount {
  pipelineId: string;
  collection: string;
  rowCount: number;
  at: number;
}

/** A key or value as read from the dead-letter topic: text when valid UTF-8, else base64. */
export interface DlqPayload {
  text: string;
  encoding: 'utf8' | 'base64';
  bytes: number;
  /** True when `text` holds only the start of the payload. */
  truncated: boolean;
}

/** The reason headers: Kafka Connect's `__connect.errors.*` plus our field and code. */
export interface DlqReason {
  code: string;
  field: string;
  message: string;
  /** The message's words (without the field), when the Studio dead-lettered the record. */
  words?: Phrase;
  stage: string;
  exceptionClass: string;
  connector: string;
}

export interface DlqRecord {
  partition: number;
  offset: string;
  timestamp: number;
  key: DlqPayload | null;
  value: DlqPayload | null;
  /** Headers of the original record (error headers removed). */
  headers: Record<string, string>;
  source: { topic: string | null; partition: number | null; offset: string | null };
  reason: DlqReason;
  /** When this record was sent back to its source topic, if it was. */
  redrivenAt?: number;
}

export interface DlqPage {
  topic: string;
  exists: boolean;
  /** Records retained in the topic (high − low watermarks). */
  total: number;
  /** Newest first. */
  records: DlqRecord[];
  /** True when the read stopped at its deadline before reaching the end. */
  partial: boolean;
}

export const DlqReadOptions = z.object({ limit: z.number().int().min(1).max(1000) });
export type DlqReadOptions = z.infer<typeof DlqReadOptions>;

export const DlqSelection = z.array(z.object({ partition, offset })).min(1).max(10_000);
export type DlqSelection = z.infer<typeof DlqSelection>;

export interface RedriveResult {
  requested: number;
  redriven: number;
  /** Not sent: no source topic header, or no longer in the dead-letter topic. */
  skipped: number;
  failed: number;
  /** Source topics written to. */
  topics: string[];
  problems: { partition: number; offset: string; reason: string }[];
}

export interface MonitorCommands {
  /** A stopped copy with its own consumer group ("<name> (copy)"). */
  'pipeline.duplicate': (id: string) => PipelineView;
  /** What a reset would do, per partition, with the records read again or skipped. */
  'pipeline.planOffsetReset': (id: string, target: OffsetResetTarget) => OffsetResetPlan;
  /** Moves the group's committed offsets; only while the pipeline is not running. */
  'pipeline.resetOffsets': (id: string, target: OffsetResetTarget) => OffsetResetPlan;
  /** Rows in the pipeline's collection (a cheap statistics call, meant for polling every few seconds). */
  'monitor.rowCount': (pipelineId: string) => RowCount;
  /** The newest records of the pipeline's dead-letter topic, read without moving any consumer group. */
  'dlq.read': (pipelineId: string, options: DlqReadOptions) => DlqPage;
  /** Sends the chosen dead-letter records back to their source topics, minus the error headers. */
  'dlq.redrive': (pipelineId: string, records: DlqSelection) => RedriveResult;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MonitorEvents {}

const id = z.string().min(1).max(64);

export const monitorArgs: { [K in keyof MonitorCommands]: z.ZodType<Parameters<MonitorCommands[K]>> } = {
  'pipeline.duplicate': z.tuple([id]),
  'pipeline.planOffsetReset': z.tuple([id, OffsetResetTarget]),
  'pipeline.resetOffsets': z.tuple([id, OffsetResetTarget]),
  'monitor.rowCount': z.tuple([id]),
  'dlq.read': z.tuple([id, DlqReadOptions]),
  'dlq.redrive': z.tuple([id, DlqSelection]),
};

export const monitorEventFlags: { [K in keyof MonitorEvents]: true } = {};
