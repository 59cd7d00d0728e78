// Pipeline configs for the drills, validated like every real caller's.
import { PIPELINE_DEFAULTS, PipelineConfig } from '../../../shared/pipeline-config';
import type { PipelineOptions } from '../../../electron/engine';
import { DEFAULT_KAFKA, DEFAULT_MILVUS } from './env';

export interface DrillTarget {
  id: string;
  topic: string;
  collection: string;
  groupId: string;
  dlqTopic: string;
  brokers?: string[];
  milvus?: string;
}

export function drillConfig(t: DrillTarget, over: Partial<PipelineConfig> = {}): PipelineConfig {
  return PipelineConfig.parse({
    ...PIPELINE_DEFAULTS,
    id: t.id,
    name: t.id,
    kafka: { brokers: t.brokers ?? DEFAULT_KAFKA, securityProtocol: 'PLAINTEXT' },
    milvus: { address: t.milvus ?? DEFAULT_MILVUS },
    topics: { names: [t.topic] },
    groupId: t.groupId,
    collection: t.collection,
    deadLetterTopic: t.dlqTopic,
    errorTolerance: 'all',
    extraFields: 'drop',
    batchSize: 100,
    lingerMs: 20,
    maxInFlightBatches: 2,
    retry: { maxAttempts: 0, initialBackoffMs: 200, maxBackoffMs: 2_000 },
    ...over,
  });
}

/** Short group timings (the broker's minimum session timeout is 6 s) so takeovers are quick. */
export const FAST_GROUP: NonNullable<PipelineOptions['consumer']> = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 500 };
