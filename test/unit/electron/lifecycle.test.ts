import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/contract';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../../../electron/main/bridge-names';
import { startApp, USER_DATA_ENV } from '../../../electron/main/lifecycle';
import { REFUSED } from '../../../electron/main/ipc-binding';
import type { MainSide } from '../../../electron/rpc/app-handlers';
import type { Handlers, ServiceContext } from '../../../electron/rpc/types';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, type fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

type Fake = ReturnType<typeof fakeElectron>;
let electron: Fake;

function handlers(): Handlers {
  const h = Object.fromEntries(COMMAND_NAMES.map((name) => [name, vi.fn(() => `${name} ran`)]));
  return h as unknown as Handlers;
}

function mainSide(commands: Handlers = handlers(), shutdown: () => Promise<void> = async () => undefined): MainSide {
  return { commands, shutdown };
}

beforeEach(async () => {
  electron = (await import('electron')) as unknown as Fake;
  electron.app.removeAllListeners();
  electron.app.requestSingleInstanceLock.mockReturnValue(true);
  electron.ipcMain.handlers.clear();
  FakeBrowserWindow.instances = [];
  vi.clearAllMocks();
  delete process.env[USER_DATA_ENV];
});

describe('app lifecycle', () => {
  it('quits when another instance holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    const build = vi.fn(() => mainSide());
    expect(startApp({ buildHandlers: build })).toBeNull();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(build).not.toHaveBeenCalled();
  });

  it('wires context, dispatch, IPC, session, menu and the window on ready', async () => {
    let ctx: ServiceContext | undefined;
    const h = handlers();
    const started = await startApp({ buildHandlers: (c) => ((ctx = c), mainSide(h)) })!;
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(ctx).toMatchObject({ host: 'desktop', dataDir: '/tmp/studio-user-data', appRoot: '/opt/studio', version: '9.9.9' });
    expect(ctx!.secrets.kind).toBe('os-keychain');
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    const win = FakeBrowserWindow.instances[0]!;
    expect(started.mainWindow()).toBe(win);
    expect(win.loaded.file).toBe('/opt/studio/dist/renderer/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });

    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    await expect(invoke({ senderFrame: win.webContents.mainFrame, sender: win.webContents }, 'app.info', [])).resolves.toEqual({ ok: true, value: 'app.info ran' });
    const stranger = new FakeWebContents('file:///opt/studio/dist/renderer/index.html');
    await expect(invoke({ senderFrame: stranger.mainFrame, sender: stranger }, 'app.info', [])).resolves.toEqual(REFUSED);
    expect(h['app.info']).toHaveBeenCalledTimes(1);

    ctx!.events.emit('sandbox.progress', { state: 'starting' } as never);
    expect(win.webContents.sent).toEqual([[EVENT_CHANNEL, 'sandbox.progress', { state: 'starting' }]]);
  });

  it('opens only allowlisted links for app.openExternal', async () => {
    const h = handlers();
    await startApp({ buildHandlers: () => mainSide(h) })!;
    const win = FakeBrowserWindow.instances[0]!;
    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const from = { senderFrame: win.webContents.mainFrame, sender: win.webContents };
    await expect(invoke(from, 'app.openExternal', ['https://milvus.io/docs'])).resolves.toEqual({ ok: true, value: undefined });
    await expect(invoke(from, 'app.openExternal', ['https://evil.example/'])).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://milvus.io/docs']]);
    expect(h['app.openExternal']).not.toHaveBeenCalled();
  });

  it('hardens web contents it did not create and quits when all windows close (not macOS)', async () => {
    await startApp({ buildHandlers: () => mainSide() })!;
    const other = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, other);
    expect(other.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('reopens a window on activate after the last one closed, and honors a scratch userData in dev', async () => {
    process.env[USER_DATA_ENV] = '/tmp/scratch-user-data';
    await startApp({ buildHandlers: () => mainSide() })!;
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/scratch-user-data');
    FakeBrowserWindow.instances[0]!.emit('closed');
    electron.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('holds the quit until shutdown finishes, then quits once', async () => {
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    await startApp({ buildHandlers: () => mainSide(handlers(), shutdown) })!;
    const quit = (): boolean => {
      let prevented = false;
      electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(quit()).toBe(true);
    expect(quit()).toBe(true); // a second Cmd+Q while stopping does not start another shutdown
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(quit()).toBe(false);
  });

  it('refuses IPC from a frame that is not the main frame', async () => {
    await startApp({ buildHandlers: () => mainSide() })!;
    const win = FakeBrowserWindow.instances[0]!;
    const child = new FakeFrame(win.webContents.mainFrame.url, 1, 2);
    child.parent = win.webContents.mainFrame;
    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    await expect(invoke({ senderFrame: child, sender: win.webContents }, 'app.info', [])).resolves.toEqual(REFUSED);
  });
});
