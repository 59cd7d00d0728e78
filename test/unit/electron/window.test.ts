import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppPaths } from '../../../electron/main/app-paths';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';
import { createMainWindow, hardenWebContents, secureWebPreferences, type NavigationPolicy } from '../../../electron/main/window';
import { FakeBrowserWindow, FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const paths = resolveAppPaths('/opt/studio', {}, true);
const rendererUrl = 'file:///opt/studio/dist/renderer/index.html';

function policy(): NavigationPolicy & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    isAllowedUrl: (url) => url.split('#')[0] === rendererUrl,
    openExternal: (url) => {
      if (isAllowedExternalUrl(url)) opened.push(url);
    },
  };
}

function open(p = policy(), extra: Partial<Parameters<typeof createMainWindow>[0]> = {}) {
  const win = createMainWindow({ paths, policy: p, bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false, title: 'Studio', ...extra });
  return win as unknown as FakeBrowserWindow;
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('main window', () => {
  it('uses isolated, sandboxed web preferences with the bundled preload', () => {
    const prefs = open().options.webPreferences;
    expect(prefs).toEqual(secureWebPreferences('/opt/studio/dist/electron/preload.cjs'));
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: '/opt/studio/dist/electron/preload.cjs',
    });
  });

  it('loads the built renderer from file:// and shows it when ready', async () => {
    const win = open(policy(), { maximized: true });
    expect(win.loaded).toEqual({ file: '/opt/studio/dist/renderer/index.html' });
    expect(win.options).toMatchObject({ show: false, x: 10, y: 20, width: 1200, height: 800, title: 'Studio' });
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.maximized).toBe(true);
  });

  it('loads a dev server URL when one is configured', () => {
    const dev = resolveAppPaths('/opt/studio', { STUDIO_DEV_SERVER_URL: 'http://localhost:5173' }, false);
    const win = createMainWindow({ paths: dev, policy: policy(), bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false, title: 'S' });
    expect((win as unknown as FakeBrowserWindow).loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('shows the window and reports when the renderer cannot be loaded', async () => {
    const onLoadError = vi.fn();
    const failing = Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    failing.catch(() => undefined);
    vi.spyOn(FakeBrowserWindow.prototype, 'loadFile').mockReturnValueOnce(failing);
    const win = open(policy(), { onLoadError });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalled());
    expect(win.shown).toBe(true);
  });

  it('saves normal bounds and maximized state on close', () => {
    const persist = vi.fn();
    const win = open(policy(), { persist });
    win.maximized = true;
    win.emit('close');
    expect(persist).toHaveBeenCalledWith({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
  });
});

describe('web contents hardening', () => {
  it('prevents navigation to any other URL, allows our own page', () => {
    const wc = open().webContents;
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(wc.navigate('will-navigate', `${rendererUrl}#/pipelines`)).toBe(false);
  });

  it('denies window.open and only hands allowlisted https links to the OS browser', () => {
    const p = policy();
    const wc = open(p).webContents;
    const handler = wc.windowOpenHandler!;
    expect(handler({ url: 'https://milvus.io/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://milvus.io/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(p.opened).toEqual(['https://milvus.io/docs']);
  });

  it('blocks <webview> attachment and hardens each contents once', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as never, policy());
    hardenWebContents(wc as never, policy());
    expect(wc.listenerCount('will-navigate')).toBe(1);
    const preventDefault = vi.fn();
    wc.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});
