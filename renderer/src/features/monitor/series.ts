// Chart series from metrics snapshots, pure and cheap: one pass over the window, bucketed on
// absolute time (so buckets do not shift between updates) to at most MAX_POINTS per line.
// Rates average within a bucket, latencies keep the bucket's worst value, lag keeps the last one.
import type { MetricsSnapshot } from '../../../../shared/pipeline-status';

export const WINDOWS = [60, 300, 900, 3600] as const;
export type WindowSec = (typeof WINDOWS)[number];

/** History kept per pipeline in the renderer: the longest window at one point per second. */
export const BUFFER_SECONDS = 3600;
/** Points per line at most: about one per 4 px of a full-width chart. */
export const MAX_POINTS = 300;
/** Partitions drawn one line each; beyond this only the total is drawn. */
export const MAX_PARTITION_LINES = 12;

export const SERIES_KEYS = ['consumed', 'written', 'batchP50', 'batchP95', 'batchP99', 'e2eP50', 'e2eP95', 'e2eP99', 'lag', 'errors', 'deadLettered'] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** One chart row; partition lag lines are `p0`, `p1`, … (see SeriesData.partitions). */
export type ChartRow = { t: number } & { [K in SeriesKey]: number | null } & { [k: `p${number}`]: number | null };

export interface PartitionLine {
  key: `p${number}`;
  topic: string;
  partition: number;
}

export interface SeriesData {
  rows: ChartRow[];
  partitions: PartitionLine[];
  bucketMs: number;
  from: number;
  to: number;
}

export function bucketMsFor(windowSec: number): number {
  return Math.max(1, Math.ceil(windowSec / MAX_POINTS)) * 1000;
}

/** Keeps one snapshot per pipeline per second (the latest wins) and at most BUFFER_SECONDS of them. */
export function appendPoint(points: readonly MetricsSnapshot[], s: MetricsSnapshot, keepSeconds = BUFFER_SECONDS): MetricsSnapshot[] {
  const last = points[points.length - 1];
  if (last && s.at < last.at) return points as MetricsSnapshot[]; // late or duplicate: keep order
  const sameSecond = last !== undefined && Math.floor(last.at / 1000) === Math.floor(s.at / 1000);
  const base = sameSecond ? points.slice(0, -1) : points;
  const from = s.at - keepSeconds * 1000 + 1;
  const start = firstIndexAtOrAfter(base, from);
  const out = start > 0 ? base.slice(start) : base.slice();
  out.push(s);
  return out;
}

/** Merges a history answer with points already buffered from ticks (by second, newest wins). */
export function mergeHistory(history: readonly MetricsSnapshot[], buffered: readonly MetricsSnapshot[]): MetricsSnapshot[] {
  const bySecond = new Map<number, MetricsSnapshot>();
  for (const s of history) bySecond.set(Math.floor(s.at / 1000), s);
  for (const s of buffered) bySecond.set(Math.floor(s.at / 1000), s);
  return [...bySecond.values()].sort((a, b) => a.at - b.at).slice(-BUFFER_SECONDS);
}

export function firstIndexAtOrAfter(points: readonly MetricsSnapshot[], at: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as MetricsSnapshot).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const idleLatency = (l: MetricsSnapshot['batchLatencyMs']): boolean => l.p50 === 0 && l.p95 === 0 && l.p99 === 0 && l.max === 0;

function partitionLines(points: readonly MetricsSnapshot[], start: number): PartitionLine[] {
  const seen = new Map<string, Set<number>>();
  let count = 0;
  // Partitions rarely change: every 5th snapshot and the last one find them at a fifth of the cost.
  const last = points.length - 1;
  for (let i = start; i <= last; i = i === last ? last + 1 : Math.min(i + 5, last)) {
    for (const l of (points[i] as MetricsSnapshot).lag) {
      let set = seen.get(l.topic);
      if (!set) seen.set(l.topic, (set = new Set()));
      if (!set.has(l.partition)) {
        set.add(l.partition);
        if (++count > MAX_PARTITION_LINES) return [];
      }
    }
  }
  const all = [...seen].flatMap(([topic, set]) => [...set].map((partition) => ({ topic, partition })));
  return all.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition).map((p, i) => ({ key: `p${i}` as const, ...p }));
}

interface Acc {
  t: number;
  n: number;
  consumed: number;
  written: number;
  errors: number;
  deadLettered: number;
  /** batch p50/p95/p99, end-to-end p50/p95/p99: the bucket's worst, NaN while none. */
  lat: Float64Array;
  last: MetricsSnapshot;
}

function emptyRow(t: number, partitions: readonly PartitionLine[]): ChartRow {
  const row = { t } as ChartRow;
  for (const k of SERIES_KEYS) row[k] = null;
  for (const p of partitions) row[p.key] = null;
  return row;
}

const num = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

function flush(acc: Acc, partitions: readonly PartitionLine[], index: ReadonlyMap<string, PartitionLine['key']>): ChartRow {
  const { lat, n } = acc;
  const row = {
    t: acc.t,
    consumed: acc.consumed / n,
    written: acc.written / n,
    batchP50: num(lat[0]),
    batchP95: num(lat[1]),
    batchP99: num(lat[2]),
    e2eP50: num(lat[3]),
    e2eP95: num(lat[4]),
    e2eP99: num(lat[5]),
    lag: acc.last.totalLag,
    errors: acc.errors / n,
    deadLettered: acc.deadLettered / n,
  } as ChartRow;
  for (const p of partitions) row[p.key] = 0;
  for (const l of acc.last.lag) {
    const key = index.get(`${l.topic}\u0000${l.partition}`);
    if (key) row[key] = l.lag;
  }
  return row;
}

/** Folds a snapshot's latencies into the bucket's worst (an idle interval, all zeros, adds nothing). */
function foldLatencies(into: Float64Array, s: MetricsSnapshot): void {
  fold(into, 0, s.batchLatencyMs);
  fold(into, 3, s.endToEndLatencyMs);
}

function fold(into: Float64Array, at: number, l: MetricsSnapshot['batchLatencyMs']): void {
  if (idleLatency(l)) return;
  // NaN (no value yet) fails every comparison, so `!(cur >= v)` also takes the first value.
  if (!((into[at] as number) >= l.p50)) into[at] = l.p50;
  if (!((into[at + 1] as number) >= l.p95)) into[at + 1] = l.p95;
  if (!((into[at + 2] as number) >= l.p99)) into[at + 2] = l.p99;
}

/**
 * Rows for [to − window, to]. A stretch without points longer than three buckets (or 3 s) becomes a
 * gap: one all-null row, so lines break instead of bridging it.
 */
export function buildSeries(points: readonly MetricsSnapshot[], windowSec: number, to: number): SeriesData {
  const bucketMs = bucketMsFor(windowSec);
  const from = to - windowSec * 1000;
  const start = firstIndexAtOrAfter(points, from);
  const partitions = partitionLines(points, start);
  const index = new Map(partitions.map((p) => [`${p.topic}\u0000${p.partition}`, p.key] as const));
  const gapMs = Math.max(3 * bucketMs, 3000);
  const rows: ChartRow[] = [];
  let acc: Acc | undefined;
  let prevAt: number | undefined;
  for (let i = start; i < points.length; i++) {
    const s = points[i] as MetricsSnapshot;
    if (s.at > to) break;
    const t = Math.floor(s.at / bucketMs) * bucketMs;
    if (acc && t !== acc.t) {
      rows.push(flush(acc, partitions, index));
      acc = undefined;
    }
    if (prevAt !== undefined && s.at - prevAt > gapMs) rows.push(emptyRow(prevAt + 1, partitions));
    prevAt = s.at;
    if (!acc) acc = { t, n: 0, consumed: 0, written: 0, errors: 0, deadLettered: 0, lat: new Float64Array(6).fill(NaN), last: s };
    foldLatencies(acc.lat, s);
    acc.n++;
    acc.consumed += s.consumedPerSec;
    acc.written += s.writtenPerSec;
    acc.errors += s.errorsPerSec;
    acc.deadLettered += s.deadLetteredPerSec;
    acc.last = s;
  }
  if (acc) rows.push(flush(acc, partitions, index));
  return { rows, partitions, bucketMs, from, to };
}

const TICK_STEPS_SEC = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Round-time ticks for the shared axis, about six of them. */
export function timeTicks(from: number, to: number, target = 6): number[] {
  const span = (to - from) / 1000;
  const step = (TICK_STEPS_SEC.find((s) => span / s <= target) ?? 3600) * 1000;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}
