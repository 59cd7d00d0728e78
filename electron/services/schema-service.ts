// Schema commands of the main side (see shared/contract-schema.ts).
import type { Handlers, ServiceContext } from '../rpc/types';
import type { PipelinesService } from './pipelines-service';
import type { ConnectionResolver } from './profiles-resolve';
import type { SchemaCommands } from '../../shared/contract-schema';

export interface SchemaDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

export function schemaHandlers(_ctx: ServiceContext, _deps: SchemaDeps): Pick<Handlers, keyof SchemaCommands> {
  return {};
}
