// The browser bridge: token and Origin are enforced, frames are checked, results and events flow.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../../shared/bridge-protocol';
import { createEventBus } from '../../../electron/rpc/event-bus';
import { startServer, type RunningServer } from '../../../electron/rpc/ws-server';

const events = createEventBus();
let server: RunningServer;
const staticDir = mkdtempSync(join(tmpdir(), 'studio-static-'));

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Studio</title>');
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    staticDir,
    events,
    version: '9.9.9',
    dispatch: async (cmd, args) => (cmd === 'app.info' ? { ok: true, value: { args } } : { ok: false, error: { code: 'unknown_command', message: 'no' } }),
  });
});
afterAll(() => server.close());

function connect(opts: { token?: string; origin?: string } = {}): Promise<{ ws: WebSocket; inbox: ServerMessage[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${new URL(server.origin).port}/bridge?token=${opts.token ?? server.token}`, { origin: opts.origin ?? server.origin });
  const inbox: ServerMessage[] = [];
  ws.on('message', (d) => inbox.push(JSON.parse(d.toString()) as ServerMessage));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, inbox }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('browser-mode server', () => {
  it('serves the renderer with a CSP and refuses paths outside it', async () => {
    const res = await fetch(server.origin + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(server.origin + '/..%2f..%2fetc/passwd')).status).toBeGreaterThanOrEqual(403);
  });

  it('refuses a wrong token and a foreign Origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow('401');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('403');
  });

  it('answers invokes with typed results and pushes events', async () => {
    const { ws, inbox } = await connect();
    ws.send(JSON.stringify({ t: 'invoke', id: 1, cmd: 'app.info', args: [] }));
    ws.send(JSON.stringify({ t: 'invoke', id: 2, cmd: 'bogus', args: [] }));
    await until(() => inbox.length >= 3);
    expect(inbox[0]).toEqual({ t: 'hello', version: '9.9.9' });
    expect(inbox).toContainEqual({ t: 'result', id: 1, result: { ok: true, value: { args: [] } } });
    expect(inbox).toContainEqual({ t: 'result', id: 2, result: { ok: false, error: { code: 'unknown_command', message: 'no' } } });
    events.emit('log.entry', { at: 1, level: 'info', kind: 'info', message: 'hi' });
    await until(() => inbox.length >= 4);
    expect(inbox[3]).toEqual({ t: 'event', event: 'log.entry', payload: { at: 1, level: 'info', kind: 'info', message: 'hi' } });
    ws.close();
  });

  it('closes the socket on frames that are not invokes', async () => {
    const { ws } = await connect();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('{"t":"something-else"}');
    expect(await closed).toBe(1003);
  });
});
