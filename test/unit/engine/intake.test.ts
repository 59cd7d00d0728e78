// The intake gives the event loop a turn while it converts a large fetch, so timers, sockets and IPC
// are not held for the whole conversion, and it still takes every record in order.
import { describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../../shared/pipeline-config';
import type { LogEntry } from '../../../shared/pipeline-status';
import type { Row } from '../../../shared/convert/types';
import type { RowWriter, SourceBatch, SourceRecord, WriteMode, WriteResult } from '../../../electron/clients/types';
import { Intake } from '../../../electron/engine/intake';
import { PipelineMetrics } from '../../../electron/engine/metrics';
import { OffsetTracker } from '../../../electron/engine/offset-tracker';
import { field, schema } from '../convert/fixtures';

const DIM = 768;
const SCHEMA = schema([field('id', 'Int64', { isPrimaryKey: true }), field('vec', 'FloatVector', { dim: DIM })], false);

/** Collects the rows it is given; the engine's batch path runs for real around it. */
class CollectingWriter implements RowWriter {
  rows: Row[] = [];
  describe() {
    return Promise.resolve(SCHEMA);
  }
  write(rows: Row[], _mode: WriteMode): Promise<WriteResult> {
    this.rows.push(...rows);
    return Promise.resolve({ ok: true });
  }
  close() {
    return Promise.resolve();
  }
}

function record(i: number): SourceRecord {
  const vec = Array.from({ length: DIM }, (_, k) => Math.sin(i + k));
  return { topic: 't', partition: 0, offset: String(i), key: null, value: Buffer.from(JSON.stringify({ id: i, vec })), headers: {}, timestamp: Date.now() };
}

function setup() {
  const logs: Omit<LogEntry, 'at' | 'pipelineId'>[] = [];
  const writer = new CollectingWriter();
  const tracker = new OffsetTracker();
  const metrics = new PipelineMetrics('p');
  const abort = new AbortController();
  const config = { batchSize: 200, lingerMs: 50, maxInFlightBatches: 2, mapping: [], ignore: [], valueFormat: 'json', vectorEncoding: 'auto', extraFields: 'drop', errorTolerance: 'all' } as unknown as PipelineConfig;
  const intake = new Intake({
    config,
    schema: SCHEMA,
    keyField: 'id',
    signal: abort.signal,
    paused: () => false,
    batch: {
      pipelineName: 'p',
      mode: 'insert',
      errorTolerance: 'all',
      deadLetterTopic: undefined,
      writer,
      sink: undefined,
      tracker,
      metrics,
      hooks: { signal: abort.signal, policy: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 }, onRetry: () => undefined, onRecovered: () => undefined },
      log: (e) => void logs.push(e),
      fail: (cause) => {
        throw new Error(cause);
      },
      afterBatch: () => undefined,
    },
  });
  return { intake, writer, metrics, logs };
}

function sourceBatch(records: SourceRecord[]): SourceBatch & { accepted: string[] } {
  const accepted: string[] = [];
  return { topic: 't', partition: 0, records, accepted, isActive: () => true, accept: (o) => void accepted.push(o), heartbeat: () => Promise.resolve() };
}

describe('Intake', () => {
  it('counts tombstones as skipped and logs where they were, a few at most', async () => {
    const { intake, writer, metrics, logs } = setup();
    const records = Array.from({ length: 9 }, (_, i) => ({ ...record(i), value: i === 4 ? record(i).value : null }));
    await intake.onBatch(sourceBatch(records));
    await intake.drain();
    expect(metrics.counters).toMatchObject({ consumed: 9, skipped: 8, written: 1, inFlight: 0 });
    expect(writer.rows.map((r) => r.id)).toEqual([4]);
    expect(logs.map((l) => l.message)).toEqual([
      ...[0, 1, 2, 3, 5].map((o) => `Skipped a tombstone (null value) at t[0]@${o}: deletes are not mapped, so nothing is written`),
      'Further tombstones are counted as skipped without a line each',
    ]);
    expect(logs.map((l) => l.text?.code)).toEqual(['run.tombstone', 'run.tombstone', 'run.tombstone', 'run.tombstone', 'run.tombstone', 'run.tombstonesMore']);
    expect(logs[0]?.detail).toEqual({ topic: 't', partition: 0, offset: '0' });
  });

  it('lets timers run while it converts a large fetch, and takes every record in order', async () => {
    const { intake, writer, metrics } = setup();
    const batch = sourceBatch(Array.from({ length: 3000 }, (_, i) => record(i)));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const t0 = performance.now();
    await intake.onBatch(batch);
    const ms = performance.now() - t0;
    clearInterval(timer);
    await intake.drain();
    expect(batch.accepted).toEqual(batch.records.map((r) => r.offset));
    expect(writer.rows.map((r) => r.id)).toEqual(batch.records.map((_, i) => i));
    expect(metrics.counters.written).toBe(3000);
    // 3,000 rows of 768 numbers take far longer than one 8 ms slice: the interval must have fired
    // along the way, not once at the end.
    expect(ms).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(3);
  });
});
