// Exponential backoff with jitter, and an abortable sleep, for transient Milvus and Kafka failures.
import type { RetryPolicy } from '../../shared/pipeline-config';

/**
 * Delay before retry number `attempt` (1-based): initial · 2^(attempt−1), capped at max, then
 * "equal jitter" (uniform in [d/2, d]) so many pipelines hitting one server do not retry in step.
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'initialBackoffMs' | 'maxBackoffMs'>, random: () => number = Math.random): number {
  const exp = Math.min(Math.max(attempt, 1) - 1, 30);
  const capped = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** exp);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** True when another attempt is allowed; maxAttempts 0 means retry until stopped. */
export function mayRetry(attemptsSoFar: number, policy: Pick<RetryPolicy, 'maxAttempts'>): boolean {
  return policy.maxAttempts === 0 || attemptsSoFar < policy.maxAttempts;
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `p` but gives up after `ms` (resolving 'timeout'); never rejects. */
export async function within<T>(p: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false; reason: 'timeout' | 'error'; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  try {
    const r = await Promise.race([p.then((value) => ({ value })), timeout]);
    if (r === 'timeout') return { ok: false, reason: 'timeout' };
    return { ok: true, value: r.value };
  } catch (error) {
    return { ok: false, reason: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}
