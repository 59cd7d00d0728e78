// A drill's known set of uniquely keyed records: key = id, spread over partitions, with a seeded
// sprinkle of records that cannot convert (they must end in the dead-letter topic, not be lost).
import { seeded } from './env';
import type { OutMessage } from './kafka';
import { DIM } from './milvus';

export interface Dataset {
  messages: OutMessage[];
  /** Ids that must land in Milvus. */
  good: Set<number>;
  /** Ids that must land in the DLQ, with the error code they must carry. */
  bad: Map<number, string>;
  size: number;
}

export interface DatasetOptions {
  partitions: number;
  seed: number;
  /** Share of records that fail conversion (default 1%). */
  badShare?: number;
  /** Extra bytes per record in an unmapped field (dropped by extraFields 'drop'). */
  padBytes?: number;
}

export function vector(id: number): number[] {
  return Array.from({ length: DIM }, (_, k) => Math.round(Math.sin(id * DIM + k) * 1e6) / 1e6);
}

export function goodValue(id: number, pad = ''): Record<string, unknown> {
  const v: Record<string, unknown> = { id, title: `record ${id}`, vec: vector(id) };
  if (pad) v.pad = pad;
  return v;
}

/** Records 0..n-1; record i goes to partition i % partitions. */
export function drillDataset(n: number, o: DatasetOptions): Dataset {
  const rnd = seeded(o.seed);
  const share = o.badShare ?? 0.01;
  const pad = o.padBytes ? 'p'.repeat(o.padBytes) : '';
  const good = new Set<number>();
  const bad = new Map<number, string>();
  const messages: OutMessage[] = [];
  for (let id = 0; id < n; id++) {
    const v = goodValue(id, pad);
    if (rnd() < share) {
      // Two conversion failures, alternating: one vector short, one title too long.
      if (bad.size % 2 === 0) {
        v.vec = vector(id).slice(1);
        bad.set(id, 'wrong_dimension');
      } else {
        v.title = `x${'y'.repeat(80)}${id}`;
        bad.set(id, 'too_long');
      }
    } else good.add(id);
    messages.push({ key: String(id), value: JSON.stringify(v), partition: id % o.partitions });
  }
  return { messages, good, bad, size: n };
}
