// How the main side is wired: handlers per domain, a context they share, and an event bus that
// both hosts (Electron IPC, browser-mode WebSocket) subscribe to.
import type { CommandArgs, CommandName, CommandResult, EventName, Events } from '../../shared/contract';

export type Handler<K extends CommandName> = (...args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K>;
export type Handlers = { [K in CommandName]: Handler<K> };

export interface EventBus {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Keeps secrets at rest: Electron safeStorage in the desktop app, a 0600 file when headless. */
export interface SecretCipher {
  readonly kind: 'os-keychain' | 'file-0600';
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export interface ServiceContext {
  host: 'desktop' | 'browser';
  /** Per-user data folder: profiles, pipelines, settings. */
  dataDir: string;
  /** Repository or install root, to find scripts/stack.sh for the local sandbox. */
  appRoot: string;
  version: string;
  events: EventBus;
  secrets: SecretCipher;
}
