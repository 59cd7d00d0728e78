// All stores of the app, built from one Transport (a fake one in tests).
import type { Transport } from '../../../shared/contract';
import { createAppStore, type AppStore } from './app-store';
import { createConnectionsStore, type ConnectionsStore } from './connections-store';
import { createMonitorStore, type MonitorStore } from './monitor-store';
import { createPipelinesStore, type PipelinesStore } from './pipelines-store';
import { createProducerStore, type ProducerStore } from './producer-store';
import { createRouterStore, type HashHost, type RouterStore } from './router-store';
import { createSandboxStore, type SandboxStore } from './sandbox-store';
import { createSchemaStore, type SchemaStore } from './schema-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createToastStore, type ToastStore } from './toast-store';
import { createWizardStore, type WizardStore } from './wizard-store';

export interface Stores {
  app: AppStore;
  settings: SettingsStore;
  connections: ConnectionsStore;
  sandbox: SandboxStore;
  pipelines: PipelinesStore;
  router: RouterStore;
  toasts: ToastStore;
  wizard: WizardStore;
  schema: SchemaStore;
  producer: ProducerStore;
  monitor: MonitorStore;
}

export function createStores(transport: Transport, hash: HashHost): Stores {
  return {
    app: createAppStore(transport),
    settings: createSettingsStore(transport),
    connections: createConnectionsStore(transport),
    sandbox: createSandboxStore(transport),
    pipelines: createPipelinesStore(transport),
    router: createRouterStore(hash),
    toasts: createToastStore(),
    wizard: createWizardStore(),
    schema: createSchemaStore(transport),
    producer: createProducerStore(transport),
    monitor: createMonitorStore(transport),
  };
}

/**
 * First data: app.info, settings and profiles. Resolves true when app.info and settings loaded.
 * With no saved profile and no route asked for, the connection wizard opens.
 */
export async function loadInitialData(stores: Stores): Promise<boolean> {
  await Promise.all([
    stores.app.getState().load(),
    stores.settings.getState().load(),
    stores.connections.getState().load(),
    stores.pipelines.getState().load(),
  ]);
  const { connections, router } = stores;
  if (connections.getState().loaded && connections.getState().profiles.length === 0 && router.getState().initialEmpty) {
    router.getState().navigate({ page: 'connections', view: 'wizard' });
  }
  const ok = stores.app.getState().info !== null && stores.settings.getState().loaded;
  stores.app.setState({ ready: ok ? 'ready' : 'failed' });
  return ok;
}
