import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../../shared/contract';
import { resolveAppPaths } from '../../../electron/main/app-paths';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/main/bridge-names';
import { bindIpc, createFrameGuard, forwardEvents, REFUSED, rendererContents } from '../../../electron/main/ipc-binding';
import { createEventBus } from '../../../electron/rpc/event-bus';
import type { EventBus } from '../../../electron/rpc/types';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron';

const target = resolveAppPaths('/opt/studio', {}, true).renderer;
const ours = 'file:///opt/studio/dist/renderer/index.html';

function setup() {
  const win = new FakeBrowserWindow({});
  win.webContents.mainFrame = new FakeFrame(`${ours}#/pipelines`, 7, 3);
  const ipc = new FakeIpcMain();
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'pong' }));
  bindIpc(ipc as never, dispatch, createFrameGuard(() => win as never, target));
  const invoke = (senderFrame: FakeFrame | null, sender: FakeWebContents = win.webContents, cmd: unknown = 'app.info', args: unknown = []) =>
    ipc.handlers.get(INVOKE_CHANNEL)!({ senderFrame, sender }, cmd, args);
  return { win, ipc, dispatch, invoke };
}

describe('IPC binding', () => {
  it('registers one invoke channel and can remove it', () => {
    const ipc = new FakeIpcMain();
    const off = bindIpc(ipc as never, vi.fn(), () => true);
    expect([...ipc.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    off();
    expect(ipc.handlers.size).toBe(0);
  });

  it('forwards a message from the main frame of the main window to dispatch', async () => {
    const { win, dispatch, invoke } = setup();
    await expect(invoke(win.webContents.mainFrame, win.webContents, 'pipeline.start', ['p1'])).resolves.toEqual({ ok: true, value: 'pong' });
    expect(dispatch).toHaveBeenCalledWith('pipeline.start', ['p1']);
  });

  it('refuses an iframe, another window, a null frame or a foreign page without calling dispatch', async () => {
    const { win, dispatch, invoke } = setup();
    const iframe = new FakeFrame(ours, 7, 9);
    iframe.parent = win.webContents.mainFrame;
    const sameIdsButChild = new FakeFrame(ours, 7, 3);
    sameIdsButChild.parent = iframe;
    const other = new FakeWebContents(ours);
    const cases: Array<[FakeFrame | null, FakeWebContents]> = [
      [iframe, win.webContents],
      [sameIdsButChild, win.webContents],
      [null, win.webContents],
      [other.mainFrame, other],
      [new FakeFrame(ours, 8, 3), win.webContents],
    ];
    for (const [frame, sender] of cases) await expect(invoke(frame, sender)).resolves.toEqual(REFUSED);
    win.webContents.mainFrame.url = 'https://evil.example/';
    await expect(invoke(win.webContents.mainFrame)).resolves.toEqual(REFUSED);
    expect(dispatch).not.toHaveBeenCalled();
    expect(REFUSED).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'refused: unexpected sender' } });
  });

  it('refuses when the window is gone or the check throws', async () => {
    const ipc = new FakeIpcMain();
    const dispatch = vi.fn();
    bindIpc(ipc as never, dispatch, createFrameGuard(() => null, target));
    const frame = new FakeFrame(ours);
    await expect(ipc.handlers.get(INVOKE_CHANNEL)!({ senderFrame: frame, sender: {} }, 'app.info', [])).resolves.toEqual(REFUSED);
    const ipc2 = new FakeIpcMain();
    bindIpc(ipc2 as never, dispatch, () => {
      throw new Error('frame destroyed');
    });
    await expect(ipc2.handlers.get(INVOKE_CHANNEL)!({ senderFrame: frame, sender: {} }, 'app.info', [])).resolves.toEqual(REFUSED);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns an unexpected dispatch throw into a typed error', async () => {
    const ipc = new FakeIpcMain();
    bindIpc(ipc as never, () => Promise.reject(new Error('boom')), () => true);
    const result = (await ipc.handlers.get(INVOKE_CHANNEL)!({ senderFrame: null, sender: {} }, 'app.info', [])) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('event forwarding', () => {
  it('sends contract events to the window as (name, payload) and stops on unsubscribe', () => {
    const bus = createEventBus();
    const wc = new FakeWebContents(ours);
    const off = forwardEvents(bus, () => wc as never);
    bus.emit('log.entry', { ts: 1 } as never);
    expect(wc.sent).toEqual([[EVENT_CHANNEL, 'log.entry', { ts: 1 }]]);
    off();
    bus.emit('log.entry', { ts: 2 } as never);
    expect(wc.sent).toHaveLength(1);
  });

  it('never forwards names outside the contract', () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const bus = { on: (name: string, l: (p: unknown) => void) => (listeners.set(name, l), () => undefined), emit: () => undefined } as unknown as EventBus;
    const wc = new FakeWebContents(ours);
    forwardEvents(bus, () => wc as never);
    expect([...listeners.keys()].sort()).toEqual([...EVENT_NAMES].sort());
    expect(wc.sent).toEqual([]);
  });

  it('does not send to destroyed contents or to a page that is not ours', () => {
    const bus = createEventBus();
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame.url = 'https://evil.example/';
    forwardEvents(bus, rendererContents(() => win as never, target));
    bus.emit('metrics.tick', []);
    win.webContents.mainFrame.url = ours;
    win.webContents.destroyed = true;
    bus.emit('metrics.tick', []);
    expect(win.webContents.sent).toEqual([]);
    win.webContents.destroyed = false;
    bus.emit('metrics.tick', []);
    expect(win.webContents.sent).toEqual([[EVENT_CHANNEL, 'metrics.tick', []]]);
  });
});
