// Reads the stack script's "stack: ..." lines into per-service states for the sandbox progress view.
// Pure, so the wording of scripts/stack.sh is pinned by unit tests.
import type { ServiceState } from '../../shared/domain';

export type SandboxService = 'kafka' | 'milvus';
export interface SandboxStates {
  kafka: ServiceState;
  milvus: ServiceState;
  message?: string;
}
export interface SandboxPorts {
  kafka: number[];
  milvus: number[];
}

const ERROR_TEXT = /\b(?:failed|could not|cannot|is required|busy|exited|did not answer|not found|error)\b/i;

function servicesNamed(text: string, ports: SandboxPorts): SandboxService[] {
  const out: SandboxService[] = [];
  const port = /\bport (\d+)\b/i.exec(text)?.[1];
  if (/kafka|java|maven/i.test(text) || (port !== undefined && ports.kafka.includes(Number(port)))) out.push('kafka');
  if (/milvus|python/i.test(text) || (port !== undefined && ports.milvus.includes(Number(port)))) out.push('milvus');
  return out;
}

/** The state after one line of `stack.sh up` output (stderr lines are failures from `die`). */
export function applyStackLine(prev: SandboxStates, line: string, fromStderr: boolean, ports: SandboxPorts): SandboxStates {
  const m = /^stack: (.*)$/.exec(line.trim());
  if (!m?.[1]) return prev;
  const text = m[1];
  const next: SandboxStates = { ...prev, message: text };
  const named = servicesNamed(text, ports);
  let state: ServiceState | undefined;
  if (fromStderr || ERROR_TEXT.test(text)) state = 'error';
  else if (/\bready\b/i.test(text)) state = 'up';
  else if (/\bstarting\b|already running/i.test(text)) state = 'starting';
  else if (/\bfetching\b|\binstalling\b/i.test(text)) state = 'installing';
  if (state) for (const s of named) next[s] = state;
  return next;
}

/**
 * After the script exits: success means both answered. On failure the service it blamed stays in
 * error and the other takes its real state from `stack.sh status` (it may well be running); when
 * nothing was blamed, every unfinished service failed.
 */
export function finishStack(prev: SandboxStates, exitCode: number | null, actual?: Pick<SandboxStates, SandboxService>): SandboxStates {
  if (exitCode === 0) return { ...prev, kafka: 'up', milvus: 'up' };
  const blamed = prev.kafka === 'error' || prev.milvus === 'error';
  const settle = (s: SandboxService): ServiceState => {
    if (prev[s] === 'error' || prev[s] === 'up') return prev[s];
    return blamed ? (actual?.[s] ?? 'down') : 'error';
  };
  return { kafka: settle('kafka'), milvus: settle('milvus'), message: prev.message ?? `the sandbox script failed (exit code ${String(exitCode)})` };
}

/** `stack.sh status` prints "kafka: up on ...", "kafka: starting (...)" or "kafka: down". */
export function parseStackStatus(output: string): Pick<SandboxStates, SandboxService> {
  const out: Pick<SandboxStates, SandboxService> = { kafka: 'down', milvus: 'down' };
  for (const line of output.split('\n')) {
    const m = /^(kafka|milvus): (up|starting|down)\b/.exec(line.trim());
    if (m?.[1] && m[2]) out[m[1] as SandboxService] = m[2] as ServiceState;
  }
  return out;
}
