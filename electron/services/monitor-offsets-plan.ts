// Offset-reset arithmetic, pure: where a consumer group reads next today, where it would after a
// reset, and how many records that re-reads or skips. Offsets are int64 strings; math in BigInt.
import type { OffsetResetPlan, OffsetResetTarget, PartitionResetPlan } from '../../shared/contract-monitor';

export interface PartitionOffsets {
  topic: string;
  partition: number;
  low: string;
  high: string;
  /** Committed offset of the group; null (or "-1" from the broker) when there is none. */
  committed: string | null;
}

export type Fallback = 'earliest' | 'latest';

const big = (s: string): bigint => BigInt(s);
const clamp = (v: bigint, lo: bigint, hi: bigint): bigint => (v < lo ? lo : v > hi ? hi : v);
const key = (topic: string, partition: number): string => `${partition}\u0000${topic}`;

export function normalizeCommitted(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '' || raw.startsWith('-')) return null;
  return raw;
}

/**
 * Where the group reads next: its committed offset while the log still has it, otherwise what the
 * consumer falls back to (earliest = log start, latest = high watermark).
 */
export function currentOffset(p: PartitionOffsets, fallback: Fallback): bigint {
  const low = big(p.low);
  const high = big(p.high);
  const committed = normalizeCommitted(p.committed);
  if (committed !== null) {
    const c = big(committed);
    if (c >= low && c <= high) return c;
  }
  return fallback === 'earliest' ? low : high;
}

/** One partition's plan; `target` null keeps the current position. */
export function planPartition(p: PartitionOffsets, target: bigint | null, fallback: Fallback): PartitionResetPlan {
  const low = big(p.low);
  const high = big(p.high);
  const current = currentOffset(p, fallback);
  const next = target === null ? current : clamp(target, low, high);
  return {
    topic: p.topic,
    partition: p.partition,
    low: p.low,
    high: p.high,
    committed: normalizeCommitted(p.committed),
    current: current.toString(),
    target: next.toString(),
    reread: Number(current > next ? current - next : 0n),
    skipped: Number(next > current ? next - current : 0n),
  };
}

/**
 * The offset each partition should move to. Timestamp targets need the broker's answer
 * (`byTimestamp`, keyed by topic + partition); a partition it does not list moves to its high watermark.
 */
export function targetOffset(p: PartitionOffsets, target: OffsetResetTarget, byTimestamp?: ReadonlyMap<string, string>): bigint | null {
  switch (target.kind) {
    case 'earliest':
      return big(p.low);
    case 'latest':
      return big(p.high);
    case 'timestamp': {
      const o = byTimestamp?.get(key(p.topic, p.partition));
      return o === undefined || o.startsWith('-') ? big(p.high) : big(o);
    }
    case 'offsets': {
      const o = target.offsets.find((x) => x.topic === p.topic && x.partition === p.partition);
      return o ? big(o.offset) : null;
    }
  }
}

export function timestampKey(topic: string, partition: number): string {
  return key(topic, partition);
}

export function planReset(
  groupId: string,
  partitions: readonly PartitionOffsets[],
  target: OffsetResetTarget,
  opts: { fallback: Fallback; effective: boolean; byTimestamp?: ReadonlyMap<string, string> },
): OffsetResetPlan {
  const rows = [...partitions]
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
    .map((p) => planPartition(p, targetOffset(p, target, opts.byTimestamp), opts.fallback));
  return {
    groupId,
    partitions: rows,
    reread: rows.reduce((s, r) => s + r.reread, 0),
    skipped: rows.reduce((s, r) => s + r.skipped, 0),
    effective: opts.effective,
  };
}

/** Offsets to commit per topic: partitions the target names whose committed offset differs. */
export function commitsFor(plan: OffsetResetPlan, target: OffsetResetTarget): Map<string, { partition: number; offset: string }[]> {
  const out = new Map<string, { partition: number; offset: string }[]>();
  const named = (r: PartitionResetPlan): boolean => target.kind !== 'offsets' || target.offsets.some((o) => o.topic === r.topic && o.partition === r.partition);
  for (const r of plan.partitions) {
    if (r.committed === r.target || !named(r)) continue;
    const list = out.get(r.topic) ?? [];
    list.push({ partition: r.partition, offset: r.target });
    out.set(r.topic, list);
  }
  return out;
}
