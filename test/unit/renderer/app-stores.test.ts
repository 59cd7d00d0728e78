import { describe, expect, it } from 'vitest';
import type { ProfileView, SandboxStatus } from '../../../shared/domain';
import { createAppStore } from '../../../renderer/src/stores/app-store';
import { createPipelinesStore } from '../../../renderer/src/stores/pipelines-store';
import { createSandboxStore, sandboxReady } from '../../../renderer/src/stores/sandbox-store';
import { createSettingsStore } from '../../../renderer/src/stores/settings-store';
import { createStores, loadInitialData } from '../../../renderer/src/stores/stores';
import type { HashHost } from '../../../renderer/src/stores/router-store';
import { fail, fakeTransport, ok } from './fake-transport';

const info = { name: 'Studio', version: '0.1.0', host: 'browser' as const, platform: 'linux', secretStorage: 'file-0600' as const, dataDir: '/d' };
const sandbox: SandboxStatus = {
  kafka: 'down',
  milvus: 'down',
  kafkaConnection: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' },
  milvusConnection: { address: '127.0.0.1:19530' },
};

function memoryHash(initial = ''): HashHost & { value: string } {
  const listeners = new Set<() => void>();
  const host = {
    value: initial,
    get: () => host.value,
    set: (h: string) => {
      host.value = h;
      for (const l of listeners) l();
    },
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
  };
  return host;
}

describe('settings store', () => {
  it('applies a change at once and keeps what the host saved', async () => {
    const t = fakeTransport({ 'settings.get': () => ok({ theme: 'light', locale: 'en' }), 'settings.set': (p) => ok({ theme: 'light', locale: 'en', ...p }) });
    const s = createSettingsStore(t);
    await s.getState().load();
    const saving = s.getState().update({ locale: 'es' });
    expect(s.getState().settings.locale).toBe('es');
    await saving;
    expect(s.getState().settings).toEqual({ theme: 'light', locale: 'es' });
    expect(t.calls.at(-1)).toEqual({ cmd: 'settings.set', args: [{ locale: 'es' }] });
  });

  it('reverts and reports when the host refuses', async () => {
    const t = fakeTransport({ 'settings.set': () => fail('internal', 'read-only disk') });
    const s = createSettingsStore(t);
    await s.getState().update({ theme: 'dark' });
    expect(s.getState().settings.theme).toBe('system');
    expect(s.getState().error?.message).toBe('read-only disk');
  });
});

describe('app store', () => {
  it('tracks the bridge state and remembers having been connected', () => {
    const t = fakeTransport();
    const s = createAppStore(t);
    expect(s.getState()).toMatchObject({ bridge: 'connecting', everConnected: false });
    t.setConnection('open');
    t.setConnection('closed');
    expect(s.getState()).toMatchObject({ bridge: 'closed', everConnected: true });
  });
});

describe('sandbox store', () => {
  it('follows progress events and returns the final status', async () => {
    const t = fakeTransport({ 'sandbox.start': () => ok({ ...sandbox, kafka: 'up', milvus: 'up' }) });
    const s = createSandboxStore(t);
    t.emit('sandbox.progress', { ...sandbox, kafka: 'installing', message: 'downloading' });
    expect(s.getState().status).toMatchObject({ kafka: 'installing', message: 'downloading' });
    const final = await s.getState().start();
    expect(sandboxReady(final)).toBe(true);
    expect(s.getState().starting).toBe(false);
  });

  it('keeps the error when the sandbox cannot start', async () => {
    const t = fakeTransport({ 'sandbox.start': () => fail('sandbox_failed', 'port 9092 in use') });
    const s = createSandboxStore(t);
    expect(await s.getState().start()).toBeNull();
    expect(s.getState().error?.code).toBe('sandbox_failed');
  });
});

describe('pipelines store', () => {
  it('updates a pipeline from pipeline.state events', async () => {
    const status = { id: 'p1', name: 'p', state: 'running' as const, since: 1, topics: ['t'], collection: 'c', counters: { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 } };
    const spec = { id: 'p1' } as never;
    const t = fakeTransport({ 'pipeline.list': () => ok([{ spec, status }]) });
    const s = createPipelinesStore(t);
    await s.getState().load();
    t.emit('pipeline.state', { ...status, state: 'retrying', cause: 'Milvus unavailable' });
    expect(s.getState().pipelines[0]?.status).toMatchObject({ state: 'retrying', cause: 'Milvus unavailable' });
  });

  it('records changes of state for screen readers, not pipelines that appear', async () => {
    const counters = { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 };
    const status = { id: 'p1', name: 'p', state: 'idle' as const, since: 1, topics: ['t'], collection: 'c', counters };
    const spec = { id: 'p1', name: 'Orders' } as never;
    const t = fakeTransport({
      'pipeline.list': () => ok([{ spec, status }]),
      'pipeline.start': () => ok({ spec, status: { ...status, state: 'running' as const } }),
    });
    const s = createPipelinesStore(t);
    await s.getState().load();
    expect(s.getState().announced).toEqual({ seq: 0, changes: [] });
    await s.getState().act('p1', 'start');
    expect(s.getState().announced).toEqual({ seq: 1, changes: [{ id: 'p1', name: 'Orders', state: 'running' }] });
    t.emit('pipeline.state', { ...status, state: 'running' });
    expect(s.getState().announced.seq).toBe(1);
    t.emit('pipeline.state', { ...status, state: 'retrying', cause: 'Milvus unavailable' });
    expect(s.getState().announced).toEqual({ seq: 2, changes: [{ id: 'p1', name: 'Orders', state: 'retrying', cause: 'Milvus unavailable' }] });
  });
});

describe('first load', () => {
  const base = {
    'app.info': () => ok(info),
    'settings.get': () => ok({ theme: 'system' as const, locale: 'auto' as const }),
    'pipeline.list': () => ok([]),
  };

  it('opens the wizard on first run and marks the app ready', async () => {
    const hash = memoryHash('');
    const stores = createStores(fakeTransport({ ...base, 'profiles.list': () => ok([]) }), hash);
    expect(await loadInitialData(stores)).toBe(true);
    expect(hash.value).toBe('#/connections/new');
    expect(stores.router.getState().route).toEqual({ page: 'connections', view: 'wizard' });
    expect(stores.app.getState().ready).toBe('ready');
  });

  it('stays on the asked-for page when profiles exist or a route was given', async () => {
    const profile = { id: 'a', name: 'a', kind: 'milvus', updatedAt: 0, milvus: { address: 'x' } } as ProfileView;
    const withProfiles = memoryHash('');
    await loadInitialData(createStores(fakeTransport({ ...base, 'profiles.list': () => ok([profile]) }), withProfiles));
    expect(withProfiles.value).toBe('');
    const deepLink = memoryHash('#/settings');
    await loadInitialData(createStores(fakeTransport({ ...base, 'profiles.list': () => ok([]) }), deepLink));
    expect(deepLink.value).toBe('#/settings');
  });

  it('is not ready when app.info fails', async () => {
    const stores = createStores(fakeTransport({ ...base, 'app.info': () => fail('internal'), 'profiles.list': () => ok([]) }), memoryHash());
    expect(await loadInitialData(stores)).toBe(false);
    expect(stores.app.getState()).toMatchObject({ ready: 'failed', error: { code: 'internal' } });
  });
});
