import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, EVENT_NAMES } from '../../../shared/contract';
import { BRIDGE_COMMANDS, BRIDGE_EVENTS, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/main/bridge-names';
import type { StudioBridge } from '../../../electron/main/preload-bridge';
import type { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

type Fake = ReturnType<typeof fakeElectron>;
let electron: Fake;
let bridge: StudioBridge;

beforeEach(async () => {
  vi.resetModules();
  electron = (await import('electron')) as unknown as Fake;
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.removeAllListeners();
  await import('../../../electron/main/preload');
  const calls = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as Array<[string, StudioBridge]>;
  expect(calls).toHaveLength(1);
  bridge = calls[0]![1];
});

describe('preload bridge', () => {
  it('exposes only window.bridge with invoke and on', () => {
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, object];
    expect(name).toBe('bridge');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('sends allowlisted commands on the invoke channel', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    await expect(bridge.invoke('pipeline.start', ['p1'])).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'pipeline.start', ['p1']);
  });

  it('refuses unknown commands and non-array arguments without touching IPC', async () => {
    await expect(bridge.invoke('fs.readFile', [])).resolves.toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    await expect(bridge.invoke('__proto__', [])).resolves.toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    await expect(bridge.invoke('app.info', 'x' as never)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('returns IPC failures as data, never throws', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned'));
    await expect(bridge.invoke('app.info', [])).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes only the payload to listeners, filtered by event name', () => {
    const cb = vi.fn();
    const off = bridge.on('metrics.tick', cb);
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'metrics.tick', [{ rate: 5 }]);
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'log.entry', { msg: 'x' });
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'not.an.event', { msg: 'x' });
    expect(cb.mock.calls).toEqual([[[{ rate: 5 }]]]);
    off();
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'metrics.tick', []);
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('uses one IPC listener however many subscriptions, and isolates a throwing listener', () => {
    const good = vi.fn();
    bridge.on('log.entry', () => {
      throw new Error('bad subscriber');
    });
    bridge.on('log.entry', good);
    bridge.on('pipeline.state', vi.fn());
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    electron.ipcRenderer.emit(EVENT_CHANNEL, {}, 'log.entry', 'p');
    expect(good).toHaveBeenCalledWith('p');
    err.mockRestore();
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on('ipc.raw', vi.fn())).toThrow(/unknown event/);
    expect(() => bridge.on('log.entry', 'x' as never)).toThrow(/function/);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});

describe('bridge allowlists', () => {
  it('match the contract exactly', () => {
    expect([...BRIDGE_COMMANDS].sort()).toEqual([...COMMAND_NAMES].sort());
    expect([...BRIDGE_EVENTS].sort()).toEqual([...EVENT_NAMES].sort());
  });
});
