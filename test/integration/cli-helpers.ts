// Spawning the CLI as users do (`npx tsx electron/cli.ts ...`) and watching its output and exit.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Waits until stdout matches, failing with everything printed so far. */
  waitForOutput(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

/** `npx tsx electron/cli.ts ...`, or with `bin: true` the published entry bin/kafka-milvus-studio.mjs. */
export function spawnCli(args: string[], opts: { cwd?: string; bin?: boolean } = {}): CliProcess {
  const [cmd, ...pre] = opts.bin ? ['node', join(ROOT, 'bin/kafka-milvus-studio.mjs')] : ['npx', 'tsx', join(ROOT, 'electron/cli.ts')];
  const child = spawn(cmd!, [...pre, ...args], { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const waitForOutput = (re: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const started = Date.now();
      const check = setInterval(() => {
        const m = out.match(re);
        if (m) {
          clearInterval(check);
          resolve(m);
        } else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
          clearInterval(check);
          reject(new Error(`no output matching ${re} within ${timeoutMs} ms\n--- stdout\n${out}\n--- stderr\n${err}`));
        }
      }, 100);
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitForOutput };
}

/**
 * The process that runs the CLI code under `npx tsx` (npm exec → sh → tsx → node). npm does not
 * relay SIGTERM (it exits and orphans its child), so tests signal the CLI itself, as `kill <pid>`
 * would; tsx, sh and npm then pass its exit code up.
 */
export function cliPid(rootPid: number): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }));
  let level = [rootPid];
  let found: number | undefined;
  while (level.length) {
    const next = rows.filter((r) => level.includes(r.ppid));
    found = next.find((r) => r.args.includes('tsx/dist/preflight') && r.args.includes('electron/cli.ts'))?.pid ?? found;
    level = next.map((r) => r.pid);
  }
  if (found === undefined) throw new Error(`no CLI process under ${rootPid}`);
  return found;
}

export async function runCli(args: string[], cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnCli(args, { cwd });
  const { code } = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}
