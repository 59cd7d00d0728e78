// The pipelines service and the monitor handlers on the real stack, with a throwaway data folder,
// fast consumer-group timings, and one Kafka/Milvus connection for every pipeline.
import { createPipeline } from '../../electron/engine';
import { monitorHandlers } from '../../electron/services/monitor-service';
import { createPipelinesService, type PipelinesService } from '../../electron/services/pipelines-service';
import { createConnectionResolver } from '../../electron/services/profiles-resolve';
import type { Handlers } from '../../electron/rpc/types';
import type { MonitorCommands } from '../../shared/contract-monitor';
import type { PipelineSpec } from '../../shared/domain';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import { makeTestContext, type TestContext } from '../unit/services/support/context';
import { FAST_GROUP } from './support/config';
import { KAFKA_BROKERS, MILVUS_ADDRESS } from './support/env';

export interface MonitorRig {
  ctx: TestContext;
  pipelines: PipelinesService;
  monitor: Pick<Handlers, keyof MonitorCommands>;
  close(): Promise<void>;
}

export function monitorRig(milvusAddress = MILVUS_ADDRESS): MonitorRig {
  const ctx = makeTestContext();
  const pipelines = createPipelinesService(ctx, {
    resolveKafka: async () => ({ brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' }),
    resolveMilvus: async () => ({ address: milvusAddress }),
    createRunner: (cfg, opts) => createPipeline(cfg, { ...opts, consumer: FAST_GROUP, lagIntervalMs: 500 }),
    tickMs: 250,
  });
  const monitor = monitorHandlers(ctx, { resolver: createConnectionResolver(ctx), pipelines });
  return {
    ctx,
    pipelines,
    monitor,
    close: async () => {
      await pipelines.shutdown();
      ctx.cleanup();
    },
  };
}

export function spec(over: Partial<PipelineSpec> & Pick<PipelineSpec, 'name' | 'topics' | 'groupId' | 'collection'>): PipelineSpec {
  return {
    ...PIPELINE_DEFAULTS,
    id: 'new',
    kafkaProfileId: 'k',
    milvusProfileId: 'm',
    retry: { maxAttempts: 0, initialBackoffMs: 200, maxBackoffMs: 2_000 },
    ...over,
  } as PipelineSpec;
}
