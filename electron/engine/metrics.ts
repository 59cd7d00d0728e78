// Counters, per-second rates and latency percentiles over a sliding window. Reading a snapshot
// never resets anything, so several readers (UI, CLI, history) can poll at their own pace.
import type { LatencySummary, MetricsSnapshot, PartitionLag, PipelineCounters, PipelineState } from '../../shared/pipeline-status';

export function emptyCounters(): PipelineCounters {
  return { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 };
}

/** Nearest-rank percentiles; all zeros for no samples. */
export function summarize(values: readonly number[]): LatencySummary {
  if (!values.length) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] as number };
}

/** A fixed-size ring of (time, value) samples; memory stays flat at any record rate. */
export class SampleWindow {
  private readonly at: Float64Array;
  private readonly values: Float64Array;
  private next = 0;
  private size = 0;

  constructor(readonly capacity = 8192) {
    this.at = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(now: number, value: number): void {
    this.at[this.next] = now;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  since(from: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) {
      if ((this.at[i] as number) >= from) out.push(this.values[i] as number);
    }
    return out;
  }
}

interface RatePoint {
  at: number;
  consumed: number;
  written: number;
  deadLettered: number;
  errors: number;
}

export class PipelineMetrics {
  readonly counters: PipelineCounters = emptyCounters();
  private readonly batchLatency = new SampleWindow(2048);
  private readonly endToEnd = new SampleWindow(8192);
  private points: RatePoint[] = [];

  constructor(
    readonly pipelineId: string,
    /** The "last interval" rates and percentiles cover. */
    readonly windowMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  batchWritten(latencyMs: number): void {
    this.batchLatency.add(this.now(), latencyMs);
  }

  recordLanded(recordTimestampMs: number, at = this.now()): void {
    if (Number.isFinite(recordTimestampMs) && recordTimestampMs > 0) this.endToEnd.add(at, Math.max(0, at - recordTimestampMs));
  }

  /** Remembers the counters at this moment; rates are differences between such points. */
  tick(): void {
    const at = this.now();
    const c = this.counters;
    this.points.push({ at, consumed: c.consumed, written: c.written, deadLettered: c.deadLettered, errors: c.deadLettered + c.retries });
    const keepFrom = at - this.windowMs * 2;
    while (this.points.length > 2 && (this.points[0] as RatePoint).at < keepFrom) this.points.shift();
  }

  snapshot(state: PipelineState, lag: PartitionLag[]): MetricsSnapshot {
    this.tick();
    const now = this.now();
    const latest = this.points[this.points.length - 1] as RatePoint;
    // The oldest point still inside the window (or the oldest we have) is the rate's base.
    const base = this.points.find((p) => p.at >= now - this.windowMs && p !== latest) ?? this.points[0] ?? latest;
    const secs = Math.max((latest.at - base.at) / 1000, 1e-3);
    const rate = (k: keyof Omit<RatePoint, 'at'>): number => (latest.at === base.at ? 0 : (latest[k] - base[k]) / secs);
    const from = now - this.windowMs;
    return {
      pipelineId: this.pipelineId,
      at: now,
      state,
      counters: { ...this.counters },
      consumedPerSec: rate('consumed'),
      writtenPerSec: rate('written'),
      deadLetteredPerSec: rate('deadLettered'),
      errorsPerSec: rate('errors'),
      batchLatencyMs: summarize(this.batchLatency.since(from)),
      endToEndLatencyMs: summarize(this.endToEnd.since(from)),
      lag,
      totalLag: lag.reduce((s, l) => s + l.lag, 0),
    };
  }
}
