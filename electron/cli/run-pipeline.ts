// Runs one pipeline in the foreground until a signal or a fatal error: a status line per second,
// log entries as lines, graceful stop on SIGINT/SIGTERM, forced exit on a second signal.
import type { PipelineConfig } from '../../shared/pipeline-config';
import type { LogEntry, PipelineStatus } from '../../shared/pipeline-status';
import type { PipelineOptions, PipelineRunner } from '../engine/index';
import { EXIT } from './exit-codes';
import { logLine, statusLine } from './status-line';

export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
}

export interface RunDeps {
  createPipeline(config: PipelineConfig, options: PipelineOptions): PipelineRunner;
  out(line: string): void;
  err(line: string): void;
  signals: SignalSource;
  now?: () => Date;
  statusIntervalMs?: number;
  /** Graceful stop budget handed to the engine; the whole exit stays under 10 s. */
  stopTimeoutMs?: number;
  /**
   * A second signal this soon after the first is the same one delivered twice (the terminal signals
   * the whole process group while npm/tsx wrappers relay it too), not the user insisting.
   */
  duplicateSignalMs?: number;
}

export async function runPipeline(config: PipelineConfig, deps: RunDeps): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const stopTimeoutMs = deps.stopTimeoutMs ?? 8_000;
  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => (finish = resolve));
  let settled = false;
  const exit = (code: number) => {
    if (settled) return;
    settled = true;
    finish(code);
  };

  let stopping: Promise<void> | undefined;
  const stop = (code: number) => {
    stopping ??= runner.stop(stopTimeoutMs).then(
      () => exit(code),
      (e: unknown) => {
        deps.err(`error: stopping failed: ${(e as Error)?.message ?? String(e)}`);
        exit(EXIT.runtime);
      },
    );
    // Backstop in case the engine overruns its budget: never hang past ~10 s.
    setTimeout(() => exit(EXIT.runtime), stopTimeoutMs + 1_500).unref();
  };

  const onLog = (e: LogEntry) => (e.level === 'info' ? deps.out : deps.err)(logLine(e));
  let started = false;
  const onState = (s: PipelineStatus) => {
    // A failure during start-up is reported by start() rejecting (exit 4), not here.
    if (s.state === 'failed' && started && !stopping) {
      deps.err(`error: pipeline ${s.name} failed: ${s.cause ?? 'unknown cause'}`);
      stop(EXIT.runtime);
    }
  };
  const runner = deps.createPipeline(config, { onLog, onState });

  let firstSignalAt = 0;
  const onSignal = (name: string) => () => {
    const at = Date.now();
    if (!firstSignalAt) {
      firstSignalAt = at;
      deps.out(`${name}: stopping (committing what was written; a second signal exits at once)`);
      stop(EXIT.ok);
    } else if (at - firstSignalAt >= (deps.duplicateSignalMs ?? 500)) {
      deps.err(`${name} again: exiting without waiting for the pipeline to stop`);
      exit(EXIT.runtime);
    }
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  deps.signals.on('SIGINT', handlers.SIGINT);
  deps.signals.on('SIGTERM', handlers.SIGTERM);

  const topics = 'names' in config.topics ? config.topics.names.join(', ') : `/${config.topics.pattern}/`;
  deps.out(`pipeline ${config.name}: ${topics} → ${config.collection} at ${config.milvus.address} (consumer group ${config.groupId})`);

  const ticker = setInterval(() => {
    if (!settled) deps.out(statusLine(now(), runner.status(), runner.snapshot()));
  }, deps.statusIntervalMs ?? 1_000);

  runner.start().then(
    () => {
      started = true;
    },
    (e: unknown) => {
      if (stopping) return; // a signal arrived during start-up: that stop decides the exit code
      deps.err(`error: cannot start: ${(e as Error)?.message ?? String(e)}`);
      exit(EXIT.connection);
    },
  );

  try {
    return await done;
  } finally {
    clearInterval(ticker);
    deps.signals.off('SIGINT', handlers.SIGINT);
    deps.signals.off('SIGTERM', handlers.SIGTERM);
    if (!stopping) void runner.stop(2_000).catch(() => undefined);
  }
}
