// Parent side of engine runs: starts engine-worker.ts processes (one, or several in one consumer
// group), starts them together, follows their progress and collects their figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineCounters } from '../shared/pipeline-status';
import type { WorkerEvent, WorkerSpec } from './engine-worker';
import type { ResourceFigures } from './sampler';
import { serverCpuWindow, type ServerCpu } from './server-cpu';
import { ratePerSec } from './stats';

const WORKER = new URL('./engine-worker.ts', import.meta.url).pathname;
const STALL_MS = 180_000;

interface Worker {
  proc: ChildProcess;
  written: number;
  result?: Extract<WorkerEvent, { type: 'result' }>;
  stderr: string[];
}

export interface EngineRun {
  instances: number;
  rows: number;
  /** First record consumed (any instance) → last row written (all instances). */
  ms: number;
  rowsPerSec: number;
  /** "go" → first record consumed: connect, describe, group join, first fetch. */
  startupMs: number;
  cpuS: number;
  cpuSPer1k: number;
  /** Largest RSS of any one instance. */
  peakRssMb: number;
  startRssMb: number;
  peakHeapUsedMb: number;
  peakExternalMb: number;
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  counters: PipelineCounters[];
  /** Kafka broker and Milvus server cores busy from the first record to the last row. */
  server: ServerCpu | undefined;
  warnings: string[];
}

export interface RunOptions {
  /** Write a V8 CPU profile of each worker into this directory (node --cpu-prof). */
  cpuProfDir?: string;
  /**
   * Confirms that all rows landed once the written counters add up to the total (several
   * instances: a rebalance makes some records count twice). Polled every 50 ms until true.
   */
  complete?: () => Promise<boolean>;
}

function spawnWorker(spec: WorkerSpec, dir: string, i: number, opts: RunOptions): ChildProcess {
  const file = join(dir, `worker-${i}.json`);
  writeFileSync(file, JSON.stringify(spec));
  // detached: its own process group, so a failure can end npx → tsx → node together.
  const stdio: ['pipe', 'pipe', 'pipe'] = ['pipe', 'pipe', 'pipe'];
  if (opts.cpuProfDir) {
    const flags = ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`, '--import', 'tsx', WORKER, file];
    return spawn(process.execPath, flags, { detached: true, stdio });
  }
  return spawn('npx', ['tsx', WORKER, file], { detached: true, stdio });
}

function killGroup(p: ChildProcess): void {
  try {
    if (p.pid !== undefined && p.exitCode === null) process.kill(-p.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Runs `specs.length` engine instances until `total` rows are written across them, then stops
 * them. A single spec should carry `expect: total` so it stops itself at the exact moment.
 */
export async function runEngine(specs: WorkerSpec[], total: number, opts: RunOptions = {}): Promise<EngineRun> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-bench-'));
  const workers: Worker[] = specs.map((s, i) => ({ proc: spawnWorker(s, dir, i, opts), written: 0, stderr: [] }));
  const warnings: string[] = [];
  let tGo = 0;
  let tFirst = 0;
  let tDone = 0;
  let ready = 0;
  let serverWindow: (() => ServerCpu) | undefined;
  let server: ServerCpu | undefined;
  let lastWriteAt = 0;
  let confirming = false;
  const finish = (at: number): void => {
    if (tDone) return;
    tDone = at;
    server = serverWindow?.();
    for (const x of workers) x.proc.stdin?.write('stop\n');
  };
  /** Once the counters add up: finish now, or when `complete` confirms (at the last write before it). */
  const confirm = async (): Promise<void> => {
    if (confirming || tDone) return;
    confirming = true;
    if (!opts.complete) return finish(lastWriteAt);
    while (!tDone) {
      if (await opts.complete().catch(() => false)) return finish(lastWriteAt);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  let stall: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    let lastProgress = Date.now();
    stall = setInterval(() => {
      if (Date.now() - lastProgress > STALL_MS) reject(new Error(`engine made no progress for ${STALL_MS / 1000} s (written ${workers.map((w) => w.written).join('+')} of ${total})`));
    }, 1_000);
    const settle = (): void => {
      if (workers.every((w) => w.result && w.proc.exitCode !== null)) resolve();
    };
    workers.forEach((w) => {
      // A worker that already stopped by itself may get a late "stop": ignore the closed pipe.
      w.proc.stdin?.on('error', () => undefined);
      let buf = '';
      w.proc.stdout?.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          let e: WorkerEvent;
          try {
            e = JSON.parse(line) as WorkerEvent;
          } catch {
            warnings.push(line);
            continue;
          }
          if (e.type === 'ready' && ++ready === workers.length) {
            tGo = performance.timeOrigin + performance.now();
            for (const x of workers) x.proc.stdin?.write('go\n');
          } else if (e.type === 'first') {
            tFirst = tFirst ? Math.min(tFirst, e.at) : e.at;
            serverWindow ??= serverCpuWindow();
          } else if (e.type === 'progress') {
            lastProgress = Date.now();
            lastWriteAt = Math.max(lastWriteAt, e.at);
            w.written = e.written;
            if (workers.reduce((n, x) => n + x.written, 0) >= total) void confirm();
          } else if (e.type === 'result') w.result = e;
          else if (e.type === 'log') warnings.push(`${e.level}: ${e.message}`);
          else if (e.type === 'error') reject(new Error(`engine worker failed: ${e.message}`));
        }
      });
      w.proc.stderr?.on('data', (d: Buffer) => w.stderr.push(d.toString()));
      w.proc.on('exit', (code) => {
        if (!w.result) reject(new Error(`engine worker exited (${code}) before reporting: ${w.stderr.join('').slice(-2000)}`));
        else settle();
      });
    });
  });
  try {
    await done;
  } finally {
    clearInterval(stall);
    workers.forEach((w) => killGroup(w.proc));
  }
  const results = workers.map((w) => w.result as NonNullable<Worker['result']>);
  const res = results.map((r) => r.resources);
  const cpuS = res.reduce((n, r) => n + r.cpuUserS + r.cpuSystemS, 0);
  const ms = tDone - tFirst;
  const max = (f: (r: ResourceFigures) => number): number => Math.max(...res.map(f));
  return {
    instances: workers.length,
    rows: total,
    ms,
    rowsPerSec: ratePerSec(total, ms),
    startupMs: tFirst - tGo,
    cpuS,
    cpuSPer1k: (cpuS / total) * 1000,
    peakRssMb: max((r) => r.peakRssMb),
    startRssMb: max((r) => r.startRssMb),
    peakHeapUsedMb: max((r) => r.peakHeapUsedMb),
    peakExternalMb: max((r) => r.peakExternalMb),
    loopP50Ms: max((r) => r.loopP50Ms),
    loopP99Ms: max((r) => r.loopP99Ms),
    loopMaxMs: max((r) => r.loopMaxMs),
    counters: results.map((r) => r.counters),
    server,
    warnings,
  };
}
