// Pure planning for 'schema.sample': which offsets of which partitions to read, and when a
// partition is done. Offsets are decimal strings (Kafka offsets are 64-bit); ranges are [start, end).
import type { SampleFrom } from '../../shared/contract-schema';

export interface PartitionWatermarks {
  partition: number;
  low: string;
  high: string;
}

export interface PartitionRange {
  partition: number;
  start: bigint;
  /** Exclusive. */
  end: bigint;
}

/**
 * Splits `count` over the partitions as evenly as their retained records allow (a partition with
 * fewer records gives its share to the others), then reads the first or the last records of each.
 */
export function planSample(partitions: readonly PartitionWatermarks[], count: number, from: SampleFrom): PartitionRange[] {
  const avail = partitions.map((p) => {
    const low = BigInt(p.low);
    const high = BigInt(p.high);
    return { partition: p.partition, low, high, size: high > low ? high - low : 0n, quota: 0n };
  });
  let left = BigInt(count);
  let open = avail.filter((p) => p.size > 0n);
  while (left > 0n && open.length > 0) {
    const share = left / BigInt(open.length) || 1n;
    for (const p of open) {
      if (left === 0n) break;
      const take = share < p.size - p.quota ? share : p.size - p.quota;
      p.quota += take;
      left -= take;
    }
    open = open.filter((p) => p.quota < p.size);
  }
  return avail
    .filter((p) => p.quota > 0n)
    .sort((a, b) => a.partition - b.partition)
    .map((p) => (from === 'earliest' ? { partition: p.partition, start: p.low, end: p.low + p.quota } : { partition: p.partition, start: p.high - p.quota, end: p.high }));
}

export const totalPlanned = (plan: readonly PartitionRange[]): number => plan.reduce((n, r) => n + Number(r.end - r.start), 0);

/** True when the next offset to fetch is past the range (compaction and control records leave gaps). */
export function rangeDone(range: PartitionRange, nextOffset: bigint): boolean {
  return nextOffset >= range.end;
}

export const inRange = (range: PartitionRange, offset: bigint): boolean => offset >= range.start && offset < range.end;

/** Values kept in one sample, in bytes: vectors stay whole, so the budget is on the total. */
export const SAMPLE_BUDGET_BYTES = 8 * 1024 * 1024;
