// Browser mode: serves the built renderer over HTTP and carries the typed contract over one
// WebSocket per page. The socket requires the random token printed in the URL and an Origin equal
// to the page's own, so another site open in the same browser cannot drive the Studio.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, type ServerMessage } from '../../shared/bridge-protocol';
import { EVENT_NAMES } from '../../shared/contract';
import type { Dispatch } from './dispatch';
import type { EventBus } from './types';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Folder with the built renderer (index.html). */
  staticDir: string;
  dispatch: Dispatch;
  events: EventBus;
  version: string;
  /** Fixed token (tests); random when absent. */
  token?: string;
  /** Extra origins allowed to open the socket, e.g. a Vite dev server. */
  allowedOrigins?: string[];
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  clients(): number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A slow client must not grow our memory: above this, metrics events are skipped for it. */
const MAX_BUFFERED = 4 * 1024 * 1024;
const MAX_MESSAGE = 16 * 1024 * 1024;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(18).toString('base64url');
  const sockets = new Set<WebSocket>();
  const http = createServer((req, res) => void serveStatic(opts.staticDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const origin = `http://${shownHost}:${port}`;
  const allowed = new Set([origin, ...(opts.host === '127.0.0.1' ? [`http://localhost:${port}`] : []), ...(opts.allowedOrigins ?? [])]);

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const refuse = (status: number, why: string) => {
      socket.end(`HTTP/1.1 ${status} ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== BRIDGE_PATH) return refuse(404, 'Not Found');
    if (!sameToken(url.searchParams.get('token'), token)) return refuse(401, 'Unauthorized');
    if (!allowed.has(req.headers.origin ?? '')) return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
  });

  function onConnection(ws: WebSocket): void {
    sockets.add(ws);
    send(ws, { t: 'hello', version: opts.version });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      void handle(ws, data.toString());
    });
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
  }

  async function handle(ws: WebSocket, text: string): Promise<void> {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return ws.close(1003, 'invalid JSON');
    }
    const m = msg as { t?: unknown; id?: unknown; cmd?: unknown; args?: unknown };
    if (m.t !== 'invoke' || typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) {
      return ws.close(1003, 'expected {t:"invoke", id, cmd, args}');
    }
    const result = await opts.dispatch(m.cmd, Array.isArray(m.args) ? m.args : m.args === undefined ? [] : m.args);
    send(ws, { t: 'result', id: m.id, result });
  }

  const unsubscribe = EVENT_NAMES.map((event) =>
    opts.events.on(event, (payload) => {
      const frame = JSON.stringify({ t: 'event', event, payload } satisfies ServerMessage);
      for (const ws of sockets) {
        if (event === 'metrics.tick' && ws.bufferedAmount > MAX_BUFFERED) continue;
        if (ws.readyState === ws.OPEN) ws.send(frame);
      }
    }),
  );

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    clients: () => sockets.size,
    close: async () => {
      unsubscribe.forEach((off) => off());
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg, bigintSafe));
}

// Results may carry 64-bit ids as bigint; JSON has no bigint, so they travel as decimal strings.
function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const rel = normalize(pathname === '/' ? '/index.html' : pathname);
  const file = join(root, rel);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(403, headers).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = rel.startsWith(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': cache }).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    const missingApp = rel === `${sep}index.html`;
    res
      .writeHead(missingApp ? 503 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      .end(missingApp ? 'The renderer is not built yet: run `npm run build:renderer`.' : 'Not found');
  }
}
