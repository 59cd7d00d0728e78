import { describe, expect, it } from 'vitest';
import { inRange, planSample, rangeDone, totalPlanned } from '../../../electron/services/schema-sample-plan';

const wm = (partition: number, low: number, high: number) => ({ partition, low: String(low), high: String(high) });
const show = (plan: ReturnType<typeof planSample>) => plan.map((r) => [r.partition, Number(r.start), Number(r.end)]);

describe('planSample', () => {
  it('splits the count evenly and reads the first records of each partition', () => {
    expect(show(planSample([wm(0, 0, 100), wm(1, 0, 100), wm(2, 0, 100)], 9, 'earliest'))).toEqual([
      [0, 0, 3],
      [1, 0, 3],
      [2, 0, 3],
    ]);
  });

  it('reads the last records from the high watermark, after retention moved the low one', () => {
    expect(show(planSample([wm(0, 50, 120), wm(1, 7, 9)], 10, 'latest'))).toEqual([
      [0, 112, 120],
      [1, 7, 9],
    ]);
  });

  it('gives the share of a small partition to the others and never plans more than is retained', () => {
    const plan = planSample([wm(0, 0, 1), wm(1, 0, 40), wm(2, 0, 0)], 30, 'earliest');
    expect(show(plan)).toEqual([
      [0, 0, 1],
      [1, 0, 29],
    ]);
    expect(totalPlanned(planSample([wm(0, 0, 3), wm(1, 0, 4)], 1000, 'latest'))).toBe(7);
  });

  it('plans nothing for an empty topic, and one record where there is one', () => {
    expect(planSample([wm(0, 5, 5), wm(1, 0, 0)], 10, 'latest')).toEqual([]);
    expect(totalPlanned(planSample([wm(0, 0, 10), wm(1, 0, 10), wm(2, 0, 10)], 1, 'earliest'))).toBe(1);
  });

  it('keeps 64-bit offsets exact', () => {
    const big = 2n ** 62n;
    const [r] = planSample([{ partition: 0, low: String(big), high: String(big + 10n) }], 3, 'latest');
    expect(r).toEqual({ partition: 0, start: big + 7n, end: big + 10n });
  });
});

describe('range checks', () => {
  const r = { partition: 0, start: 10n, end: 20n };
  it('knows which offsets belong to the plan and when a partition is done', () => {
    expect([9n, 10n, 19n, 20n].map((o) => inRange(r, o))).toEqual([false, true, true, false]);
    expect(rangeDone(r, 19n)).toBe(false);
    expect(rangeDone(r, 20n)).toBe(true);
    // A compacted gap or a trailing control record jumps past the end: still done.
    expect(rangeDone(r, 25n)).toBe(true);
  });
});
