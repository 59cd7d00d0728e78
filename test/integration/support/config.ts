// A valid PipelineConfig for the local stack, with per-test overrides.
import { PIPELINE_DEFAULTS, PipelineConfig } from '../../../shared/pipeline-config';
import type { PipelineOptions } from '../../../electron/engine';
import type { LogEntry, PipelineStatus } from '../../../shared/pipeline-status';
import { KAFKA_BROKERS, MILVUS_ADDRESS } from './env';

export function testConfig(over: Partial<PipelineConfig> & Pick<PipelineConfig, 'id' | 'collection' | 'topics' | 'groupId'>): PipelineConfig {
  const raw = {
    ...PIPELINE_DEFAULTS,
    name: over.id,
    kafka: { brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' },
    milvus: { address: MILVUS_ADDRESS },
    retry: { maxAttempts: 0, initialBackoffMs: 200, maxBackoffMs: 2_000 },
    ...over,
  };
  // Validate like every real caller does, so a test never runs a config users could not write.
  return PipelineConfig.parse(raw);
}

/** Short group timings: the broker's minimum session timeout is 6 s. */
export const FAST_GROUP: PipelineOptions['consumer'] = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000 };

/** Collects what a runner reports, for assertions. */
export function recorder(): { logs: LogEntry[]; states: PipelineStatus[]; options: PipelineOptions } {
  const logs: LogEntry[] = [];
  const states: PipelineStatus[] = [];
  return { logs, states, options: { onLog: (e) => logs.push(e), onState: (s) => states.push(s), consumer: FAST_GROUP, lagIntervalMs: 500 } };
}
