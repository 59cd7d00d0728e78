// Monitor commands of the main side (see shared/contract-monitor.ts).
import type { Handlers, ServiceContext } from '../rpc/types';
import type { PipelinesService } from './pipelines-service';
import type { ConnectionResolver } from './profiles-resolve';
import type { MonitorCommands } from '../../shared/contract-monitor';

export interface MonitorDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

export function monitorHandlers(_ctx: ServiceContext, _deps: MonitorDeps): Pick<Handlers, keyof MonitorCommands> {
  return {};
}
