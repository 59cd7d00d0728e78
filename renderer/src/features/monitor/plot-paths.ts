// Geometry for the monitor's chart lines: a nice y scale, data → pixel mapping, and one SVG path
// per series. Recharts keeps the chart frame (cursor, sync, keyboard); the lines are built here as
// plain strings because its per-point series components cost ~20 ms a chart at an hour of history.
import { area, curveLinear, curveMonotoneX, line } from 'd3-shape';
import type { ChartRow } from './series';

export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface YScale {
  /** Upper end of the domain (the lower end is 0). */
  top: number;
  ticks: number[];
}

export interface PathSpec {
  key: keyof ChartRow & string;
  area?: boolean;
}

/** The largest finite value of `keys` over `rows` (0 when there is none). */
export function seriesMax(rows: readonly ChartRow[], keys: readonly (keyof ChartRow & string)[]): number {
  let max = 0;
  for (const row of rows) {
    for (const k of keys) {
      const v = row[k];
      if (typeof v === 'number' && v > max && Number.isFinite(v)) max = v;
    }
  }
  return max;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** A 0-based axis with about `count` round steps covering `max`; whole steps only when `integers`. */
export function niceScale(max: number, count = 4, integers = false): YScale {
  const safe = Number.isFinite(max) && max > 0 ? max : integers ? count : 1;
  const raw = safe / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = (STEPS.find((s) => s * magnitude >= raw) ?? 10) * magnitude;
  if (integers) step = Math.max(1, Math.ceil(step));
  const n = Math.max(1, Math.ceil(safe / step - 1e-9));
  // Rounded so 0.1 + 0.2 style noise never reaches the axis labels.
  const ticks = Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { top: ticks[ticks.length - 1] as number, ticks };
}

/** Pixel position of time `t` and value `v` inside `box`, for the domains [from, to] and [0, top]. */
export function scaler(box: PlotBox, from: number, to: number, top: number): { x(t: number): number; y(v: number): number } {
  const kx = box.width / Math.max(1, to - from);
  const ky = box.height / (top > 0 ? top : 1);
  const bottom = box.y + box.height;
  return { x: (t) => box.x + (t - from) * kx, y: (v) => bottom - v * ky };
}

/**
 * The SVG path of one series. Nulls break the line, so gaps stay gaps; `smooth` uses a monotone
 * curve, which never overshoots, so a rate never dips below zero between two points. With
 * `filled`, the shape closes down to the zero line. Coordinates keep one decimal: shorter strings
 * are faster to parse, and a tenth of a pixel is below what anyone sees.
 */
export function seriesPath(rows: readonly ChartRow[], key: PathSpec['key'], box: PlotBox, from: number, to: number, top: number, smooth: boolean, filled: boolean): string {
  const s = scaler(box, from, to, top);
  const curve = smooth ? curveMonotoneX : curveLinear;
  const defined = (r: ChartRow) => typeof r[key] === 'number';
  const x = (r: ChartRow) => s.x(r.t);
  const y = (r: ChartRow) => s.y(r[key] as number);
  const shape = filled ? area<ChartRow>().defined(defined).x(x).y0(box.y + box.height).y1(y) : line<ChartRow>().defined(defined).x(x).y(y);
  return shape.curve(curve).digits(1)(rows as ChartRow[]) ?? '';
}

/** Index of the row whose time is nearest `t` (rows sorted by time), or -1 when there are none. */
export function nearestRow(rows: readonly ChartRow[], t: number): number {
  if (rows.length === 0 || !Number.isFinite(t)) return -1;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as ChartRow).t < t) lo = mid + 1;
    else hi = mid;
  }
  const prev = rows[lo - 1];
  return prev !== undefined && t - prev.t < (rows[lo] as ChartRow).t - t ? lo - 1 : lo;
}
