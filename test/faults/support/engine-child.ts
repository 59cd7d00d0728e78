// Starts run-engine.ts with `npx tsx` in its own process group and follows what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineOptions } from '../../../electron/engine';
import type { PipelineConfig } from '../../../shared/pipeline-config';
import type { PipelineCounters } from '../../../shared/pipeline-status';
import { waitFor } from './env';

interface Line {
  type: string;
  pid?: number;
  state?: string;
  cause?: string | null;
  counters?: PipelineCounters;
  rss?: number;
  message?: string;
}

export class EngineChild {
  readonly proc: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  pid: number | undefined;
  counters: PipelineCounters | undefined;
  selfRss = 0;
  readonly states: { state: string; cause: string | null }[] = [];
  readonly lines: string[] = [];
  private killedByUs = false;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(
    readonly name: string,
    config: PipelineConfig,
    options: Pick<PipelineOptions, 'consumer' | 'lagIntervalMs'>,
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'studio-drill-'));
    const file = join(dir, 'engine.json');
    writeFileSync(file, JSON.stringify({ config, options }));
    const script = new URL('./run-engine.ts', import.meta.url).pathname;
    // detached: its own process group, so a kill reaches the node process under npx and tsx.
    this.proc = spawn('npx', ['tsx', script, file], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve((this.exit = { code, signal }))));
    let buf = '';
    this.proc.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        this.onLine(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
    this.proc.stderr?.on('data', (d: Buffer) => this.lines.push(d.toString().trim()));
  }

  private onLine(line: string): void {
    let o: Line;
    try {
      o = JSON.parse(line) as Line;
    } catch {
      this.lines.push(line);
      return;
    }
    if (o.type === 'counters' && o.counters) {
      this.counters = o.counters;
      this.selfRss = o.rss ?? this.selfRss;
      return;
    }
    this.lines.push(line);
    if (o.type === 'hello') this.pid = o.pid;
    if (o.type === 'state' && o.state) this.states.push({ state: o.state, cause: o.cause ?? null });
  }

  get stoppedCleanly(): boolean {
    return this.lines.some((l) => l.includes('"type":"exit"'));
  }

  get written(): number {
    return this.counters?.written ?? 0;
  }

  get state(): string | undefined {
    return this.states.at(-1)?.state;
  }

  async ready(timeoutMs = 60_000): Promise<void> {
    await waitFor(`${this.name} running`, () => this.state === 'running' || this.exit, timeoutMs, 50);
    if (this.exit) throw new Error(`${this.name} exited during start-up: ${this.lines.slice(-5).join(' | ')}`);
  }

  /** RSS of the engine's node process in bytes, read from /proc by the parent. */
  rss(): number {
    if (this.pid === undefined) return 0;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : this.selfRss;
    } catch {
      return this.selfRss;
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.killedByUs = true;
    try {
      if (this.proc.pid !== undefined) process.kill(-this.proc.pid, signal);
    } catch {
      // the group is already gone
    }
  }

  /** Graceful stop; resolves with the final counters printed after stop(). */
  async stop(timeoutMs = 40_000): Promise<PipelineCounters | undefined> {
    if (this.exit) return this.counters;
    // The whole group gets SIGTERM (npx may exit first); the engine's last line says it is done.
    this.kill('SIGTERM');
    try {
      await waitFor(`${this.name} to stop`, () => this.stoppedCleanly || this.exit?.code === 70, timeoutMs, 50);
    } catch (e) {
      throw new Error(`${(e as Error).message}; last lines:\n${this.tail(15)}`);
    } finally {
      this.kill('SIGKILL');
    }
    return this.counters;
  }

  /** 1 when the process died on its own or the pipeline ended 'failed', else 0. */
  crashes(): number {
    const died = this.exit !== undefined && !this.killedByUs;
    const failed = this.states.some((s) => s.state === 'failed');
    const crashLine = this.lines.some((l) => l.includes('"type":"crash"'));
    return died || failed || crashLine ? 1 : 0;
  }

  tail(n = 8): string {
    return this.lines.slice(-n).join('\n');
  }
}
