import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../electron/engine/in-flight';
import { keepLastByKey } from '../../../electron/engine/writer';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('InFlight', () => {
  it('bounds concurrent batches and hands slots over in order', async () => {
    const f = new InFlight(2);
    expect(await f.acquire()).toBe(true);
    expect(await f.acquire()).toBe(true);
    expect(f.full).toBe(true);
    let third = false;
    const p = f.acquire().then((ok) => (third = ok));
    await Promise.resolve();
    expect(third).toBe(false);
    f.release();
    await p;
    expect(third).toBe(true);
    expect(f.count).toBe(2);
  });

  it('gives up waiting on abort', async () => {
    const f = new InFlight(1);
    await f.acquire();
    const ac = new AbortController();
    const p = f.acquire(ac.signal);
    ac.abort();
    expect(await p).toBe(false);
  });

  it('orders batches that share a key, runs others concurrently', async () => {
    const f = new InFlight(3);
    const order: string[] = [];
    const first = deferred();
    await f.acquire();
    void f.run(new Set(['1', '2']), async () => {
      await first.promise;
      order.push('a');
    });
    await f.acquire();
    void f.run(new Set(['2']), async () => {
      order.push('b');
    });
    await f.acquire();
    void f.run(new Set(['3']), async () => {
      order.push('c');
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['c']);
    first.resolve();
    await f.drain();
    expect(order).toEqual(['c', 'a', 'b']);
    expect(f.count).toBe(0);
  });
});

describe('keepLastByKey', () => {
  it('keeps the last row per key, in order, and reports the superseded ones', () => {
    const rows = [{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'a', v: 3 }, { k: undefined, v: 4 }];
    const { kept, superseded } = keepLastByKey(rows, (r) => r.k);
    expect(kept.map((r) => r.v)).toEqual([2, 3, 4]);
    expect(superseded.map((r) => r.v)).toEqual([1]);
  });
});
