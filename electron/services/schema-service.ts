// Schema commands of the main side (see shared/contract-schema.ts). Inference and matching are pure
// (shared/schema) and run in the renderer on the sampled messages, so mapping edits are instant;
// this service only reads samples and creates collections. Describing a collection is
// 'milvus.describeCollection', creating a topic 'kafka.createTopic'.
import type { SchemaCommands } from '../../shared/contract-schema';
import type { Handlers, ServiceContext } from '../rpc/types';
import type { PipelinesService } from './pipelines-service';
import type { ConnectionResolver } from './profiles-resolve';
import { createCollection } from './schema-collection';
import { sampleTopic } from './schema-sample';

export interface SchemaDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

export function schemaHandlers(_ctx: ServiceContext, deps: SchemaDeps): Pick<Handlers, keyof SchemaCommands> {
  return {
    'schema.sample': async (target, request) => sampleTopic(await deps.resolver.resolveKafka(target), request),
    'schema.createCollection': async (target, collection) => createCollection(await deps.resolver.resolveMilvus(target), collection),
  };
}
