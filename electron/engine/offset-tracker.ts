// Per-partition contiguous-offset tracking: an offset becomes committable only when it and every
// offset taken before it on that partition is finished (written, dead-lettered or skipped).
// Kafka commits the *next* offset to read, so the commit point is last finished + 1.
//
// Offsets are handled as JavaScript numbers: exact up to 2^53, far beyond any real partition.

export interface Ticket {
  readonly key: string;
  readonly epoch: number;
  readonly offset: number;
}

export interface CommitPoint {
  topic: string;
  partition: number;
  offset: string;
}

class PartitionTrack {
  /** Offsets in the order taken (ascending); `head` is the first unfinished one. */
  private queue: number[] = [];
  private head = 0;
  private readonly finished = new Set<number>();
  /** Next offset to commit, once anything was finished. */
  commitPoint: number | undefined;
  committed: number | undefined;
  highest = -1;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly epoch: number,
  ) {}

  take(offset: number): void {
    this.queue.push(offset);
    this.highest = offset;
  }

  finish(offset: number): void {
    this.finished.add(offset);
    while (this.head < this.queue.length) {
      const next = this.queue[this.head] as number;
      if (!this.finished.has(next)) break;
      this.finished.delete(next);
      this.commitPoint = next + 1;
      this.head++;
    }
    // Drop the consumed prefix now and then so the queue does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  get pending(): number {
    return this.queue.length - this.head;
  }
}

export class OffsetTracker {
  private readonly parts = new Map<string, PartitionTrack>();
  private epochs = 0;

  private static key(topic: string, partition: number): string {
    return `${partition}\u0000${topic}`;
  }

  /** Registers a record the engine takes; finish the ticket when the record is done. */
  take(topic: string, partition: number, offset: string): Ticket {
    const key = OffsetTracker.key(topic, partition);
    const n = Number(offset);
    let track = this.parts.get(key);
    // An offset at or below one already taken means Kafka rewound (rebalance, restart of the
    // client, seek): start a fresh track; tickets of the old one no longer move commits.
    if (!track || n <= track.highest) {
      track = new PartitionTrack(topic, partition, ++this.epochs);
      this.parts.set(key, track);
    }
    track.take(n);
    return { key, epoch: track.epoch, offset: n };
  }

  finish(ticket: Ticket): void {
    const track = this.parts.get(ticket.key);
    if (track && track.epoch === ticket.epoch) track.finish(ticket.offset);
  }

  /** Commit points that moved since the last markCommitted, optionally only for owned partitions. */
  committable(owned?: (topic: string, partition: number) => boolean): CommitPoint[] {
    const out: CommitPoint[] = [];
    for (const t of this.parts.values()) {
      if (t.commitPoint === undefined || t.commitPoint === t.committed) continue;
      if (owned && !owned(t.topic, t.partition)) continue;
      out.push({ topic: t.topic, partition: t.partition, offset: String(t.commitPoint) });
    }
    return out;
  }

  markCommitted(points: CommitPoint[]): void {
    for (const p of points) {
      const t = this.parts.get(OffsetTracker.key(p.topic, p.partition));
      if (t) t.committed = Number(p.offset);
    }
  }

  /** Forgets partitions this member no longer owns (their new owner continues from the commit). */
  retain(owned: (topic: string, partition: number) => boolean): void {
    for (const [key, t] of this.parts) if (!owned(t.topic, t.partition)) this.parts.delete(key);
  }

  /** Unfinished records, all partitions. */
  pending(): number {
    let n = 0;
    for (const t of this.parts.values()) n += t.pending;
    return n;
  }
}
