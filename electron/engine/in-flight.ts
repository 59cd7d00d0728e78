// Bounded in-flight batches (backpressure) with per-key ordering: a batch that shares a primary key
// with an earlier batch still being written waits for it, so an older version of a row can never
// land after a newer one even with several batches in flight.

interface Running {
  keys: ReadonlySet<string> | null;
  done: Promise<void>;
}

export class InFlight {
  private slots = 0;
  private waiters: ((ok: boolean) => void)[] = [];
  private running: Running[] = [];

  constructor(readonly max: number) {
    if (max < 1) throw new RangeError('at least one batch must be allowed in flight');
  }

  get count(): number {
    return this.slots;
  }

  get full(): boolean {
    return this.slots >= this.max;
  }

  /** Reserves a slot, waiting while all are taken. Resolves false when the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.slots < this.max) {
      this.slots++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = (ok: boolean): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Returns a slot; the next waiter (FIFO) gets it directly. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next(true);
    else this.slots = Math.max(0, this.slots - 1);
  }

  /**
   * Runs `work` in an already reserved slot and releases it when done. `keys` are the batch's
   * primary keys (null: no ordering constraint, e.g. autoID inserts).
   */
  run(keys: ReadonlySet<string> | null, work: () => Promise<void>): Promise<void> {
    const before = keys && keys.size ? this.running.filter((r) => r.keys && intersects(keys, r.keys)).map((r) => r.done) : [];
    const done = (before.length ? Promise.all(before).then(work) : work())
      .catch(() => undefined) // work reports its own failures; ordering must not break on them
      .finally(() => {
        this.running = this.running.filter((r) => r !== entry);
        this.release();
      });
    const entry: Running = { keys, done };
    this.running.push(entry);
    return done;
  }

  /** Resolves once every batch started so far has finished. */
  async drain(): Promise<void> {
    while (this.running.length) await Promise.all(this.running.map((r) => r.done));
  }
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}
