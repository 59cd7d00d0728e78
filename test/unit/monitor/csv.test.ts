// CSV of the visible series: a header of stable names, one line per bucket, gaps left out, cells
// quoted when needed, numbers rounded, ISO times; and a file name that says what it holds.
import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, seriesCsv } from '../../../renderer/src/features/monitor/csv';
import type { ChartRow, SeriesData } from '../../../renderer/src/features/monitor/series';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

function row(t: number, v: number | null, p0: number | null = v): ChartRow {
  return { t, consumed: v, written: v, batchP50: v, batchP95: v, batchP99: v, e2eP50: null, e2eP95: null, e2eP99: null, lag: v, errors: v, deadLettered: v, p0 } as ChartRow;
}

describe('seriesCsv', () => {
  it('writes the header, one line per row, and skips gap rows', () => {
    const data: SeriesData = { rows: [row(T0, 1.23456), row(T0 + 500, null, null), row(T0 + 1000, 2)], partitions: [{ key: 'p0', topic: 'orders,eu', partition: 3 }], bucketMs: 1000, from: T0 - 60_000, to: T0 + 1000 };
    const lines = seriesCsv(data).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'time,consumed_per_sec,written_per_sec,batch_latency_p50_ms,batch_latency_p95_ms,batch_latency_p99_ms,end_to_end_latency_p50_ms,end_to_end_latency_p95_ms,end_to_end_latency_p99_ms,consumer_lag_total,errors_per_sec,dead_lettered_per_sec,"lag_orders,eu_3"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('2025-01-01T12:00:00.000Z,1.235,1.235,1.235,1.235,1.235,,,,1.235,1.235,1.235,1.235');
    expect(lines[2]?.startsWith('2025-01-01T12:00:01.000Z,2,2')).toBe(true);
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('names the file after the pipeline, the window and the time', () => {
    expect(csvFileName('Orders → Milvus (EU)', 300, T0)).toBe('orders-milvus-eu-metrics-5min-2025-01-01T120000.csv');
    expect(csvFileName('!!!', 3600, T0)).toBe('pipeline-metrics-60min-2025-01-01T120000.csv');
  });
});
