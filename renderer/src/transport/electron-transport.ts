// Electron host: the preload exposes `window.bridge` (contextBridge, allowlisted commands only).
import type { CommandArgs, CommandName, CommandResult, EventName, Events, Transport } from '../../../shared/contract';
import type { RpcResult } from '../../../shared/errors';

/** Exactly what the preload exposes; nothing else of Electron reaches the page. */
export interface PreloadBridge {
  invoke(cmd: string, args: unknown[]): Promise<RpcResult<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

export function createElectronTransport(bridge: PreloadBridge): Transport {
  return {
    async invoke<K extends CommandName>(cmd: K, ...args: CommandArgs<K>): Promise<RpcResult<CommandResult<K>>> {
      try {
        return (await bridge.invoke(cmd, args)) as RpcResult<CommandResult<K>>;
      } catch (e) {
        // IPC itself failed (window closing, handler missing): still answer as data.
        return { ok: false, error: { code: 'internal', message: 'the desktop bridge failed', detail: String(e) } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as Events[E]));
    },
    onConnection(listener) {
      listener('open');
      return () => {};
    },
  };
}
