import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../shared/pipeline-status';
import { HISTORY_SECONDS, LogHistory, MetricsHistory, Ring } from '../../../electron/services/pipelines-history';

const snap = (pipelineId: string, at: number): MetricsSnapshot =>
  ({ pipelineId, at, consumedPerSec: at }) as unknown as MetricsSnapshot;

describe('history buffers', () => {
  it('ring keeps the newest items, oldest first', () => {
    const r = new Ring<number>(3);
    [1, 2, 3, 4, 5].forEach((n) => r.push(n));
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.length).toBe(3);
  });

  it('keeps one point per second per pipeline and answers windows', () => {
    const h = new MetricsHistory();
    h.record(snap('a', 10_000));
    h.record(snap('a', 10_400)); // same second: dropped
    h.record(snap('a', 11_000));
    h.record(snap('b', 11_000));
    expect(h.window('a', 60, 12_000).map((s) => s.at)).toEqual([10_000, 11_000]);
    expect(h.window('a', 1, 12_000).map((s) => s.at)).toEqual([11_000]);
    expect(h.window('b', 60, 12_000)).toHaveLength(1);
    h.forget('a');
    expect(h.window('a', 60, 12_000)).toEqual([]);
  });

  it('an hour of history is bounded', () => {
    const h = new MetricsHistory();
    for (let i = 0; i < HISTORY_SECONDS + 500; i++) h.record(snap('a', i * 1000));
    expect(h.window('a', 10 * HISTORY_SECONDS, HISTORY_SECONDS * 2000)).toHaveLength(HISTORY_SECONDS);
  });

  it('log history returns the most recent entries', () => {
    const l = new LogHistory();
    for (let i = 0; i < 10; i++) l.push({ at: i, level: 'info', kind: 'info', message: String(i) });
    expect(l.recent(3).map((e) => e.message)).toEqual(['7', '8', '9']);
  });
});
