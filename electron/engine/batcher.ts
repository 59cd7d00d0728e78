// Collects items across partitions into batches of at most `size`, and says when a partial batch
// has waited `lingerMs` since its first item. It never flushes by itself: the pipeline decides when
// a batch may go (backpressure), the batcher only calls `onDue` once the linger time is up.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
};

export class Batcher<T> {
  private items: T[] = [];
  private firstAt = 0;
  private timer: unknown;

  constructor(
    readonly size: number,
    readonly lingerMs: number,
    private readonly onDue: () => void,
    private readonly timers: Timers = realTimers,
  ) {
    if (size < 1) throw new RangeError('batch size must be at least 1');
  }

  get length(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= this.size;
  }

  /** True when the current partial batch has waited its linger time (or is full). */
  get due(): boolean {
    return this.items.length > 0 && (this.full || this.timers.now() - this.firstAt >= this.lingerMs);
  }

  /** Adds an item; returns true when the batch is now full. */
  add(item: T): boolean {
    if (this.items.length === 0) {
      this.firstAt = this.timers.now();
      this.timer = this.timers.set(() => {
        this.timer = undefined;
        this.onDue();
      }, this.lingerMs);
    }
    this.items.push(item);
    return this.full;
  }

  /** Removes and returns up to `size` items (the oldest first). */
  take(): T[] {
    const out = this.items.length <= this.size ? this.items : this.items.slice(0, this.size);
    this.items = this.items.length <= this.size ? [] : this.items.slice(this.size);
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.items.length) {
      // Leftovers start a new linger period.
      this.firstAt = this.timers.now();
      this.timer = this.timers.set(() => {
        this.timer = undefined;
        this.onDue();
      }, this.lingerMs);
    }
    return out;
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
