// The producer service wired like the app (profiles, pipelines service, engine) over a temp data
// folder, against the real stack; plus a pipeline spec for a topic → collection with a DLQ.
import { createPipeline } from '../../electron/engine';
import { createPipelinesService, type PipelinesService } from '../../electron/services/pipelines-service';
import { producerHandlers } from '../../electron/services/producer-service';
import { createConnectionResolver } from '../../electron/services/profiles-resolve';
import { ensureSandboxProfiles } from '../../electron/services/profiles-service';
import { createProfileStore, type ProfileStore } from '../../electron/services/profiles-store';
import type { Handlers } from '../../electron/rpc/types';
import type { ProducerCommands } from '../../shared/contract-producer';
import type { PipelineSpec } from '../../shared/domain';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import { makeTestContext, type TestContext } from '../unit/services/support/context';
import { FAST_GROUP } from './support/config';
import { KAFKA_BROKERS, MILVUS_ADDRESS } from './support/env';

export interface ProducerRig {
  ctx: TestContext;
  producer: Pick<Handlers, keyof ProducerCommands>;
  pipelines: PipelinesService;
  kafkaProfileId: string;
  milvusProfileId: string;
  store: ProfileStore;
}

export async function producerRig(): Promise<ProducerRig> {
  const ctx = makeTestContext();
  const store = createProfileStore(ctx);
  await ensureSandboxProfiles(store, { brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' }, { address: MILVUS_ADDRESS });
  const resolver = createConnectionResolver(store);
  const pipelines = createPipelinesService(ctx, {
    resolveKafka: (id) => resolver.kafkaProfile(id),
    resolveMilvus: (id) => resolver.milvusProfile(id),
    createRunner: (cfg, o) => createPipeline(cfg, { ...o, consumer: FAST_GROUP, lagIntervalMs: 500 }),
    tickMs: 250,
  });
  const producer = producerHandlers(ctx, { resolver, pipelines });
  const profiles = await store.list();
  const kafkaProfileId = profiles.find((p) => p.kind === 'kafka')?.id ?? '';
  const milvusProfileId = profiles.find((p) => p.kind === 'milvus')?.id ?? '';
  return { ctx, producer, pipelines, kafkaProfileId, milvusProfileId, store };
}

export function pipelineSpec(rig: ProducerRig, name: string, topic: string, collection: string, over: Partial<PipelineSpec> = {}): PipelineSpec {
  return {
    ...PIPELINE_DEFAULTS,
    mapping: [],
    ignore: [],
    id: name,
    name,
    topics: { names: [topic] },
    groupId: `g_${name}`,
    startPosition: { kind: 'committed', fallback: 'earliest' },
    collection,
    retry: { maxAttempts: 0, initialBackoffMs: 200, maxBackoffMs: 2_000 },
    deadLetterTopic: `${topic}.dlq`,
    kafkaProfileId: rig.kafkaProfileId,
    milvusProfileId: rig.milvusProfileId,
    ...over,
  } as PipelineSpec;
}
