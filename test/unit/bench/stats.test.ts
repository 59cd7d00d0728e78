import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cell, formatTable, median, medianSummary, percentile, ratePerSec, round, summaryLine, type Summary } from '../../../bench/stats';

describe('bench stats', () => {
  it('median of odd and even counts, ignoring non-finite values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN, 1, Number.POSITIVE_INFINITY, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('median lies between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  it('nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('rates and rounding', () => {
    expect(ratePerSec(5000, 2500)).toBe(2000);
    expect(ratePerSec(10, 0)).toBe(0);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(Number.NaN, 2)).toBeNaN();
  });

  it('prints the summary line in the exact documented form', () => {
    const s: Summary = { engineRowsS: 942.4, limitRowsS: 1101.6, ratio: 0.85549, cpuSPer1k: 0.7604, peakRssMb: 373.6, loopP99Ms: 437.66 };
    expect(summaryLine(s)).toBe('bench: engine_rows_s=942 limit_rows_s=1102 ratio=0.855 cpu_s_per_1k=0.760 peak_rss_mb=374 loop_p99_ms=437.7');
    expect(summaryLine(s)).toMatch(/^bench: engine_rows_s=\d+ limit_rows_s=\d+ ratio=[\d.]+ cpu_s_per_1k=[\d.]+ peak_rss_mb=\d+ loop_p99_ms=[\d.]+$/);
    expect(summaryLine({ ...s, loopP99Ms: Number.NaN })).toContain('loop_p99_ms=n/a');
  });

  it('medians each figure over runs; the ratio is the median of per-run ratios', () => {
    const run = (e: number, l: number): Summary => ({ engineRowsS: e, limitRowsS: l, ratio: e / l, cpuSPer1k: e / 1000, peakRssMb: l / 10, loopP99Ms: 1 });
    const m = medianSummary([run(900, 1000), run(500, 1000), run(1000, 1000)]);
    expect(m.engineRowsS).toBe(900);
    expect(m.ratio).toBe(0.9);
    expect(m.limitRowsS).toBe(1000);
  });

  it('formats cells and aligns tables', () => {
    expect(cell(12345.678)).toBe('12,346');
    expect(cell(0.5, 3)).toBe('0.500');
    expect(cell(Number.NaN)).toBe('n/a');
    const t = formatTable(['name', 'rows/s'], [['engine', '942'], ['raw Milvus', '1,102']]).split('\n');
    expect(t).toEqual(['name        rows/s', '----------  ------', 'engine         942', 'raw Milvus   1,102']);
  });
});
