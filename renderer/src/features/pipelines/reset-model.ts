// The offset-reset dialog's choices turned into a target, pure.
import type { OffsetResetTarget, PartitionResetPlan } from '../../../../shared/contract-monitor';
import { parseLocalDateTime } from './form-model';

export type ResetKind = OffsetResetTarget['kind'];

export interface ResetChoice {
  kind: ResetKind;
  /** `datetime-local` value for kind 'timestamp'. */
  at: string;
  /** Offsets typed per partition (key: partitionKey), for kind 'offsets'. */
  offsets: Record<string, string>;
}

export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** The target to plan and apply, or null while the choice is incomplete or invalid. */
export function resetTarget(c: ResetChoice, partitions: readonly Pick<PartitionResetPlan, 'topic' | 'partition' | 'current'>[]): OffsetResetTarget | null {
  switch (c.kind) {
    case 'earliest':
    case 'latest':
      return { kind: c.kind };
    case 'timestamp': {
      const ms = parseLocalDateTime(c.at);
      return ms === null ? null : { kind: 'timestamp', timestampMs: ms };
    }
    case 'offsets': {
      const offsets: { topic: string; partition: number; offset: string }[] = [];
      for (const p of partitions) {
        const v = (c.offsets[partitionKey(p.topic, p.partition)] ?? '').trim();
        if (v === '' || v === p.current) continue;
        if (!/^\d{1,19}$/.test(v)) return null;
        offsets.push({ topic: p.topic, partition: p.partition, offset: v });
      }
      return offsets.length ? { kind: 'offsets', offsets } : null;
    }
  }
}

/** An offset input that is not a whole number. */
export function badOffset(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '' && !/^\d{1,19}$/.test(v.trim());
}
