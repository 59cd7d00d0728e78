// CSV of the series the charts show (same window, same buckets), pure. Column names are stable
// English identifiers so spreadsheets and scripts can rely on them; times are ISO 8601 UTC.
import type { ChartRow, SeriesData, SeriesKey } from './series';

const COLUMNS: readonly [SeriesKey, string][] = [
  ['consumed', 'consumed_per_sec'],
  ['written', 'written_per_sec'],
  ['batchP50', 'batch_latency_p50_ms'],
  ['batchP95', 'batch_latency_p95_ms'],
  ['batchP99', 'batch_latency_p99_ms'],
  ['e2eP50', 'end_to_end_latency_p50_ms'],
  ['e2eP95', 'end_to_end_latency_p95_ms'],
  ['e2eP99', 'end_to_end_latency_p99_ms'],
  ['lag', 'consumer_lag_total'],
  ['errors', 'errors_per_sec'],
  ['deadLettered', 'dead_lettered_per_sec'],
];

/** Quotes a cell when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Math.round(v * 1000) / 1000);
}

export function seriesCsv(data: SeriesData): string {
  const header = ['time', ...COLUMNS.map(([, name]) => name), ...data.partitions.map((p) => `lag_${p.topic}_${p.partition}`)];
  const lines = [header.map(csvCell).join(',')];
  for (const row of data.rows) {
    if (isGap(row)) continue;
    const cells = [new Date(row.t).toISOString(), ...COLUMNS.map(([k]) => num(row[k])), ...data.partitions.map((p) => num(row[p.key]))];
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The all-null rows that break lines across gaps carry no data. */
export function isGap(row: ChartRow): boolean {
  return row.consumed === null && row.written === null && row.lag === null;
}

export function csvFileName(pipelineName: string, windowSec: number, at: number): string {
  const slug = pipelineName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pipeline';
  const stamp = new Date(at).toISOString().replace(/[:]/g, '').replace(/\..+/, '');
  return `${slug}-metrics-${windowSec / 60}min-${stamp}.csv`;
}
