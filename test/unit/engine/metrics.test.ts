import { describe, expect, it } from 'vitest';
import { PipelineMetrics, SampleWindow, summarize } from '../../../electron/engine/metrics';

describe('percentiles', () => {
  it('uses nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
    expect(summarize([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('keeps a bounded window of recent samples', () => {
    const w = new SampleWindow(4);
    [1, 2, 3, 4, 5, 6].forEach((v, i) => w.add(i * 10, v));
    expect(w.since(0).sort()).toEqual([3, 4, 5, 6]);
    expect(w.since(40).sort()).toEqual([5, 6]);
  });
});

describe('PipelineMetrics', () => {
  it('computes rates over the window and latency over its last interval', () => {
    let now = 1_000_000;
    const m = new PipelineMetrics('p', 5_000, () => now);
    m.tick();
    m.counters.consumed = 100;
    m.counters.written = 80;
    m.counters.deadLettered = 5;
    m.counters.retries = 5;
    m.batchWritten(12);
    m.recordLanded(now - 300, now);
    now += 2_000;
    const s = m.snapshot('running', [{ topic: 't', partition: 0, committed: '5', highWatermark: '9', lag: 4 }]);
    expect(s.consumedPerSec).toBeCloseTo(50);
    expect(s.writtenPerSec).toBeCloseTo(40);
    expect(s.errorsPerSec).toBeCloseTo(5);
    expect(s.batchLatencyMs.max).toBe(12);
    expect(s.endToEndLatencyMs.p50).toBe(300);
    expect(s.totalLag).toBe(4);
    now += 10_000;
    const later = m.snapshot('running', []);
    expect(later.consumedPerSec).toBe(0);
    expect(later.batchLatencyMs.max).toBe(0);
  });
});
