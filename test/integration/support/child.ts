// Starts run-pipeline.ts in a child process group and follows what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineConfig } from '../../../shared/pipeline-config';
import type { PipelineCounters } from '../../../shared/pipeline-status';
import type { PipelineOptions } from '../../../electron/engine';

export interface ChildPipeline {
  proc: ChildProcess;
  counters: PipelineCounters | undefined;
  states: string[];
  lines: string[];
  exited: Promise<number | null>;
  /** True once the pipeline process printed its final line after a graceful stop. */
  stoppedCleanly(): boolean;
  /** Kills the whole process group (npx → tsx → node) with the given signal. */
  kill(signal: NodeJS.Signals): void;
}

export function startChildPipeline(config: PipelineConfig, options: Pick<PipelineOptions, 'consumer' | 'lagIntervalMs'>): ChildPipeline {
  const dir = mkdtempSync(join(tmpdir(), 'studio-engine-'));
  const file = join(dir, 'pipeline.json');
  writeFileSync(file, JSON.stringify({ config, options }));
  const script = new URL('./run-pipeline.ts', import.meta.url).pathname;
  // detached: its own process group, so a kill reaches the node process under npx and tsx.
  const proc = spawn('npx', ['tsx', script, file], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const child: ChildPipeline = {
    proc,
    counters: undefined,
    states: [],
    lines: [],
    exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
    stoppedCleanly: () => child.lines.some((l) => l.includes('"type":"exit"')),
    kill: (signal) => {
      try {
        if (proc.pid !== undefined) process.kill(-proc.pid, signal);
      } catch {
        // the group is already gone
      }
    },
  };
  let buf = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        const o = JSON.parse(line) as { type: string; counters?: PipelineCounters; state?: string };
        if (o.type === 'counters' && o.counters) child.counters = o.counters;
        else {
          child.lines.push(line);
          if (o.type === 'state' && o.state) child.states.push(o.state);
        }
      } catch {
        child.lines.push(line);
      }
    }
  });
  proc.stderr?.on('data', (d: Buffer) => child.lines.push(d.toString().trim()));
  return child;
}
