// Pure helpers for the benchmark: order statistics, rounding, the summary line and a plain table.
// No I/O here, so test/unit/bench covers them.

/** Median of the finite values (NaN when there are none); the mean of the middle two for even counts. */
export function median(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile, p in [0, 100]; NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * s.length);
  return s[Math.max(0, rank - 1)] as number;
}

export function round(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rows (or records) per second; 0 when nothing was timed. */
export function ratePerSec(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** What the last line reports; one per run, medians over runs. */
export interface Summary {
  engineRowsS: number;
  limitRowsS: number;
  ratio: number;
  cpuSPer1k: number;
  peakRssMb: number;
  loopP99Ms: number;
}

export const SUMMARY_KEYS = ['engineRowsS', 'limitRowsS', 'ratio', 'cpuSPer1k', 'peakRssMb', 'loopP99Ms'] as const satisfies readonly (keyof Summary)[];

/** Each figure is the median over runs; the ratio is the median of the per-run ratios (each one same-run). */
export function medianSummary(runs: readonly Summary[]): Summary {
  const out = {} as Summary;
  for (const k of SUMMARY_KEYS) out[k] = median(runs.map((r) => r[k]));
  return out;
}

function num(x: number, digits: number): string {
  return Number.isFinite(x) ? round(x, digits).toFixed(digits) : 'n/a';
}

/** The exact last line of `npm run bench`. */
export function summaryLine(s: Summary): string {
  return (
    `bench: engine_rows_s=${num(s.engineRowsS, 0)} limit_rows_s=${num(s.limitRowsS, 0)} ratio=${num(s.ratio, 3)} ` +
    `cpu_s_per_1k=${num(s.cpuSPer1k, 3)} peak_rss_mb=${num(s.peakRssMb, 0)} loop_p99_ms=${num(s.loopP99Ms, 1)}`
  );
}

export type Cell = string | number;

/** Formats numbers with thousands separators (en-US, so the output is stable across machines). */
export function cell(v: Cell, digits = 0): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return 'n/a';
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A left/right aligned text table: the first column left, the others right. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    widths
      .map((w, i) => {
        const v = r[i] ?? '';
        return i === 0 ? v.padEnd(w) : v.padStart(w);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
