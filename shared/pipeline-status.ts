// What a running pipeline reports: its state with a cause, and metrics snapshots for the monitor.
// Produced by the engine, pushed to the renderer coalesced (at most 4 Hz), kept in a ring buffer.
import type { LogText } from './log-text';

export type PipelineState = 'idle' | 'starting' | 'running' | 'paused' | 'retrying' | 'stopping' | 'stopped' | 'failed';

export interface PipelineStatus {
  id: string;
  name: string;
  state: PipelineState;
  /** Why the pipeline is retrying or failed, in one sentence ("Milvus unavailable: connect ECONNREFUSED"). */
  cause?: string;
  /** The cause as a message code when the words are ours (a failure), for the reader's language. */
  causeText?: LogText;
  since: number;
  topics: string[];
  collection: string;
  counters: PipelineCounters;
}

/** Counters add up: consumed = written + deadLettered + dropped + inFlight. */
export interface PipelineCounters {
  consumed: number;
  written: number;
  deadLettered: number;
  /** Records deliberately skipped (tombstones with no delete support, ignored by policy). */
  skipped: number;
  inFlight: number;
  retries: number;
  batches: number;
  /** Extra source fields dropped by the extra-field policy (fields, not records). */
  droppedFields: number;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Next offset to commit (committed position), high watermark, and their difference. */
  committed: string;
  highWatermark: string;
  lag: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface MetricsSnapshot {
  pipelineId: string;
  at: number;
  state: PipelineState;
  counters: PipelineCounters;
  /** Per-second rates over the last interval. */
  consumedPerSec: number;
  writtenPerSec: number;
  deadLetteredPerSec: number;
  errorsPerSec: number;
  /** Milvus write latency per batch, ms, over the last interval. */
  batchLatencyMs: LatencySummary;
  /** Record timestamp → written, ms, over the last interval. */
  endToEndLatencyMs: LatencySummary;
  lag: PartitionLag[];
  totalLag: number;
}

export interface LogEntry {
  at: number;
  pipelineId?: string;
  level: 'info' | 'warn' | 'error';
  /** Kind lets the UI filter and translate: state change, retry, config change, dead letter. */
  kind: 'state' | 'retry' | 'config' | 'dead-letter' | 'info';
  /** The English line (CLI, headless logs, search). */
  message: string;
  /** The same as a code with parameters, worded in the reader's language by the renderer. */
  text?: LogText;
  /** Never a payload: topic/partition/offset, field and reason only. */
  detail?: Record<string, string | number>;
}
