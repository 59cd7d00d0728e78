// Producer commands of the main side (see shared/contract-producer.ts).
import type { Handlers, ServiceContext } from '../rpc/types';
import type { PipelinesService } from './pipelines-service';
import type { ConnectionResolver } from './profiles-resolve';
import type { ProducerCommands } from '../../shared/contract-producer';

export interface ProducerDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

export function producerHandlers(_ctx: ServiceContext, _deps: ProducerDeps): Pick<Handlers, keyof ProducerCommands> {
  return {};
}
