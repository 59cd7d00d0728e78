// Metrics and log history kept on the main side, so reloading the renderer or reopening the window
// keeps the charts. Fixed-size ring buffers: memory stays flat however long the app runs.
import type { LogEntry, MetricsSnapshot } from '../../shared/pipeline-status';

export class Ring<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }

  get length(): number {
    return this.size;
  }
}

/** One point per second per pipeline for an hour: the longest chart window. */
export const HISTORY_SECONDS = 3600;

export class MetricsHistory {
  private readonly series = new Map<string, Ring<MetricsSnapshot>>();
  private readonly lastSecond = new Map<string, number>();

  /** Keeps at most one snapshot per pipeline per second (the latest wins). */
  record(s: MetricsSnapshot): void {
    let ring = this.series.get(s.pipelineId);
    if (!ring) this.series.set(s.pipelineId, (ring = new Ring(HISTORY_SECONDS)));
    const second = Math.floor(s.at / 1000);
    if (this.lastSecond.get(s.pipelineId) === second) return;
    this.lastSecond.set(s.pipelineId, second);
    ring.push(s);
  }

  window(pipelineId: string, seconds: number, now = Date.now()): MetricsSnapshot[] {
    const from = now - seconds * 1000;
    return (this.series.get(pipelineId)?.toArray() ?? []).filter((s) => s.at >= from);
  }

  forget(pipelineId: string): void {
    this.series.delete(pipelineId);
    this.lastSecond.delete(pipelineId);
  }
}

export class LogHistory {
  private readonly ring = new Ring<LogEntry>(5000);
  push(e: LogEntry): void {
    this.ring.push(e);
  }
  recent(limit: number): LogEntry[] {
    const all = this.ring.toArray();
    return all.slice(Math.max(0, all.length - limit));
  }
}
