// The foreground runner against a fake engine: status lines, log lines, signals and exit codes.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PipelineOptions, PipelineRunner } from '../../../electron/engine/index';
import { runPipeline } from '../../../electron/cli/run-pipeline';
import { logLine, statusLine } from '../../../electron/cli/status-line';
import { PIPELINE_DEFAULTS, type PipelineConfig } from '../../../shared/pipeline-config';
import type { MetricsSnapshot, PipelineState, PipelineStatus } from '../../../shared/pipeline-status';

const config: PipelineConfig = {
  ...PIPELINE_DEFAULTS,
  id: 'p',
  name: 'p',
  kafka: { brokers: ['b:9092'], securityProtocol: 'PLAINTEXT' },
  topics: { names: ['t'] },
  groupId: 'connect-p',
  milvus: { address: 'http://m:19530', token: 'secret-token' },
  collection: 'c',
  errorTolerance: 'none',
};

const counters = { consumed: 10000, written: 9990, deadLettered: 10, skipped: 0, inFlight: 0, retries: 0, batches: 20, droppedFields: 0 };
const status = (state: PipelineState, cause?: string): PipelineStatus => ({ id: 'p', name: 'p', state, cause, since: 0, topics: ['t'], collection: 'c', counters });
const lat = { p50: 0, p95: 0, p99: 0, max: 0 };
const snap: MetricsSnapshot = { pipelineId: 'p', at: 0, state: 'running', counters, consumedPerSec: 1300, writtenPerSec: 1234.4, deadLetteredPerSec: 0, errorsPerSec: 0, batchLatencyMs: lat, endToEndLatencyMs: lat, lag: [], totalLag: 0 };

class FakeRunner implements PipelineRunner {
  state: PipelineState = 'idle';
  stopCalls: (number | undefined)[] = [];
  startResult: Promise<void> = Promise.resolve();
  stopResult: Promise<void> = Promise.resolve();
  constructor(
    readonly config: PipelineConfig,
    readonly options: PipelineOptions,
  ) {}
  start() {
    this.state = 'running';
    return this.startResult;
  }
  pause() {}
  resume() {}
  stop(timeoutMs?: number) {
    this.stopCalls.push(timeoutMs);
    return this.stopResult;
  }
  status() {
    return status(this.state);
  }
  snapshot() {
    return snap;
  }
}

function setup(tweak: (r: FakeRunner) => void = () => undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  let runner!: FakeRunner;
  const code = runPipeline(config, {
    createPipeline: (c, o) => {
      runner = new FakeRunner(c, o);
      tweak(runner);
      return runner;
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    signals: signals as unknown as Parameters<typeof runPipeline>[1]['signals'],
    now: () => new Date(2024, 0, 1, 12, 0, 1),
  });
  return { out, err, signals, code, runner: () => runner };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('status and log lines', () => {
  it('formats the status line', () => {
    expect(statusLine(new Date(2024, 0, 1, 12, 0, 1), status('running'), snap)).toBe('[12:00:01] running  rows/s 1234  consumed 10000  written 9990  dlq 10  lag 0');
    expect(statusLine(new Date(2024, 0, 1, 9, 5, 7), status('retrying', 'Milvus unavailable'), snap)).toBe(
      '[09:05:07] retrying  rows/s 1234  consumed 10000  written 9990  dlq 10  lag 0  (Milvus unavailable)',
    );
  });

  it('formats log entries on one line with their details', () => {
    const at = new Date(2024, 0, 1, 12, 0, 2).getTime();
    expect(logLine({ at, level: 'warn', kind: 'dead-letter', message: 'field x: bad\nsecond', detail: { topic: 't', offset: 5 } })).toBe('[12:00:02] warn  dead-letter field x: bad second  topic=t offset=5');
  });
});

describe('runPipeline', () => {
  it('prints a status line per second and stops gracefully on SIGTERM with exit 0', async () => {
    const t = setup();
    await vi.advanceTimersByTimeAsync(2_100);
    expect(t.out[0]).toBe('pipeline p: t → c at http://m:19530 (consumer group connect-p)');
    expect(t.out.filter((l) => l.startsWith('[12:00:01] running  rows/s 1234'))).toHaveLength(2);
    t.signals.emit('SIGTERM');
    expect(await t.code).toBe(0);
    expect(t.runner().stopCalls).toEqual([8000]);
    expect(t.signals.listenerCount('SIGTERM')).toBe(0);
    expect([...t.out, ...t.err].join('\n')).not.toContain('secret-token');
  });

  it('prints log entries: info to stdout, warnings and errors to stderr', async () => {
    const t = setup();
    t.runner().options.onLog?.({ at: 0, level: 'info', kind: 'state', message: 'starting → running' });
    t.runner().options.onLog?.({ at: 0, level: 'warn', kind: 'retry', message: 'Milvus unavailable' });
    expect(t.out.at(-1)).toContain('info  state       starting → running');
    expect(t.err.at(-1)).toContain('warn  retry       Milvus unavailable');
    t.signals.emit('SIGINT');
    expect(await t.code).toBe(0);
  });

  it('ignores the same signal delivered twice at once, and exits 1 on a real second signal', async () => {
    const t = setup((r) => (r.stopResult = new Promise(() => undefined)));
    await vi.advanceTimersByTimeAsync(10);
    t.signals.emit('SIGINT');
    t.signals.emit('SIGINT'); // terminal + wrapper relaying the same Ctrl-C
    await vi.advanceTimersByTimeAsync(600);
    t.signals.emit('SIGINT');
    expect(await t.code).toBe(1);
    expect(t.err.at(-1)).toBe('SIGINT again: exiting without waiting for the pipeline to stop');
    expect(t.runner().stopCalls).toEqual([8000]);
  });

  it('exits 1 within 10 s even if the engine never finishes stopping', async () => {
    const t = setup((r) => (r.stopResult = new Promise(() => undefined)));
    t.signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(9_600);
    expect(await t.code).toBe(1);
  });

  it('exits 4 when start() rejects, with the cause on stderr', async () => {
    const t = setup((r) => (r.startResult = Promise.reject(new Error('topic t does not exist'))));
    expect(await t.code).toBe(4);
    expect(t.err).toContain('error: cannot start: topic t does not exist');
  });

  it('exits 0 when a signal arrives during start-up, even if start() then rejects', async () => {
    let rejectStart!: (e: Error) => void;
    const t = setup((r) => (r.startResult = new Promise((_, rej) => (rejectStart = rej))));
    t.signals.emit('SIGTERM');
    rejectStart(new Error('aborted'));
    expect(await t.code).toBe(0);
  });

  it('exits 1 when the running pipeline fails, after stopping it', async () => {
    const t = setup();
    await vi.advanceTimersByTimeAsync(10);
    t.runner().options.onState?.(status('failed', 'collection c was dropped'));
    expect(await t.code).toBe(1);
    expect(t.err).toContain('error: pipeline p failed: collection c was dropped');
    expect(t.runner().stopCalls).toEqual([8000]);
  });

  it('leaves a failure during start-up to start() (exit 4, not 1)', async () => {
    const t = setup((r) => {
      r.startResult = Promise.resolve().then(() => {
        r.options.onState?.(status('failed', 'auth failed'));
        throw new Error('auth failed');
      });
    });
    expect(await t.code).toBe(4);
  });
});
