// Chart geometry: round y scales, data → pixel mapping, one SVG path per series with gaps kept as
// gaps, and the nearest row under the cursor.
import { describe, expect, it } from 'vitest';
import { nearestRow, niceScale, scaler, seriesMax, seriesPath } from '../../../renderer/src/features/monitor/plot-paths';
import type { ChartRow } from '../../../renderer/src/features/monitor/series';

const BOX = { x: 50, y: 10, width: 100, height: 50 };

function row(t: number, written: number | null, lag: number | null = null): ChartRow {
  return { t, written, lag } as ChartRow;
}

/** The path's points, in order, as [command, x, y]. */
function points(d: string): [string, number, number][] {
  return [...d.matchAll(/([ML])([-\d.]+),([-\d.]+)/g)].map((m) => [m[1] as string, Number(m[2]), Number(m[3])]);
}

describe('niceScale', () => {
  it('covers the maximum with round steps from zero', () => {
    expect(niceScale(87)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(4100)).toEqual({ top: 6000, ticks: [0, 2000, 4000, 6000] });
    expect(niceScale(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('keeps whole steps for counts and a usable axis when there is nothing to show', () => {
    expect(niceScale(3, 4, true)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(0, 4, true).top).toBe(4);
    expect(niceScale(0).top).toBe(1);
    expect(niceScale(Number.NaN).top).toBe(1);
  });

  it('never ends below the maximum', () => {
    for (const max of [1, 7, 9.99, 10, 11, 123, 999, 1001, 55_555, 1e9]) expect(niceScale(max).top).toBeGreaterThanOrEqual(max);
  });
});

describe('seriesMax', () => {
  it('takes the largest finite value of the given keys only', () => {
    const rows = [row(0, 5, 900), row(1, 12, null), row(2, null, 3)];
    expect(seriesMax(rows, ['written'])).toBe(12);
    expect(seriesMax(rows, ['written', 'lag'])).toBe(900);
    expect(seriesMax([], ['written'])).toBe(0);
  });
});

describe('scaler', () => {
  it('maps the time domain across the box and zero to its bottom edge', () => {
    const s = scaler(BOX, 1000, 2000, 10);
    expect(s.x(1000)).toBe(50);
    expect(s.x(2000)).toBe(150);
    expect(s.y(0)).toBe(60);
    expect(s.y(10)).toBe(10);
    expect(s.y(5)).toBe(35);
  });
});

describe('seriesPath', () => {
  const rows = [row(1000, 0), row(1250, 10), row(1500, null), row(1750, 5), row(2000, 10)];

  it('draws a point per row, breaking the line where a value is missing', () => {
    const d = seriesPath(rows, 'written', BOX, 1000, 2000, 10, false, false);
    expect(points(d)).toEqual([
      ['M', 50, 60],
      ['L', 75, 10],
      ['M', 125, 35],
      ['L', 150, 10],
    ]);
  });

  it('closes a filled series down to the zero line', () => {
    const d = seriesPath(rows.slice(0, 2), 'written', BOX, 1000, 2000, 10, false, true);
    expect(d.endsWith('Z')).toBe(true);
    expect(points(d).filter(([, , y]) => y === 60).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a smooth curve within the data range (no dip below zero)', () => {
    const spiky = [row(1000, 0), row(1100, 0), row(1200, 10), row(1300, 0), row(1400, 0)];
    const d = seriesPath(spiky, 'written', BOX, 1000, 1400, 10, true, false);
    const ys = [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((_, i) => i % 2 === 1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(60);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
  });

  it('is empty for a series without values', () => {
    expect(seriesPath([row(0, null)], 'written', BOX, 0, 1000, 10, false, false)).toBe('');
  });
});

describe('nearestRow', () => {
  const rows = [row(0, 1), row(10, 1), row(20, 1)];

  it('finds the row closest in time, including outside the range', () => {
    expect(nearestRow(rows, 0)).toBe(0);
    expect(nearestRow(rows, 4)).toBe(0);
    expect(nearestRow(rows, 6)).toBe(1);
    expect(nearestRow(rows, 19)).toBe(2);
    expect(nearestRow(rows, 99)).toBe(2);
    expect(nearestRow(rows, -5)).toBe(0);
  });

  it('answers -1 when there is nothing to point at', () => {
    expect(nearestRow([], 5)).toBe(-1);
    expect(nearestRow(rows, Number.NaN)).toBe(-1);
  });
});
