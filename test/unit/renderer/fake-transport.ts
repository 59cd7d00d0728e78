// A tiny in-memory Transport for store tests: canned handlers per command, a call log, and
// helpers to push events and connection changes. (Our own interface, not a Kafka/Milvus client.)
import type { CommandArgs, CommandName, CommandResult, EventName, Events, Transport } from '../../../shared/contract';
import type { AppError, RpcResult } from '../../../shared/errors';

type Handler<K extends CommandName> = (...args: CommandArgs<K>) => RpcResult<CommandResult<K>> | Promise<RpcResult<CommandResult<K>>>;
export type Handlers = { [K in CommandName]?: Handler<K> };

export const ok = <T>(value: T): RpcResult<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], message: string = code, detail?: string): RpcResult<never> => ({ ok: false, error: { code, message, detail } });

export interface FakeTransport extends Transport {
  calls: { cmd: CommandName; args: unknown[] }[];
  handlers: Handlers;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  setConnection(state: 'connecting' | 'open' | 'closed'): void;
}

export function fakeTransport(handlers: Handlers = {}): FakeTransport {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const connection = new Set<(s: 'connecting' | 'open' | 'closed') => void>();
  const calls: FakeTransport['calls'] = [];
  return {
    calls,
    handlers,
    async invoke<K extends CommandName>(cmd: K, ...args: CommandArgs<K>): Promise<RpcResult<CommandResult<K>>> {
      calls.push({ cmd, args });
      const h = handlers[cmd] as Handler<K> | undefined;
      if (!h) return fail('unknown_command', `no fake for ${cmd}`);
      return h(...args);
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = (p: unknown) => listener(p as Events[E]);
      set.add(l);
      return () => set.delete(l);
    },
    onConnection(listener) {
      connection.add(listener);
      listener('connecting');
      return () => connection.delete(listener);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setConnection(state) {
      for (const l of connection) l(state);
    },
  };
}

/** A promise with its resolve exposed, to control when a fake answers. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
