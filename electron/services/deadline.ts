// An overall deadline for a user-facing check. The clients' own retry loops (kafkajs' backoff, gRPC
// reconnects) can keep a wrong address busy for minutes; the wizard must answer within seconds.
import { DeadlineExceeded } from './error-classify';

export async function withDeadline<T>(ms: number, task: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const work = task();
  // the task keeps running after the deadline until the caller closes its client: never let its
  // late failure surface as an unhandled rejection
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Maps with at most `limit` calls in flight (per-topic offsets, per-collection statistics). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
