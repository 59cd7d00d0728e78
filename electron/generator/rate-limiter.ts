// A token bucket that paces sends at a target rate. Senders ask how many messages may go now, send
// them as one batch, then take that many tokens; a small burst lets a slow send catch up without a
// flood after a long stall. Time is passed in, so tests need no timers.

export interface RateLimiterOptions {
  /** Tokens that can pile up; default a quarter second's worth (at least 1). */
  burst?: number;
  /** Start time, ms; the bucket starts with one token so the first message goes at once. */
  now?: number;
}

export class RateLimiter {
  readonly burst: number;
  private tokens = 1;
  private last: number;

  constructor(
    readonly ratePerSec: number,
    opts: RateLimiterOptions = {},
  ) {
    if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) throw new RangeError(`rate must be a positive number, got ${ratePerSec}`);
    this.burst = Math.max(1, opts.burst ?? Math.ceil(ratePerSec / 4));
    this.last = opts.now ?? Date.now();
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSec) / 1000);
      this.last = now;
    }
  }

  /** Whole messages that may be sent now. */
  available(now: number = Date.now()): number {
    this.refill(now);
    return Math.floor(this.tokens + 1e-9);
  }

  /** Spends `n` tokens (after the messages were sent or handed over). */
  take(n: number, now: number = Date.now()): void {
    this.refill(now);
    this.tokens -= n;
  }

  /** Milliseconds until at least one message may go (0 when one may go now). */
  waitMs(now: number = Date.now()): number {
    this.refill(now);
    if (this.tokens >= 1 - 1e-9) return 0;
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSec);
  }
}

/** Sleeps `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
