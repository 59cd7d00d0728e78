// What the renderer gets as window.bridge: invoke an allowlisted command, subscribe to an allowlisted
// event. No ipcRenderer, no event objects (they carry `sender`), nothing else. Kept free of the
// contract's zod schemas so the sandboxed preload bundle stays tiny.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { RpcResult } from '../../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isBridgeCommand, isBridgeEvent } from './bridge-names';

export interface StudioBridge {
  invoke(cmd: string, args?: unknown[]): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on'>;

export function createBridge(ipc: IpcLike): StudioBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let attached = false;

  // one IPC listener for all subscriptions (no MaxListeners warnings, one place that strips the event)
  const route = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (!isBridgeEvent(name)) return;
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`bridge: listener for ${name} failed`, err);
      }
    }
  };

  return {
    async invoke(cmd, args = []) {
      if (!isBridgeCommand(cmd)) {
        return { ok: false, error: { code: 'unknown_command', message: `unknown command ${JSON.stringify(String(cmd).slice(0, 80))}` } };
      }
      if (!Array.isArray(args)) {
        return { ok: false, error: { code: 'invalid_payload', message: `${cmd}: arguments must be an array`, where: cmd } };
      }
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, cmd, args)) as RpcResult<unknown>;
      } catch (err) {
        // e.g. a value that cannot be structured-cloned: still data, never a throw (Transport contract)
        const message = err instanceof Error ? err.message : String(err);
        return { ok: false, error: { code: 'internal', message: `${cmd}: IPC failed: ${message}` } };
      }
    },
    on(event, listener) {
      if (!isBridgeEvent(event)) throw new TypeError(`bridge.on: unknown event ${JSON.stringify(String(event).slice(0, 80))}`);
      if (typeof listener !== 'function') throw new TypeError('bridge.on: listener must be a function');
      if (!attached) {
        ipc.on(EVENT_CHANNEL, route);
        attached = true;
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
