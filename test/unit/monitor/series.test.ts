// Chart series: one point per second kept for an hour, bucketing on absolute time, rates averaged,
// latencies at their worst, lag last, gaps breaking lines, per-partition lag lines, axis ticks.
import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../shared/pipeline-status';
import { appendPoint, bucketMsFor, buildSeries, mergeHistory, MAX_PARTITION_LINES, timeTicks } from '../../../renderer/src/features/monitor/series';
import { syntheticHistory, syntheticSnapshot } from '../../../renderer/src/features/monitor/synthetic';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

function snap(at: number, over: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  const lat = { p50: 10, p95: 20, p99: 30, max: 40 };
  return {
    pipelineId: 'p',
    at,
    state: 'running',
    counters: { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 },
    consumedPerSec: 100,
    writtenPerSec: 90,
    deadLetteredPerSec: 0,
    errorsPerSec: 0,
    batchLatencyMs: lat,
    endToEndLatencyMs: lat,
    lag: [{ topic: 't', partition: 0, committed: '0', highWatermark: '5', lag: 5 }],
    totalLag: 5,
    ...over,
  };
}

describe('appendPoint', () => {
  it('keeps one point per second (the latest) and at most an hour', () => {
    let pts: MetricsSnapshot[] = [];
    pts = appendPoint(pts, snap(T0));
    pts = appendPoint(pts, snap(T0 + 500, { writtenPerSec: 7 }));
    expect(pts).toHaveLength(1);
    expect(pts[0]?.writtenPerSec).toBe(7);
    pts = appendPoint(pts, snap(T0 + 1000));
    expect(pts).toHaveLength(2);
    const hour = syntheticHistory('p', 3600, T0);
    const next = appendPoint(hour, syntheticSnapshot('p', T0 + 1000, 3600));
    expect(next).toHaveLength(3600);
    expect(next[0]?.at).toBe(hour[1]?.at);
    expect(hour).toHaveLength(3600); // not mutated
  });

  it('ignores a snapshot older than the last one', () => {
    const pts = [snap(T0 + 2000)];
    expect(appendPoint(pts, snap(T0))).toBe(pts);
  });

  it('merges history with buffered ticks by second, newest winning', () => {
    const merged = mergeHistory([snap(T0), snap(T0 + 1000, { writtenPerSec: 1 })], [snap(T0 + 1200, { writtenPerSec: 2 }), snap(T0 + 2000)]);
    expect(merged.map((s) => s.at)).toEqual([T0, T0 + 1200, T0 + 2000]);
    expect(merged[1]?.writtenPerSec).toBe(2);
  });
});

describe('buildSeries', () => {
  it('uses 1 s buckets up to 5 min and at most 300 points per line', () => {
    expect([60, 300, 900, 3600].map(bucketMsFor)).toEqual([1000, 1000, 3000, 12000]);
    const hour = syntheticHistory('p', 3600, T0);
    const data = buildSeries(hour, 3600, T0);
    expect(data.rows.length).toBeLessThanOrEqual(301);
    expect(data.rows.length).toBeGreaterThanOrEqual(299);
    expect(data.partitions.map((p) => p.key)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(data.from).toBe(T0 - 3600_000);
  });

  it('averages rates, keeps the worst latency and the last lag within a bucket', () => {
    const base = Math.floor(T0 / 3000) * 3000;
    const pts = [
      snap(base, { consumedPerSec: 10, batchLatencyMs: { p50: 1, p95: 2, p99: 50, max: 60 }, totalLag: 9 }),
      snap(base + 1000, { consumedPerSec: 20, batchLatencyMs: { p50: 5, p95: 9, p99: 10, max: 10 }, totalLag: 4 }),
      snap(base + 2000, { consumedPerSec: 30, totalLag: 1, lag: [{ topic: 't', partition: 0, committed: '9', highWatermark: '10', lag: 1 }] }),
    ];
    const [row] = buildSeries(pts, 900, base + 2500).rows;
    expect(row).toMatchObject({ t: base, consumed: 20, batchP50: 10, batchP95: 20, batchP99: 50, lag: 1, p0: 1 });
  });

  it('treats all-zero latency (no batch in the interval) as no data, not as 0 ms', () => {
    const idle = { p50: 0, p95: 0, p99: 0, max: 0 };
    const [row] = buildSeries([snap(T0, { batchLatencyMs: idle, endToEndLatencyMs: idle })], 60, T0).rows;
    expect(row?.batchP99).toBeNull();
    expect(row?.e2eP50).toBeNull();
    expect(row?.written).toBe(90);
  });

  it('breaks lines over a gap and leaves out points outside the window', () => {
    const pts = [snap(T0 - 120_000), snap(T0 - 30_000), snap(T0 - 29_000), snap(T0 - 5_000), snap(T0 + 5_000)];
    const rows = buildSeries(pts, 60, T0).rows;
    expect(rows.map((r) => r.consumed)).toEqual([100, 100, null, 100]);
  });

  it('draws partition lines only while they stay readable', () => {
    const many = Array.from({ length: MAX_PARTITION_LINES + 1 }, (_, p) => ({ topic: 't', partition: p, committed: '0', highWatermark: '1', lag: 1 }));
    const data = buildSeries([snap(T0, { lag: many, totalLag: many.length })], 60, T0);
    expect(data.partitions).toEqual([]);
    expect(data.rows[0]?.lag).toBe(MAX_PARTITION_LINES + 1);
  });

  it('labels partitions of several topics in a stable order', () => {
    const lag = [
      { topic: 'b', partition: 0, committed: '0', highWatermark: '2', lag: 2 },
      { topic: 'a', partition: 1, committed: '0', highWatermark: '3', lag: 3 },
    ];
    const data = buildSeries([snap(T0, { lag, totalLag: 5 })], 60, T0);
    expect(data.partitions).toEqual([
      { key: 'p0', topic: 'a', partition: 1 },
      { key: 'p1', topic: 'b', partition: 0 },
    ]);
    expect(data.rows[0]).toMatchObject({ p0: 3, p1: 2 });
  });

  it('builds an hour of one-second history quickly', () => {
    const hour = syntheticHistory('p', 3600, T0);
    const start = performance.now();
    for (let i = 0; i < 20; i++) buildSeries(hour, 3600, T0);
    // A few ms on a laptop; the bound leaves room for a busy CI machine.
    expect((performance.now() - start) / 20).toBeLessThan(40);
  });
});

describe('timeTicks', () => {
  it('puts round-time ticks inside the window', () => {
    expect(timeTicks(T0, T0 + 60_000)).toEqual([0, 10, 20, 30, 40, 50, 60].map((s) => T0 + s * 1000));
    const hour = timeTicks(T0, T0 + 3600_000);
    expect(hour.length).toBeLessThanOrEqual(7);
    expect(hour.every((t) => t % 600_000 === 0)).toBe(true);
  });
});
