// Browser mode: the renderer talks to the headless server over one WebSocket carrying the same
// contract as Electron IPC. The page is served at http://host:port/?token=T and connects to
// ws://host:port/bridge?token=T; the server checks the token and the Origin.
import type { RpcResult } from './errors';

export const BRIDGE_PATH = '/bridge';

export type ClientMessage = { t: 'invoke'; id: number; cmd: string; args: unknown[] };

export type ServerMessage =
  | { t: 'hello'; version: string }
  | { t: 'result'; id: number; result: RpcResult<unknown> }
  | { t: 'event'; event: string; payload: unknown };
