// A ServiceContext over a fresh temporary data folder, with the real file cipher and a recording
// event bus; shared by the services' unit and integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, Events } from '../../../../shared/contract';
import { createEventBus } from '../../../../electron/rpc/event-bus';
import type { ServiceContext } from '../../../../electron/rpc/types';
import { createFileSecretCipher } from '../../../../electron/services/file-secret-cipher';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface TestContext extends ServiceContext {
  emitted: { event: EventName; payload: Events[EventName] }[];
  cleanup(): void;
}

export function makeTestContext(overrides: Partial<ServiceContext> = {}): TestContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-services-'));
  const events = createEventBus();
  const emitted: TestContext['emitted'] = [];
  const recording: ServiceContext['events'] = {
    emit(event, payload) {
      emitted.push({ event, payload });
      events.emit(event, payload);
    },
    on: (event, listener) => events.on(event, listener),
  };
  return {
    host: 'browser',
    dataDir,
    appRoot: REPO_ROOT,
    version: '0.0.0-test',
    events: recording,
    secrets: createFileSecretCipher(dataDir),
    ...overrides,
    emitted,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
