import { describe, expect, it } from 'vitest';
import { backoffDelay, mayRetry, sleep, within } from '../../../electron/engine/retry';

const policy = { initialBackoffMs: 100, maxBackoffMs: 1_000 };

describe('backoff', () => {
  it('doubles per attempt, caps at the maximum, jitters within [d/2, d]', () => {
    expect([1, 2, 3, 4, 5, 30].map((a) => backoffDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, policy);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });

  it('retries forever with maxAttempts 0, otherwise up to the limit', () => {
    expect(mayRetry(1_000_000, { maxAttempts: 0 })).toBe(true);
    expect(mayRetry(2, { maxAttempts: 3 })).toBe(true);
    expect(mayRetry(3, { maxAttempts: 3 })).toBe(false);
  });

  it('sleep ends early on abort; within times out without rejecting', async () => {
    const ac = new AbortController();
    const p = sleep(10_000, ac.signal);
    ac.abort();
    expect(await p).toBe(false);
    expect(await sleep(1)).toBe(true);
    expect(await within(new Promise(() => undefined), 10)).toEqual({ ok: false, reason: 'timeout' });
    expect(await within(Promise.resolve(5), 10)).toEqual({ ok: true, value: 5 });
    expect((await within(Promise.reject(new Error('x')), 10)).ok).toBe(false);
  });
});
