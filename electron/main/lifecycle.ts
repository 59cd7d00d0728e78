// App lifecycle for the desktop host: one instance, hardened sessions and web contents, the shared
// dispatch behind the IPC binding, and the main window. Handlers come in as a factory so this file
// (and its test) does not depend on the services.
import { app, dialog, ipcMain, Menu, safeStorage, screen, session, shell, type BrowserWindow } from 'electron';
import { AppFailure } from '../../shared/errors';
import { createDispatch } from '../rpc/dispatch';
import { createEventBus } from '../rpc/event-bus';
import type { MainSide } from '../rpc/app-handlers';
import type { Handlers, ServiceContext } from '../rpc/types';
import { isRendererUrl, resolveAppPaths } from './app-paths';
import { cspFor } from './csp';
import { EXTERNAL_HOSTS, openExternalSafe } from './external-links';
import { bindIpc, createFrameGuard, forwardEvents, rendererContents } from './ipc-binding';
import { buildMenuTemplate } from './menu';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { hardenSession } from './session-policy';
import { createMainWindow, hardenWebContents, type NavigationPolicy } from './window';
import { clampToDisplays, loadWindowState, saveWindowState, windowStateFile } from './window-state';

export const APP_ID = 'io.kafkamilvus.studio';
export const PRODUCT_NAME = 'Kafka-Milvus Studio';
/** Tests and parallel dev runs point this at a scratch folder; ignored when packaged. */
export const USER_DATA_ENV = 'STUDIO_USER_DATA_DIR';

export interface StartOptions {
  /** The shared composition root; its shutdown stops pipelines cleanly before the app exits. */
  buildHandlers: (ctx: ServiceContext) => MainSide;
}

/** A stuck broker must not keep the app from quitting. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface StartedApp {
  ctx: ServiceContext;
  mainWindow: () => BrowserWindow | null;
}

/** Returns null when another instance already runs (that one gets focused instead); rejects if startup fails. */
export function startApp({ buildHandlers }: StartOptions): Promise<StartedApp> | null {
  const userData = process.env[USER_DATA_ENV];
  if (!app.isPackaged && userData) app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox(); // every renderer, including any we did not create ourselves
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const paths = resolveAppPaths(app.getAppPath(), process.env, app.isPackaged);
  const isOurPage = (url: string): boolean => isRendererUrl(paths.renderer, url);
  const openLink = (url: unknown): Promise<boolean> => openExternalSafe((u) => shell.openExternal(u), url);
  const policy: NavigationPolicy = {
    isAllowedUrl: isOurPage,
    openExternal: (url) => void openLink(url).catch(() => undefined),
  };
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let mainSide: MainSide | undefined;
  quitAfter(() => mainSide?.shutdown() ?? Promise.resolve());

  return app.whenReady().then(() => {
    const ctx: ServiceContext = {
      host: 'desktop',
      dataDir: app.getPath('userData'),
      // packaged: scripts/stack.sh ships as an extraResource next to app.asar (bash cannot run it from inside the asar)
      appRoot: app.isPackaged ? process.resourcesPath : app.getAppPath(),
      version: app.getVersion(),
      events: createEventBus(),
      secrets: createSafeStorageCipher(safeStorage),
    };
    mainSide = buildHandlers(ctx);
    const handlers: Handlers = {
      ...mainSide.commands,
      // only the desktop host can open the OS browser; the allowlist decides what may be opened
      'app.openExternal': async (url) => {
        if (!(await openLink(url))) {
          throw new AppFailure('validation', `not opening ${url}: only https links to ${EXTERNAL_HOSTS.join(', ')} are allowed`);
        }
      },
    };
    const dispatch = createDispatch(handlers, (cmd, err) => console.error(`[studio] ${cmd} failed:`, err));

    hardenSession(session.defaultSession, cspFor(paths.renderer), isOurPage);
    bindIpc(ipcMain, dispatch, createFrameGuard(() => mainWindow, paths.renderer));
    forwardEvents(ctx.events, rendererContents(() => mainWindow, paths.renderer));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ appName: PRODUCT_NAME, isPackaged: app.isPackaged, platform: process.platform, locale: app.getLocale(), openExternal: policy.openExternal }),
      ),
    );

    const stateFile = windowStateFile(ctx.dataDir);
    const openWindow = (): void => {
      const saved = loadWindowState(stateFile);
      const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
      const win = createMainWindow({
        paths,
        policy,
        bounds: clampToDisplays(saved?.bounds ?? null, displays),
        maximized: saved?.maximized ?? false,
        title: PRODUCT_NAME,
        persist: (state) => saveWindowState(stateFile, state),
        onLoadError: (err) => dialog.showErrorBox(PRODUCT_NAME, `Could not load the interface (${String(err)}). Run "npm run build" first.`),
      });
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
      mainWindow = win;
    };
    openWindow();
    app.on('activate', () => {
      if (!mainWindow) openWindow(); // macOS: dock click with no window open
    });
    return { ctx, mainWindow: () => mainWindow };
  });
}

/** Holds the first quit until `shutdown` settles (or times out), then quits for real. */
function quitAfter(shutdown: () => Promise<void>): void {
  let state: 'running' | 'stopping' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS)));
    void Promise.race([shutdown().catch((err: unknown) => console.error('[studio] shutdown failed:', err)), timeout]).finally(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
}
