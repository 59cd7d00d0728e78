// The Electron side of the typed IPC: one invoke channel into the shared dispatch, guarded by a check
// of the sending frame, and one event channel fed from the event bus.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { RpcResult } from '../../shared/errors';
import { toAppError, type Dispatch } from '../rpc/dispatch';
import type { EventBus } from '../rpc/types';
import { isRendererUrl, type RendererTarget } from './app-paths';
import { BRIDGE_EVENTS, EVENT_CHANNEL, INVOKE_CHANNEL, isBridgeEvent } from './bridge-names';

export type FrameCheck = (frame: WebFrameMain | null, sender: WebContents) => boolean;

export const REFUSED: RpcResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'invalid_payload', message: 'refused: unexpected sender' }),
}) as RpcResult<never>;

/** Registers the invoke handler; returns a function that removes it. */
export function bindIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch, isTrustedFrame: FrameCheck): () => void {
  ipc.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, cmd: unknown, args: unknown) => {
    let trusted = false;
    try {
      trusted = isTrustedFrame(event.senderFrame, event.sender);
    } catch {
      trusted = false; // a frame destroyed mid-check is not trusted
    }
    if (!trusted) return REFUSED;
    try {
      return await dispatch(cmd, args);
    } catch (err) {
      // dispatch already turns handler failures into data; this only guards against a bug in it
      return { ok: false, error: toAppError(typeof cmd === 'string' ? cmd : 'invoke', err) };
    }
  });
  return () => ipc.removeHandler(INVOKE_CHANNEL);
}

/**
 * Trusted = sent by the main frame of the main window (not an iframe, not another window) while it
 * shows our renderer page.
 */
export function createFrameGuard(getWindow: () => BrowserWindow | null, target: RendererTarget): FrameCheck {
  return (frame, sender) => {
    const win = getWindow();
    if (!frame || !win || win.isDestroyed()) return false;
    const contents = win.webContents;
    if (sender !== contents) return false;
    const main = contents.mainFrame;
    if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isRendererUrl(target, frame.url);
  };
}

/** Forwards contract events to the window while it shows our page; returns an unsubscribe. */
export function forwardEvents(bus: EventBus, getTarget: () => WebContents | null): () => void {
  const offs = BRIDGE_EVENTS.map((name) =>
    bus.on(name, (payload) => {
      const contents = getTarget();
      if (!contents || contents.isDestroyed() || !isBridgeEvent(name)) return;
      contents.send(EVENT_CHANNEL, name, payload);
    }),
  );
  return () => offs.forEach((off) => off());
}

/** The main window's contents, but only while it shows the renderer (never after a stray navigation). */
export function rendererContents(getWindow: () => BrowserWindow | null, target: RendererTarget): () => WebContents | null {
  return () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return null;
    return isRendererUrl(target, win.webContents.getURL()) ? win.webContents : null;
  };
}
