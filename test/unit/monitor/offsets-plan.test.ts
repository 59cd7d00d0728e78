// Offset-reset arithmetic: where the group reads now (committed, else the fallback; out-of-range
// commits fall back too), where it will read (clamped), and the records read again or skipped.
import { describe, expect, it } from 'vitest';
import { commitsFor, currentOffset, normalizeCommitted, planPartition, planReset, timestampKey, type PartitionOffsets } from '../../../electron/services/monitor-offsets-plan';

const p = (partition: number, low: string, high: string, committed: string | null, topic = 't'): PartitionOffsets => ({ topic, partition, low, high, committed });

describe('currentOffset', () => {
  it('is the committed offset while the log still holds it', () => {
    expect(currentOffset(p(0, '10', '100', '40'), 'earliest')).toBe(40n);
    expect(currentOffset(p(0, '10', '100', '100'), 'earliest')).toBe(100n);
  });
  it('falls back without a commit, or when retention removed the committed offset', () => {
    expect(currentOffset(p(0, '10', '100', null), 'earliest')).toBe(10n);
    expect(currentOffset(p(0, '10', '100', '-1'), 'latest')).toBe(100n);
    expect(currentOffset(p(0, '10', '100', '5'), 'earliest')).toBe(10n);
    expect(normalizeCommitted('-1')).toBeNull();
    expect(normalizeCommitted('')).toBeNull();
  });
  it('keeps int64 offsets exact', () => {
    expect(currentOffset(p(0, '9007199254740993', '9007199254740999', '9007199254740995'), 'earliest')).toBe(9007199254740995n);
  });
});

describe('planPartition', () => {
  it('counts records read again when the target is behind', () => {
    expect(planPartition(p(0, '0', '100', '80'), 20n, 'earliest')).toMatchObject({ current: '80', target: '20', reread: 60, skipped: 0, committed: '80' });
  });
  it('counts records skipped when the target is ahead', () => {
    expect(planPartition(p(0, '0', '100', '80'), 95n, 'earliest')).toMatchObject({ reread: 0, skipped: 15 });
  });
  it('clamps the target to what the log holds', () => {
    expect(planPartition(p(0, '50', '100', '80'), 0n, 'earliest')).toMatchObject({ target: '50', reread: 30 });
    expect(planPartition(p(0, '50', '100', '80'), 1000n, 'earliest')).toMatchObject({ target: '100', skipped: 20 });
  });
  it('keeps the position with no target', () => {
    expect(planPartition(p(0, '0', '100', null), null, 'latest')).toMatchObject({ current: '100', target: '100', reread: 0, skipped: 0, committed: null });
  });
});

describe('planReset', () => {
  const parts = [p(1, '0', '50', '50'), p(0, '0', '100', '100'), p(0, '5', '9', null, 'other')];

  it('earliest re-reads everything still held, summed over partitions, in a stable order', () => {
    const plan = planReset('g', parts, { kind: 'earliest' }, { fallback: 'earliest', effective: true });
    expect(plan.partitions.map((r) => `${r.topic}/${r.partition}`)).toEqual(['other/0', 't/0', 't/1']);
    expect(plan).toMatchObject({ groupId: 'g', reread: 150, skipped: 0, effective: true });
  });

  it('latest skips what has not been read', () => {
    expect(planReset('g', parts, { kind: 'latest' }, { fallback: 'earliest', effective: true })).toMatchObject({ reread: 0, skipped: 4 });
  });

  it('timestamp uses the broker’s offsets, and the high watermark where there is none', () => {
    const byTimestamp = new Map([[timestampKey('t', 0), '60'], [timestampKey('t', 1), '-1']]);
    const plan = planReset('g', parts, { kind: 'timestamp', timestampMs: 1 }, { fallback: 'earliest', effective: true, byTimestamp });
    expect(plan.partitions.map((r) => r.target)).toEqual(['9', '60', '50']);
    expect(plan.reread).toBe(40);
  });

  it('specific offsets move only the partitions named', () => {
    const target = { kind: 'offsets' as const, offsets: [{ topic: 't', partition: 1, offset: '10' }] };
    const plan = planReset('g', parts, target, { fallback: 'earliest', effective: false });
    expect(plan).toMatchObject({ reread: 40, skipped: 0, effective: false });
    expect([...commitsFor(plan, target)]).toEqual([['t', [{ partition: 1, offset: '10' }]]]);
  });

  it('commits only partitions whose offset changes (or that have no commit)', () => {
    const plan = planReset('g', parts, { kind: 'latest' }, { fallback: 'earliest', effective: true });
    expect([...commitsFor(plan, { kind: 'latest' })]).toEqual([['other', [{ partition: 0, offset: '9' }]]]);
  });
});
