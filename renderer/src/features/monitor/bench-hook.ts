// Benchmark hook for bench/: loads an hour of synthetic one-second history for every series into the
// monitor (1 h window), then pushes live ticks one at a time, each at the start of a frame, and times
// it to the painted frame that shows all of it (charts included), with the Performance API. Long tasks (main thread
// blocked > 50 ms) are counted too. Installed as `window.__studioMonitorBench` while the monitor
// page is open:
//
//   await page.goto(`${url}#/monitor`); await page.waitForFunction(() => window.__studioMonitorBench);
//   const r = await page.evaluate(() => window.__studioMonitorBench.run({ seconds: 3600, updates: 200 }));
//   // r.p95Ms, r.historyMs, r.longTaskMaxMs ...; also performance.getEntriesByName('monitor-update')
import type { Stores } from '../../stores/stores';
import { syntheticHistory, syntheticSnapshot } from './synthetic';

export const BENCH_PIPELINE_ID = '__bench__';

export interface MonitorBenchOptions {
  /** History length in seconds (default 3600). */
  seconds?: number;
  /** Live updates to time (default 200). */
  updates?: number;
  /** Untimed updates first, so the figures describe a dashboard that has been running (default 36). */
  warmup?: number;
  /** Partitions with their own lag line (default 6). */
  partitions?: number;
  /** Leave the synthetic pipeline on screen afterwards (screenshots, demos). */
  keep?: boolean;
}

export interface MonitorBenchResult {
  points: number;
  updates: number;
  /** Loading the history until it is painted, ms. */
  historyMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Main-thread tasks over 50 ms during the updates, and the longest one (0 when none). */
  longTasks: number;
  longTaskMaxMs: number;
}

export interface MonitorBenchHook {
  run(options?: MonitorBenchOptions): Promise<MonitorBenchResult>;
}

/** Resolves inside the next animation-frame callback, i.e. before that frame's style, layout and paint. */
const frameStart = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
/** Resolves in the first task after the frame being produced now has been painted. */
const afterThisFrame = (): Promise<number> => new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));
const afterNextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

/**
 * Starts `update` at the beginning of a frame and returns how long the page took to show it: from
 * the call to the paint that follows the last DOM change it caused (follow-up renders included),
 * so idle time waiting for a frame is not counted but work spread over several frames is.
 */
async function timeUpdate(update: () => void): Promise<number> {
  let lastChange = -1;
  const observer = new MutationObserver(() => {
    lastChange = performance.now();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    await frameStart();
    const start = performance.now();
    update();
    let paintedAt = await afterThisFrame();
    let end = paintedAt;
    // Two frames in a row without changes: the update is complete.
    for (let quiet = 0, frame = 0; quiet < 2 && frame < 600; frame++) {
      const seen = lastChange;
      paintedAt = await afterNextFrame();
      if (lastChange > seen) {
        end = paintedAt;
        quiet = 0;
      } else quiet++;
    }
    return end - start;
  } finally {
    observer.disconnect();
  }
}

const rank = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

export async function runMonitorBench(stores: Pick<Stores, 'monitor'>, options: MonitorBenchOptions = {}): Promise<MonitorBenchResult> {
  const seconds = options.seconds ?? 3600;
  const updates = options.updates ?? 200;
  const warmup = options.warmup ?? 36;
  const m = stores.monitor;
  const before = m.getState();
  const restore = { selectedId: before.selectedId, windowSec: before.windowSec };
  const end = Date.now();
  const history = syntheticHistory(BENCH_PIPELINE_ID, seconds, end, options.partitions);
  const historyMs = await timeUpdate(() => {
    m.getState().setSeries(BENCH_PIPELINE_ID, history);
    m.getState().setWindow(3600);
    m.getState().select(BENCH_PIPELINE_ID);
  });
  const samples: number[] = [];
  const tick = (k: number) => syntheticSnapshot(BENCH_PIPELINE_ID, end + (k + 1) * 1000, seconds + k, options.partitions);
  for (let k = 0; k < warmup; k++) await timeUpdate(() => m.getState().ingest([tick(k)]));
  const longTasks: number[] = [];
  const observer = typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('longtask') ? new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))) : null;
  observer?.observe({ type: 'longtask' });
  try {
    for (let k = warmup; k < warmup + updates; k++) {
      const snap = tick(k);
      const ms = await timeUpdate(() => m.getState().ingest([snap]));
      performance.measure('monitor-update', { start: performance.now() - ms, duration: ms });
      samples.push(ms);
    }
  } finally {
    observer?.disconnect();
    if (!options.keep) {
      m.getState().forget(BENCH_PIPELINE_ID);
      m.getState().select(restore.selectedId);
      m.getState().setWindow(restore.windowSec);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    points: seconds,
    updates,
    historyMs,
    p50Ms: rank(sorted, 50),
    p95Ms: rank(sorted, 95),
    p99Ms: rank(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
    meanMs: samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length),
    longTasks: longTasks.length,
    longTaskMaxMs: Math.max(0, ...longTasks),
  };
}

type BenchGlobal = { __studioMonitorBench?: MonitorBenchHook };

/** Puts the hook on the page; returns the uninstaller. */
export function installMonitorBench(stores: Pick<Stores, 'monitor'>): () => void {
  const g = globalThis as BenchGlobal;
  const hook: MonitorBenchHook = { run: (o) => runMonitorBench(stores, o) };
  g.__studioMonitorBench = hook;
  return () => {
    if (g.__studioMonitorBench === hook) delete g.__studioMonitorBench;
  };
}
