// Renderer update time p95 for the monitor with 1 h of history, through the monitor's own hook
// (renderer/src/features/monitor/bench-hook.ts: `window.__studioMonitorBench.run()` loads 3,600
// one-second snapshots, then starts each live tick at the beginning of a frame and times it to the
// paint that follows the last DOM change it caused).
//
// The renderer is built from the current sources into a private folder (dist/renderer is left
// alone: other runs may be serving it) and served to Debian Chromium through request routing,
// while the headless server (same code as `cli serve`) provides the bridge.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('..', import.meta.url).pathname;
const HOOK = join(ROOT, 'renderer/src/features/monitor/bench-hook.ts');
const DIST = join(ROOT, 'dist/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A routed (fulfilled) document has no address space of its own, so Chromium's local-network checks
// would block its WebSocket to the loopback server: turn them off for this private page.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=LocalNetworkAccessChecks',
];

export interface RendererResult {
  p95Ms: number | null;
  note: string;
  detail?: MonitorBenchResult;
}

/** What the monitor's hook returns (renderer/src/features/monitor/bench-hook.ts). */
export interface MonitorBenchResult {
  points: number;
  updates: number;
  historyMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** True once the monitor page ships its benchmark hook. */
export function monitorBuilt(): boolean {
  return existsSync(HOOK) && /__studioMonitorBench/.test(readFileSync(HOOK, 'utf8'));
}

export async function measureRendererUpdateP95(): Promise<RendererResult> {
  if (!monitorBuilt()) return { p95Ms: null, note: 'monitor not built yet' };
  if (!existsSync(CHROMIUM)) return { p95Ms: null, note: `no Chromium at ${CHROMIUM} (bash scripts/setup.sh installs it)` };
  const out = mkdtempSync(join(tmpdir(), 'studio-bench-renderer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-bench-data-'));
  try {
    const built = await build(out);
    if (built === true) return await measureIn(out, dataDir, 'fresh build');
    // The sources do not build right now (someone mid-change): measure the last build if it has the hook.
    if (!distHasHook()) return { p95Ms: null, note: `renderer build failed (${built}) and dist/renderer has no monitor hook` };
    const at = statSync(join(DIST, 'index.html')).mtime.toISOString();
    return await measureIn(DIST, dataDir, `dist/renderer of ${at}; a fresh build failed: ${built}`);
  } catch (e) {
    return { p95Ms: null, note: `measurement failed: ${String((e as Error).message ?? e).split('\n')[0]}` };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Builds the renderer into `out`; true, or the first line of the error. */
async function build(out: string): Promise<true | string> {
  try {
    await promisify(execFile)('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return true;
  } catch (e) {
    // eslint-disable-next-line no-control-regex
    const text = String((e as { stderr?: unknown }).stderr ?? (e as Error).message).replace(/\x1b\[[0-9;]*m/g, '');
    const lines = text.split('\n').map((l) => l.replace(/[│╭╰─┬]/g, '').trim()).filter(Boolean);
    const line = lines.find((l) => /not found|cannot|could not|unexpected|expected/i.test(l)) ?? lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '';
    return line.slice(0, 200);
  }
}

function distHasHook(): boolean {
  const assets = join(DIST, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('__studioMonitorBench'));
}

async function measureIn(staticDir: string, dataDir: string, source: string): Promise<RendererResult> {
  // Loaded here so the Kafka/Milvus part of the bench never depends on the app's main side.
  const { startStudioServer } = await import('../electron/cli/serve-command');
  const { chromium } = await import('playwright-core');
  const server = await startStudioServer({ host: '127.0.0.1', port: 0, dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.route(
      (url) => url.origin === server.origin && url.pathname !== '/bridge',
      (route) => {
        const path = new URL(route.request().url()).pathname;
        const file = normalize(join(staticDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
        if (!file.startsWith(normalize(staticDir)) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ status: 200, path: file, contentType: contentType(file) });
      },
    );
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await page.getByTestId('nav-monitor').click();
    await page.waitForFunction(() => '__studioMonitorBench' in globalThis, undefined, { timeout: 30_000 });
    const r = await page.evaluate(() => {
      const hook = (globalThis as unknown as { __studioMonitorBench: { run(o: { seconds: number; updates: number; warmup: number }): Promise<unknown> } }).__studioMonitorBench;
      return hook.run({ seconds: 3600, updates: 200, warmup: 36 });
    });
    const res = r as MonitorBenchResult;
    const note = `${source}; 1 h history (${res.points} points, loaded+painted in ${res.historyMs.toFixed(0)} ms), ${res.updates} updates after 36 untimed, p50 ${res.p50Ms.toFixed(1)} ms, p99 ${res.p99Ms.toFixed(1)} ms${errors.length ? `; page errors: ${errors.length}` : ''}`;
    return { p95Ms: res.p95Ms, note, detail: res };
  } finally {
    await browser.close().catch(() => undefined);
    await server.shutdown().catch(() => undefined);
  }
}

function contentType(file: string): string {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png' };
  return types[extname(file)] ?? 'application/octet-stream';
}

export function rendererLine(r: RendererResult): string {
  return r.p95Ms === null ? `renderer_p95_ms=n/a (${r.note})` : `renderer_p95_ms=${r.p95Ms.toFixed(1)} (${r.note})`;
}
