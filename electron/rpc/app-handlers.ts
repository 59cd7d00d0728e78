// The composition root of the main side: every domain's handlers, wired to one context. Both hosts
// (Electron and the headless server) build the main side here, so they can never differ.
import { createPipeline } from '../engine';
import { appHandlers } from '../services/app-service';
import { kafkaHandlers } from '../services/kafka-service';
import { milvusHandlers } from '../services/milvus-service';
import { monitorHandlers } from '../services/monitor-service';
import { createPipelinesService } from '../services/pipelines-service';
import { producerHandlers } from '../services/producer-service';
import { createConnectionResolver } from '../services/profiles-resolve';
import { profilesHandlers } from '../services/profiles-service';
import { createProfileStore } from '../services/profiles-store';
import { sandboxHandlers } from '../services/sandbox-service';
import { schemaHandlers } from '../services/schema-service';
import { settingsHandlers } from '../services/settings-service';
import type { Handlers, ServiceContext } from './types';

export interface MainSide {
  commands: Handlers;
  /** Stops running pipelines gracefully (finish in-flight batches, commit, disconnect). */
  shutdown(): Promise<void>;
}

export function buildHandlers(ctx: ServiceContext): MainSide {
  const store = createProfileStore(ctx);
  const resolver = createConnectionResolver(store);
  const pipelines = createPipelinesService(ctx, {
    resolveKafka: (id) => resolver.kafkaProfile(id),
    resolveMilvus: (id) => resolver.milvusProfile(id),
    createRunner: createPipeline,
  });
  const commands: Handlers = {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...sandboxHandlers(ctx),
    ...profilesHandlers(ctx, store),
    ...kafkaHandlers(ctx, resolver),
    ...milvusHandlers(ctx, resolver),
    ...pipelines.handlers,
    ...schemaHandlers(ctx, { resolver, pipelines }),
    ...producerHandlers(ctx, { resolver, pipelines }),
    ...monitorHandlers(ctx, { resolver, pipelines }),
  };
  return { commands, shutdown: () => pipelines.shutdown() };
}
