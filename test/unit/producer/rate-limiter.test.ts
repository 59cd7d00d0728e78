// The token bucket that paces sends, with explicit time; and the generator loop on a fake sender.
import { describe, expect, it } from 'vitest';
import { FatalSendError, RateLimiter, startGenerator, type DemoRecord } from '../../../electron/generator';

describe('RateLimiter', () => {
  it('lets the first message go at once, then paces at the rate', () => {
    const r = new RateLimiter(10, { now: 0 });
    expect(r.available(0)).toBe(1);
    r.take(1, 0);
    expect(r.available(0)).toBe(0);
    expect(r.waitMs(0)).toBe(100);
    expect(r.available(99)).toBe(0);
    expect(r.available(100)).toBe(1);
  });

  it('averages the rate over time when sending in batches', () => {
    const r = new RateLimiter(50, { now: 0 });
    let sent = 0;
    for (let t = 0; t <= 10_000; t += 37) {
      const n = r.available(t);
      r.take(n, t);
      sent += n;
    }
    expect(sent).toBeGreaterThanOrEqual(499);
    expect(sent).toBeLessThanOrEqual(502);
  });

  it('caps the burst after a stall, so a slow send does not cause a flood', () => {
    const r = new RateLimiter(100, { now: 0 });
    r.take(1, 0);
    expect(r.burst).toBe(25);
    expect(r.available(60_000)).toBe(25);
  });

  it('handles rates below one per second', () => {
    const r = new RateLimiter(0.5, { now: 0 });
    r.take(1, 0);
    expect(r.waitMs(0)).toBe(2000);
    expect(r.available(2000)).toBe(1);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
    expect(() => new RateLimiter(Number.NaN)).toThrow(RangeError);
  });
});

describe('startGenerator', () => {
  it('sends the asked count at about the rate, then reports done', async () => {
    const got: DemoRecord[] = [];
    const t0 = Date.now();
    const g = startGenerator({ ratePerSec: 200, count: 60, dim: 4, idStart: 1, seed: 3, send: async (rs) => void got.push(...rs) });
    const final = await g.done;
    const ms = Date.now() - t0;
    expect(final).toMatchObject({ state: 'done', sent: 60, total: 60 });
    expect(got.map((r) => r.id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(ms).toBeGreaterThan(200);
    expect(ms).toBeLessThan(2_000);
  });

  it('retries failed sends without losing or duplicating records, and reports the error meanwhile', async () => {
    const got: number[] = [];
    const states: string[] = [];
    let failures = 2;
    const g = startGenerator({
      ratePerSec: 1000,
      count: 5,
      dim: 2,
      idStart: 0,
      progressMs: 0,
      send: async (rs) => {
        if (failures-- > 0) throw new Error('broker down');
        got.push(...rs.map((r) => r.id));
      },
      onProgress: (p) => states.push(p.lastError ? `${p.state}:${p.lastError}` : p.state),
    });
    expect((await g.done).state).toBe('done');
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(states).toContain('retrying:broker down');
  });

  it('fails on errors retrying cannot fix, and stops on request', async () => {
    const failed = startGenerator({ ratePerSec: 10, dim: 2, send: () => Promise.reject(new FatalSendError('topic "x": unknown topic')) });
    expect(await failed.done).toMatchObject({ state: 'failed', lastError: 'topic "x": unknown topic' });
    const endless = startGenerator({ ratePerSec: 50, dim: 2, send: async () => undefined });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = await endless.stop();
    expect(stopped.state).toBe('stopped');
    expect(stopped.sent).toBeGreaterThan(0);
  });
});
