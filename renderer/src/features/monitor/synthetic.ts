// Deterministic synthetic metrics (no randomness, no clock) for the benchmark hook and tests: a
// pipeline at a few thousand records/s with waves, latency spikes, lag per partition and errors.
import type { MetricsSnapshot, PartitionLag } from '../../../../shared/pipeline-status';

const wave = (i: number, period: number, phase = 0): number => Math.sin((2 * Math.PI * i) / period + phase);

/** Snapshot number `i` (one per second) of a synthetic pipeline. */
export function syntheticSnapshot(pipelineId: string, at: number, i: number, partitions = 6): MetricsSnapshot {
  const consumed = 4000 + 1500 * wave(i, 600) + 300 * wave(i, 37);
  const dead = i % 97 === 0 ? 3 : 0;
  const written = Math.max(0, consumed - dead - 20 * Math.max(0, wave(i, 180)));
  const spike = i % 251 < 4 ? 6 : 1;
  const lag: PartitionLag[] = Array.from({ length: partitions }, (_, p) => {
    const n = Math.max(0, Math.round(400 + 350 * wave(i, 300, p) + 120 * wave(i, 23, p * 2)));
    return { topic: 'bench-events', partition: p, committed: String(i * 700), highWatermark: String(i * 700 + n), lag: n };
  });
  return {
    pipelineId,
    at,
    state: 'running',
    counters: { consumed: i * 4000, written: i * 4000 - Math.floor(i / 97) * 3, deadLettered: Math.floor(i / 97) * 3, skipped: 0, inFlight: 0, retries: Math.floor(i / 251), batches: i * 8, droppedFields: 0 },
    consumedPerSec: consumed,
    writtenPerSec: written,
    deadLetteredPerSec: dead,
    errorsPerSec: dead + (i % 251 < 4 ? 1 : 0),
    batchLatencyMs: { p50: (18 + 4 * wave(i, 120)) * spike, p95: (42 + 9 * wave(i, 120)) * spike, p99: (75 + 20 * wave(i, 60)) * spike, max: 120 * spike },
    endToEndLatencyMs: { p50: 180 + 60 * wave(i, 300), p95: 420 + 90 * wave(i, 300), p99: 650 + 150 * wave(i, 90), max: 900 },
    lag,
    totalLag: lag.reduce((s, l) => s + l.lag, 0),
  };
}

/** `seconds` snapshots one second apart, the last one at `endAt`. */
export function syntheticHistory(pipelineId: string, seconds: number, endAt: number, partitions = 6): MetricsSnapshot[] {
  return Array.from({ length: seconds }, (_, k) => syntheticSnapshot(pipelineId, endAt - (seconds - 1 - k) * 1000, k, partitions));
}
