// The demo data generator loop: paces records at a rate, hands them to a sender in small batches,
// retries transient send failures with backoff, and reports progress. Transport-agnostic (the Kafka
// sender is in kafka-sender.ts); used by the app's service, `serve --demo` and `cli generate`.
import { RateLimiter, sleep } from './rate-limiter';
import { createRecordFactory, type DemoRecord, type RecordFactoryOptions } from './records';

export type GeneratorState = 'running' | 'retrying' | 'stopped' | 'done' | 'failed';

export interface GeneratorProgress {
  state: GeneratorState;
  sent: number;
  /** Target count, when the run is bounded. */
  total?: number;
  startedAt: number;
  /** Observed messages per second since the start. */
  ratePerSec: number;
  /** Last send failure (English, one line); cleared after a successful send. */
  lastError?: string;
}

/** A send failure that retrying cannot fix (unknown topic, authorization): the run fails. */
export class FatalSendError extends Error {}

export interface GeneratorOptions extends RecordFactoryOptions {
  ratePerSec: number;
  /** Stop after this many records; default: run until stopped. */
  count?: number;
  send(records: DemoRecord[]): Promise<void>;
  onProgress?(p: GeneratorProgress): void;
  /** How often onProgress is called while running (default 500 ms: at most 2 Hz). */
  progressMs?: number;
  /** Largest batch per send (default 500). */
  maxBatch?: number;
}

export interface GeneratorHandle {
  progress(): GeneratorProgress;
  /** Stops after the batch in flight; resolves with the final progress. */
  stop(): Promise<GeneratorProgress>;
  done: Promise<GeneratorProgress>;
}

const MAX_BACKOFF_MS = 5_000;

export function startGenerator(opts: GeneratorOptions): GeneratorHandle {
  const make = createRecordFactory(opts);
  const limiter = new RateLimiter(opts.ratePerSec);
  const abort = new AbortController();
  const startedAt = Date.now();
  const maxBatch = opts.maxBatch ?? 500;
  let sent = 0;
  let state: GeneratorState = 'running';
  let lastError: string | undefined;
  let lastReport = 0;

  const progress = (): GeneratorProgress => {
    const elapsed = Math.max(1, Date.now() - startedAt);
    const p: GeneratorProgress = { state, sent, startedAt, ratePerSec: Math.round((sent * 10_000) / elapsed) / 10 };
    if (opts.count !== undefined) p.total = opts.count;
    if (lastError) p.lastError = lastError;
    return p;
  };
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < (opts.progressMs ?? 500)) return;
    lastReport = now;
    opts.onProgress?.(progress());
  };

  async function loop(): Promise<GeneratorProgress> {
    let backoff = 250;
    let pending: DemoRecord[] = [];
    report(true);
    while (!abort.signal.aborted) {
      const remaining = opts.count === undefined ? Infinity : opts.count - sent;
      if (remaining <= 0) {
        state = 'done';
        break;
      }
      if (pending.length === 0) {
        const wait = limiter.waitMs();
        if (wait > 0) {
          await sleep(Math.min(wait, 250), abort.signal);
          continue;
        }
        const n = Math.min(limiter.available(), remaining, maxBatch);
        pending = Array.from({ length: n }, (_, i) => make(sent + i));
      }
      try {
        await opts.send(pending);
        limiter.take(pending.length);
        sent += pending.length;
        pending = [];
        backoff = 250;
        if (state === 'retrying') state = 'running';
        lastError = undefined;
      } catch (e) {
        lastError = e instanceof Error ? e.message.split('\n')[0] : String(e);
        if (e instanceof FatalSendError) {
          state = 'failed';
          break;
        }
        state = 'retrying';
        report(true);
        await sleep(backoff, abort.signal);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
      report();
    }
    if (state === 'running' || state === 'retrying') state = 'stopped';
    report(true);
    return progress();
  }

  const done = loop();
  return {
    progress,
    stop: () => {
      abort.abort();
      return done;
    },
    done,
  };
}
