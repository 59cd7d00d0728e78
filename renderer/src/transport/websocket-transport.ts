// Browser mode: one WebSocket to the headless server carrying the same contract as Electron IPC
// (protocol in shared/bridge-protocol.ts). Invokes made while connecting are queued; invokes already
// sent when the socket drops fail with a typed error; the socket reconnects with exponential backoff.
import type { CommandArgs, CommandName, CommandResult, EventName, Events, Transport } from '../../../shared/contract';
import type { ClientMessage, ServerMessage } from '../../../shared/bridge-protocol';
import type { AppError, RpcResult } from '../../../shared/errors';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The part of the DOM WebSocket we use (so tests can pass a fake). */
export interface WebSocketLike {
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  createSocket?: WebSocketFactory;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export const CONNECTION_LOST: AppError = { code: 'internal', message: 'connection to the Studio server lost' };

export interface WebSocketTransport extends Transport {
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting and closes the socket (tests, page unload). */
  dispose(): void;
}

type Resolve = (r: RpcResult<unknown>) => void;

function defaultFactory(url: string): WebSocketLike {
  const Ctor = (globalThis as unknown as { WebSocket: new (u: string) => WebSocketLike }).WebSocket;
  return new Ctor(url);
}

/** Delay before reconnect attempt `attempt` (0-based): min, 2×min, 4×min … capped at max. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
}

export function createWebSocketTransport(url: string, options: WebSocketTransportOptions = {}): WebSocketTransport {
  const createSocket = options.createSocket ?? defaultFactory;
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;

  let socket: WebSocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queue: { msg: ClientMessage; resolve: Resolve }[] = [];
  const pending = new Map<number, Resolve>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const l of stateListeners) l(next);
  }

  function send(msg: ClientMessage, resolve: Resolve): void {
    pending.set(msg.id, resolve);
    socket?.send(JSON.stringify(msg));
  }

  function onMessage(raw: unknown): void {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(String(raw)) as ServerMessage;
    } catch {
      return;
    }
    if (msg.t === 'result') {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      resolve?.(msg.result);
    } else if (msg.t === 'event') {
      for (const l of listeners.get(msg.event) ?? []) {
        try {
          l(msg.payload);
        } catch (e) {
          console.error(`listener for ${msg.event} failed`, e);
        }
      }
    }
  }

  function connect(): void {
    if (disposed) return;
    setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = createSocket(url);
    } catch {
      setState('closed');
      timer = setTimeout(connect, backoffDelay(attempt++, minDelay, maxDelay));
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const { msg, resolve } of queue.splice(0)) send(msg, resolve);
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // Sent but unanswered: the server may or may not have run them, so they fail rather than retry.
      for (const resolve of pending.values()) resolve({ ok: false, error: CONNECTION_LOST });
      pending.clear();
      setState('closed');
      if (disposed) return;
      timer = setTimeout(connect, backoffDelay(attempt++, minDelay, maxDelay));
    };
  }

  connect();

  return {
    invoke<K extends CommandName>(cmd: K, ...args: CommandArgs<K>): Promise<RpcResult<CommandResult<K>>> {
      return new Promise((resolve) => {
        const msg: ClientMessage = { t: 'invoke', id: nextId++, cmd, args };
        const done = resolve as Resolve;
        if (disposed) done({ ok: false, error: CONNECTION_LOST });
        else if (state === 'open') send(msg, done);
        else queue.push({ msg, resolve: done });
      });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = (p: unknown) => listener(p as Events[E]);
      set.add(l);
      return () => set.delete(l);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      for (const resolve of [...pending.values(), ...queue.map((q) => q.resolve)]) resolve({ ok: false, error: CONNECTION_LOST });
      pending.clear();
      queue.length = 0;
      const ws = socket;
      socket = null;
      ws?.close();
      setState('closed');
    },
  };
}
