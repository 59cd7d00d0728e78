// Taking records from the source: decode and convert each one (pure, shared/convert), group them
// into batches across partitions, and hand full or lingering batches to the writer within the
// in-flight bound. When every slot is busy the fetch handler waits here (heartbeating), which is
// what keeps memory flat however far behind the consumer is.
import { convertRecord, decodeValue, type ConvertOptions } from '../../shared/convert';
import { englishPhrase, phrase } from '../../shared/convert/phrase';
import { logText } from '../../shared/log-text';
import type { PipelineConfig } from '../../shared/pipeline-config';
import type { CollectionSchema } from '../../shared/milvus-schema';
import type { SourceBatch, SourceRecord } from '../clients/types';
import { processBatch, type BatchContext, type BatchItem } from './batch';
import { Batcher } from './batcher';
import { InFlight } from './in-flight';
import type { Ticket } from './offset-tracker';

export interface IntakeDeps {
  config: PipelineConfig;
  schema: CollectionSchema;
  /** Name of the primary key when its value comes from messages (not autoID). */
  keyField: string | undefined;
  batch: BatchContext;
  signal: AbortSignal;
  paused(): boolean;
}

const HEARTBEAT_EVERY_MS = 1_000;
/**
 * Longest stretch of decoding and converting before the event loop gets a turn. A fetch can hold
 * megabytes of vectors, and a free in-flight slot resolves without leaving the microtask queue, so
 * without this one fetch would hold timers, sockets and IPC for the whole of its conversion.
 */
const SLICE_MS = 8;

/** Tombstones are logged one by one up to this many per pipeline run; after that only counted. */
const TOMBSTONES_LOGGED = 5;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Intake {
  private readonly batcher: Batcher<BatchItem>;
  private readonly inFlight: InFlight;
  private closed = false;
  private tombstones = 0;
  /** One object for the pipeline's life: convertRecord caches its compiled schema per options object. */
  private readonly convertOptions: ConvertOptions;

  constructor(private readonly deps: IntakeDeps) {
    const c = deps.config;
    this.convertOptions = { mapping: c.mapping, ignore: c.ignore, valueFormat: c.valueFormat, vectorEncoding: c.vectorEncoding, extraFields: c.extraFields };
    this.batcher = new Batcher<BatchItem>(deps.config.batchSize, deps.config.lingerMs, () => void this.flush());
    this.inFlight = new InFlight(deps.config.maxInFlightBatches);
  }

  /** Takes the records of one fetched batch, in order, until closed, paused or stale. */
  async onBatch(batch: SourceBatch): Promise<void> {
    let sliceStart = performance.now();
    for (const rec of batch.records) {
      if (this.closed || this.deps.paused() || !batch.isActive()) return;
      const wait = this.take(rec);
      batch.accept(rec.offset);
      if (wait) await this.waitHeartbeating(wait, batch);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
  }

  /** Stops taking records; what was taken is still written by drain(). */
  close(): void {
    this.closed = true;
  }

  /** Writes what is batched and waits for every batch in flight. */
  async drain(): Promise<void> {
    while (this.batcher.length && !this.deps.signal.aborted) await this.flush();
    await this.inFlight.drain();
    this.batcher.dispose();
  }

  private take(rec: SourceRecord): Promise<void> | undefined {
    const c = this.deps.batch.metrics.counters;
    c.consumed++;
    c.inFlight++;
    const ticket = this.deps.batch.tracker.take(rec.topic, rec.partition, rec.offset);
    if (rec.value === null) {
      // A tombstone: there is no delete mapping, so it is counted as skipped, not written.
      c.skipped++;
      this.logTombstone(rec);
      c.inFlight--;
      this.deps.batch.tracker.finish(ticket);
      return undefined;
    }
    const item = this.convert(rec, ticket);
    if (item.failure && this.deps.config.errorTolerance === 'none') this.closed = true;
    return this.batcher.add(item) || this.closed ? this.flush() : undefined;
  }

  private logTombstone(rec: SourceRecord): void {
    const n = ++this.tombstones;
    if (n > TOMBSTONES_LOGGED + 1) return;
    const detail = { topic: rec.topic, partition: rec.partition, offset: rec.offset };
    const text = n <= TOMBSTONES_LOGGED ? logText({ code: 'run.tombstone', params: detail }) : logText({ code: 'run.tombstonesMore', params: {} });
    this.deps.batch.log({ level: 'info', kind: 'info', ...text, detail });
  }

  private convert(rec: SourceRecord, ticket: Ticket): BatchItem {
    const { config, schema, keyField } = this.deps;
    try {
      const decoded = decodeValue(rec.value, config.valueFormat);
      if (!decoded.ok) return { ticket, record: rec, failure: { stage: 'convert', ...decoded.error } };
      const converted = convertRecord(decoded.value, schema, this.convertOptions);
      if (!converted.ok) return { ticket, record: rec, failure: { stage: 'convert', ...converted.error } };
      this.deps.batch.metrics.counters.droppedFields += converted.dropped.length;
      const item: BatchItem = { ticket, record: rec, row: converted.row };
      if (keyField !== undefined) {
        const k = converted.row[keyField];
        if (k !== undefined && k !== null) item.key = String(k);
      }
      return item;
    } catch (e) {
      // A converter bug must not stall the stream: the record is dead-lettered with the reason.
      const words = phrase('internal', { why: (e as Error).message });
      return { ticket, record: rec, failure: { stage: 'convert', code: 'internal_error', message: englishPhrase(words), words } };
    }
  }

  /** Reserves an in-flight slot (waiting if needed), then sends what is batched. */
  private async flush(): Promise<void> {
    if (!this.batcher.length) return;
    if (!(await this.inFlight.acquire(this.deps.signal))) return;
    const items = this.batcher.take();
    if (!items.length) {
      this.inFlight.release();
      return;
    }
    const keys = this.deps.keyField !== undefined ? new Set(items.flatMap((i) => (i.key === undefined ? [] : [i.key]))) : null;
    void this.inFlight.run(keys, () => processBatch(items, this.deps.batch));
  }

  /** Waits for a slot while telling the group coordinator this member is alive. */
  private async waitHeartbeating(wait: Promise<void>, batch: SourceBatch): Promise<void> {
    let settled = false;
    void wait.finally(() => {
      settled = true;
    });
    while (!settled && !this.deps.signal.aborted) {
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<void>((resolve) => (timer = setTimeout(resolve, HEARTBEAT_EVERY_MS)));
      await Promise.race([wait, tick]);
      clearTimeout(timer);
      // A rebalance makes heartbeat() throw: let it reach kafkajs so the member rejoins promptly.
      if (!settled && batch.isActive()) await batch.heartbeat();
    }
  }
}
