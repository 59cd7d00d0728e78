// `serve`: the headless server. Runs every main-side service in plain Node and serves the same
// renderer to a browser over the typed WebSocket bridge, e.g. on a server you watch from a laptop.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHandlers } from '../rpc/app-handlers';
import { createDispatch } from '../rpc/dispatch';
import { createEventBus } from '../rpc/event-bus';
import type { Handlers, ServiceContext } from '../rpc/types';
import { startServer, type RunningServer } from '../rpc/ws-server';
import { createFileSecretCipher } from '../services/file-secret-cipher';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  token?: string;
  /** Sandbox profiles, topic_0, the seed collection and pipeline, and a generator feeding it. */
  demo?: boolean;
}

const USAGE = `usage: kafka-milvus-studio serve [--host 127.0.0.1] [--port 8484] [--data-dir DIR] [--demo]

Starts the headless server and prints the URL of the browser UI (with its access token).
Binds to 127.0.0.1 unless --host says otherwise; anyone with the URL can drive the Studio.
--demo also sets up the local sandbox demo: topic and collection topic_0, the pipeline
"Seed demo", and demo records at ~20 msg/s (idempotent: only what is missing is created).`;

export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

export function defaultDataDir(): string {
  return process.env.STUDIO_DATA_DIR ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'kafka-milvus-studio');
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the whole main side and starts the server; used by the CLI and by the e2e tests. */
export async function startStudioServer(opts: ServeOptions): Promise<RunningServer & { ctx: ServiceContext; commands: Handlers; shutdown(): Promise<void> }> {
  const events = createEventBus();
  const ctx: ServiceContext = {
    host: 'browser',
    dataDir: opts.dataDir,
    appRoot: APP_ROOT,
    version: appVersion(),
    events,
    secrets: createFileSecretCipher(opts.dataDir),
  };
  const handlers = buildHandlers(ctx);
  const dispatch = createDispatch(handlers.commands, (cmd, err) => {
    console.error(`internal error in ${cmd}: ${err instanceof Error ? err.message : String(err)}`);
  });
  const server = await startServer({
    host: opts.host,
    port: opts.port,
    staticDir: join(APP_ROOT, 'dist', 'renderer'),
    dispatch,
    events,
    version: ctx.version,
    token: opts.token,
  });
  return {
    ...server,
    ctx,
    commands: handlers.commands,
    shutdown: async () => {
      await handlers.shutdown();
      await server.close();
    },
  };
}

export function parseServeArgs(argv: string[]): ServeOptions | string {
  const opts: ServeOptions = { host: '127.0.0.1', port: Number(process.env.STUDIO_PORT ?? 8484), dataDir: defaultDataDir() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--demo') {
      opts.demo = true;
      continue;
    }
    if (value === undefined) return `serve: ${arg} needs a value\n${USAGE}`;
    if (arg === '--host') opts.host = value;
    else if (arg === '--port') opts.port = Number(value);
    else if (arg === '--data-dir') opts.dataDir = resolve(value);
    else if (arg === '--token') opts.token = value;
    else return `serve: unknown option ${arg}\n${USAGE}`;
    i++;
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) return `serve: --port must be 0-65535`;
  return opts;
}

export async function runServe(argv: string[]): Promise<number> {
  const opts = parseServeArgs(argv);
  if (typeof opts === 'string') {
    console.log(opts);
    return opts === USAGE ? 0 : 2;
  }
  let server: Awaited<ReturnType<typeof startStudioServer>>;
  try {
    server = await startStudioServer(opts);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `serve: port ${opts.port} is busy; choose another with --port` : `serve: ${e.message}`);
    return 4;
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
    console.warn(`serve: listening on ${opts.host}: anyone who can reach it and has the URL's token can drive the Studio`);
  }
  console.log(`Kafka-Milvus Studio is running in browser mode: ${server.url}`);
  console.log(`data: ${opts.dataDir} (secrets in a file readable only by this user)`);
  if (opts.demo) {
    // The UI is already up: a demo that cannot be set up (sandbox down) is reported, not fatal.
    const { setupDemo } = await import('../services/demo-setup');
    await setupDemo(server.ctx, server.commands, { log: (line) => console.log(line) }).then(
      (r) => console.log(r.actions.length ? 'demo: ready' : 'demo: already set up; the generator is running'),
      (e: unknown) => console.error(`serve --demo: the demo could not be set up: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('stopping: finishing in-flight batches and committing offsets');
  await server.shutdown();
  return 0;
}

function findAppRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  return process.cwd();
}
