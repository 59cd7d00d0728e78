// One engine instance in its own process, so its CPU, RSS and event-loop figures are the engine's
// alone (the bench's own process holds the pre-built data set). Usage:
//   npx tsx bench/engine-worker.ts <spec.json>
// The spec is a WorkerSpec. Protocol: JSON lines on stdout (WorkerEvent); the parent writes "go" to
// stdin to start and "stop" to stop; with `expect` set the worker stops by itself once that many
// rows are written.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { createPipeline, type PipelineOptions } from '../electron/engine';
import { PipelineConfig } from '../shared/pipeline-config';
import type { PipelineCounters } from '../shared/pipeline-status';
import { ResourceSampler, type ResourceFigures } from './sampler';

export interface WorkerSpec {
  config: unknown;
  options?: Pick<PipelineOptions, 'consumer' | 'lagIntervalMs'>;
  /** Stop by itself once this many rows are written (single-instance runs). */
  expect?: number;
  /** Experiment: give every insert/upsert request a toJSON() (see stubRequestJson). */
  stubRequestJson?: boolean;
}

/**
 * The SDK's retry interceptor JSON.stringify()s every request for a debug log line, even when the
 * log level is 'error'. A toJSON() on the request object makes that a few bytes. Applied here
 * from outside the engine, to measure what the same one-line change in MilvusRowWriter would gain.
 */
function stubRequestJson(): void {
  const proto = MilvusClient.prototype;
  const insert = proto.insert;
  const upsert = proto.upsert;
  proto.insert = function (this: MilvusClient, req: Parameters<typeof insert>[0]) {
    return insert.call(this, Object.assign(req, { toJSON: () => '[insert request]' }));
  };
  proto.upsert = function (this: MilvusClient, req: Parameters<typeof upsert>[0]) {
    return upsert.call(this, Object.assign(req, { toJSON: () => '[upsert request]' }));
  };
}

export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'started'; at: number }
  | { type: 'first'; at: number }
  | { type: 'progress'; at: number; written: number; consumed: number }
  | { type: 'result'; tStart: number; tFirst: number; tLast: number; counters: PipelineCounters; resources: ResourceFigures }
  | { type: 'log'; level: string; message: string }
  | { type: 'error'; message: string }
  | { type: 'exit'; stopMs: number };

/** Epoch ms with sub-ms precision, comparable across processes on one machine. */
const now = (): number => performance.timeOrigin + performance.now();
const emit = (e: WorkerEvent): void => void process.stdout.write(`${JSON.stringify(e)}\n`);
const POLL_MS = 5;

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: engine-worker.ts <spec.json>');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as WorkerSpec;
  const config = PipelineConfig.parse(spec.config);
  if (spec.stubRequestJson) stubRequestJson();
  const runner = createPipeline(config, {
    ...spec.options,
    onLog: (e) => (e.level !== 'info' ? emit({ type: 'log', level: e.level, message: e.message }) : undefined),
  });
  const sampler = new ResourceSampler();
  let tStart = 0;
  let tFirst = 0;
  let tLast = 0;
  let lastWritten = -1;
  let finished = false;
  let poll: NodeJS.Timeout | undefined;

  const finish = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    if (poll) clearInterval(poll);
    const resources = sampler.stop();
    emit({ type: 'result', tStart, tFirst, tLast: tLast || now(), counters: runner.status().counters, resources });
    const t0 = now();
    await runner.stop(30_000);
    emit({ type: 'exit', stopMs: now() - t0 });
    process.exit(0);
  };

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'go' && !tStart) void go();
    else if (cmd === 'stop') void finish();
  });
  // The parent went away: stop cleanly rather than linger.
  lines.on('close', () => (tStart ? void finish() : process.exit(1)));

  const go = async (): Promise<void> => {
    sampler.start(100);
    tStart = now();
    poll = setInterval(() => {
      const c = runner.status().counters;
      if (!tFirst && c.consumed > 0) {
        tFirst = now();
        emit({ type: 'first', at: tFirst });
      }
      if (c.written !== lastWritten) {
        lastWritten = c.written;
        tLast = now();
        emit({ type: 'progress', at: tLast, written: c.written, consumed: c.consumed });
        if (spec.expect !== undefined && c.written >= spec.expect) void finish();
      }
    }, POLL_MS);
    try {
      await runner.start();
      emit({ type: 'started', at: now() });
    } catch (e) {
      emit({ type: 'error', message: (e as Error).message });
      process.exit(1);
    }
  };
  emit({ type: 'ready' });
}

main().catch((e: unknown) => {
  emit({ type: 'error', message: String((e as Error)?.message ?? e) });
  process.exit(1);
});
