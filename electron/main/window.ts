// The main window and the rules every web contents in the app follows: sandboxed, isolated, no Node,
// no navigation away from the renderer, no popups (allowlisted links go to the OS browser), no
// <webview>.
import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import type { AppPaths } from './app-paths';
import { MIN_SIZE, type Rect, type WindowState } from './window-state';

export interface NavigationPolicy {
  /** True only for our renderer page; everything else is blocked. */
  isAllowedUrl(url: string): boolean;
  /** Called for window.open / target=_blank; must itself refuse non-allowlisted URLs. */
  openExternal(url: string): void;
}

export interface MainWindowDeps {
  paths: AppPaths;
  policy: NavigationPolicy;
  bounds: Rect;
  maximized: boolean;
  title: string;
  /** Called on close with the restored (non-maximized) bounds, to be saved for next time. */
  persist?: (state: WindowState) => void;
  onLoadError?: (err: unknown) => void;
}

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

const hardened = new WeakSet<WebContents>();

/** Idempotent: the main window applies it, and app 'web-contents-created' applies it to anything else. */
export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!policy.isAllowedUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    policy.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow({
    ...deps.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: deps.title,
    show: false, // shown on ready-to-show, so there is no white flash
    webPreferences: secureWebPreferences(deps.paths.preload),
  });
  hardenWebContents(win.webContents, deps.policy);

  let shown = false;
  const show = (): void => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    if (deps.maximized) win.maximize();
    win.show();
  };
  win.once('ready-to-show', show);
  win.on('close', () => {
    deps.persist?.({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });

  const target = deps.paths.renderer;
  const loading = target.kind === 'file' ? win.loadFile(target.file) : win.loadURL(target.url);
  loading.catch((err: unknown) => {
    show(); // a window that never appears is worse than one that says what went wrong
    deps.onLoadError?.(err);
  });
  return win;
}
