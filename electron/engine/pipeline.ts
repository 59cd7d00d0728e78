// One pipeline: Kafka topics → convert → batch → Milvus, committing offsets only behind records that
// are written or dead-lettered (at-least-once). No globals: any number can run in one process.
import { setMaxListeners } from 'node:events';
import { logText, type LogText } from '../../shared/log-text';
import type { PipelineConfig } from '../../shared/pipeline-config';
import type { LogEntry, MetricsSnapshot, PipelineStatus } from '../../shared/pipeline-status';
import { primaryKeyField, type CollectionSchema } from '../../shared/milvus-schema';
import { createPipelineClients, type ClientFactory, type ClientLogLevel, type ConsumerTuning } from '../clients';
import { ClassifiedError, oneLine, type Failure, type RecordSink, type RecordSource, type RowWriter, type TopicPartition, type TopicPartitionOffset, type WriteMode } from '../clients/types';
import type { BatchContext } from './batch';
import { Committer } from './committer';
import { Intake } from './intake';
import { LagMonitor } from './lag-monitor';
import { PipelineMetrics } from './metrics';
import { OffsetTracker } from './offset-tracker';
import { within } from './retry';
import { resolveTopics, startSeeks } from './start-position';
import { PipelineStateMachine } from './state';
import { callWithRetry, type RetryHooks } from './writer';

export interface PipelineOptions {
  onLog?(e: LogEntry): void;
  onState?(s: PipelineStatus): void;
  /** Consumer-group timings; the defaults suit servers, tests shorten them. */
  consumer?: Pick<ConsumerTuning, 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'rebalanceTimeoutMs' | 'maxWaitTimeMs'>;
  /** How often lag is refreshed through the admin API (default 2 s). */
  lagIntervalMs?: number;
  /** The "last interval" that rates and latency percentiles cover (default 5 s). */
  metricsWindowMs?: number;
  /** Replaces the Kafka/Milvus clients (default: kafkajs and the Milvus SDK). */
  clients?: ClientFactory;
}

export interface PipelineRunner {
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  stop(timeoutMs?: number): Promise<void>;
  status(): PipelineStatus;
  snapshot(): MetricsSnapshot;
  readonly config: PipelineConfig;
}

const tpKey = (topic: string, partition: number): string => `${partition}\u0000${topic}`;

export class Pipeline implements PipelineRunner {
  private readonly state: PipelineStateMachine;
  private readonly metrics: PipelineMetrics;
  private readonly tracker = new OffsetTracker();
  /** Aborts retry loops and waits: on stop timeout, on failure, or a stop during start-up. */
  private readonly abort = new AbortController();
  private readonly hooks: RetryHooks;
  private source: RecordSource | undefined;
  private sink: RecordSink | undefined;
  private writer: RowWriter | undefined;
  private intake: Intake | undefined;
  private lag: LagMonitor | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private topics: string[] = [];
  private owned = new Set<string>();
  private seeks: TopicPartitionOffset[] | undefined;
  private readonly committer: Committer;
  private shuttingDown: Promise<void> | undefined;
  private userPaused = false;
  private disconnected = false;
  private classifySource: (e: unknown) => Failure = (e) => ({ kind: 'transient', reason: oneLine(String(e)) });

  constructor(
    readonly config: PipelineConfig,
    private readonly options: PipelineOptions = {},
  ) {
    // Every waiting batch and backoff listens on this one signal: more than 10 is normal here.
    setMaxListeners(0, this.abort.signal);
    this.state = new PipelineStateMachine(config.id, () => options.onState?.(this.status()), (e) => this.log(e));
    this.metrics = new PipelineMetrics(config.id, options.metricsWindowMs);
    this.hooks = {
      signal: this.abort.signal,
      policy: config.retry,
      onRetry: (source, reason, attempt, delayMs) => {
        this.metrics.counters.retries++;
        this.state.retry(source, reason);
        this.log({ level: 'warn', kind: 'retry', ...logText({ code: 'run.retry', params: { source, attempt, delayMs, reason } }), detail: { source, attempt, delayMs } });
      },
      onRecovered: (source) => this.state.recovered(source),
    };
    this.committer = new Committer(
      this.tracker,
      () => this.source,
      (t, p) => this.owned.has(tpKey(t, p)),
      (e) => this.log({ level: 'warn', kind: 'info', ...logText({ code: 'run.commitFailed', params: { reason: this.classifySource(e).reason } }) }),
    );
  }

  async start(): Promise<void> {
    if (this.state.baseState !== 'idle') throw new Error(`pipeline ${this.config.id} was already started`);
    this.state.set('starting');
    try {
      await this.open();
    } catch (e) {
      if (this.shuttingDown) return this.shuttingDown; // stopped during start-up
      const cause = e instanceof ClassifiedError ? e.message : oneLine(String((e as Error)?.message ?? e));
      await this.shutdown('failed', cause, 10_000, e instanceof ClassifiedError ? e.text : undefined);
      throw new Error(cause);
    }
    if (this.shuttingDown) return;
    if (this.userPaused) this.source?.pause(this.topics);
    this.state.set(this.userPaused ? 'paused' : 'running');
    const { collection } = this.config;
    this.log({ level: 'info', kind: 'info', ...logText({ code: 'run.consuming', params: { topics: this.topics.join(', '), collection } }), detail: { collection, topics: this.topics.length } });
  }

  private async open(): Promise<void> {
    const cfg = this.config;
    const factory = this.options.clients ?? createPipelineClients;
    const clients = factory(cfg, { log: (level, text) => this.clientLog(level, text), ...(this.options.consumer ? { consumer: this.options.consumer } : {}) });
    const { source, sink, writer } = clients;
    this.writer = writer;
    this.source = source;
    this.sink = sink;
    this.classifySource = clients.classifySourceError;
    const schema = await callWithRetry('milvus', () => writer.describe(), clients.classifyWriterError, this.hooks);
    const pk = primaryKeyField(schema);
    const mode: WriteMode = cfg.writeMode === 'auto' ? (pk?.autoID ? 'insert' : 'upsert') : cfg.writeMode;

    const classify = clients.classifySourceError;
    await callWithRetry('kafka', () => source.connect(), classify, this.hooks);
    this.topics = await resolveTopics(cfg.topics, () => callWithRetry('kafka', () => source.listTopics(), classify, this.hooks));
    if (sink && cfg.deadLetterTopic) {
      const dlq = cfg.deadLetterTopic;
      const prepare = async (): Promise<void> => {
        await sink.connect();
        await sink.ensureTopic(dlq);
      };
      await callWithRetry('kafka', prepare, classify, this.hooks);
    }
    this.seeks = await startSeeks(source, this.topics, cfg.startPosition);
    this.intake = new Intake({
      config: cfg,
      schema,
      keyField: pk && !pk.autoID ? pk.name : undefined,
      batch: this.batchContext(mode, writer),
      signal: this.abort.signal,
      paused: () => this.userPaused,
    });
    if (this.shuttingDown) return;
    const sp = cfg.startPosition;
    const fromBeginning = sp.kind === 'committed' ? sp.fallback === 'earliest' : sp.kind === 'earliest';
    const intake = this.intake;
    await source.run(this.topics, fromBeginning, {
      onBatch: (batch) => intake.onBatch(batch),
      onAssign: (assigned) => this.onAssign(assigned),
      onError: (cause, willRestart) => this.onSourceError(cause, willRestart),
    });
    this.lag = new LagMonitor(() => source.fetchLag(this.topics), this.options.lagIntervalMs);
    this.lag.start();
    this.ticker = setInterval(() => this.metrics.tick(), 1_000);
    this.ticker.unref();
    this.describeMode(schema, mode);
  }

  private batchContext(mode: WriteMode, writer: RowWriter): BatchContext {
    return {
      pipelineName: this.config.name,
      mode,
      errorTolerance: this.config.errorTolerance,
      deadLetterTopic: this.config.deadLetterTopic,
      writer,
      sink: this.sink,
      tracker: this.tracker,
      metrics: this.metrics,
      hooks: this.hooks,
      log: (e) => this.log(e),
      fail: (cause, text) => void this.fail(cause, text),
      // A write that outlived a stop timeout still counts, but there is no consumer left to commit.
      afterBatch: () => void (this.disconnected ? undefined : this.committer.commit()),
    };
  }

  private describeMode(schema: CollectionSchema, mode: WriteMode): void {
    const pk = primaryKeyField(schema);
    this.log({ level: 'info', kind: 'config', ...logText({ code: pk?.autoID ? 'run.writeModeAutoId' : 'run.writeMode', params: { mode } }), detail: { mode } });
  }

  private onAssign(assigned: TopicPartition[]): void {
    this.owned = new Set(assigned.map((a) => tpKey(a.topic, a.partition)));
    const owns = (topic: string, partition: number): boolean => this.owned.has(tpKey(topic, partition));
    this.tracker.retain(owns);
    // The start position applies once, to the partitions this member got at its first join.
    if (this.seeks && this.source) for (const s of this.seeks) if (owns(s.topic, s.partition)) this.source.seek(s);
    this.seeks = undefined;
    this.state.recovered('kafka');
    if (this.userPaused) this.source?.pause(this.topics);
  }

  private onSourceError(cause: string, willRestart: boolean): void {
    if (this.shuttingDown) return;
    if (willRestart) {
      this.metrics.counters.retries++;
      this.state.retry('kafka', cause);
    } else void this.fail(cause);
  }

  pause(): void {
    if (this.userPaused || this.state.terminal || this.shuttingDown) return;
    this.userPaused = true;
    this.source?.pause(this.topics);
    if (this.state.baseState === 'running') this.state.set('paused');
  }

  resume(): void {
    if (!this.userPaused || this.state.terminal || this.shuttingDown) return;
    this.userPaused = false;
    this.source?.resume(this.topics);
    if (this.state.baseState === 'paused') this.state.set('running');
  }

  stop(timeoutMs = 30_000): Promise<void> {
    if (this.shuttingDown) return this.shuttingDown;
    if (this.state.baseState === 'idle') {
      this.state.set('stopped');
      return Promise.resolve();
    }
    return this.shutdown('stopped', undefined, timeoutMs);
  }

  private fail(cause: string, text?: LogText): Promise<void> {
    return this.shuttingDown ?? this.shutdown('failed', cause, 15_000, text);
  }

  private shutdown(final: 'stopped' | 'failed', cause: string | undefined, timeoutMs: number, causeText?: LogText): Promise<void> {
    this.shuttingDown ??= this.close(final, cause, timeoutMs, causeText);
    return this.shuttingDown;
  }

  /**
   * Finish what is in flight, commit, disconnect: all within the timeout. Up to 3 s of it (at most
   * half) is kept back for commit and disconnect, so a stuck write cannot eat the whole budget.
   */
  private async close(final: 'stopped' | 'failed', cause: string | undefined, timeoutMs: number, causeText?: LogText): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const reserve = Math.min(3_000, timeoutMs / 2);
    const left = (keep = 0): number => Math.max(0, deadline - keep - Date.now());
    if (final === 'failed') this.state.set('failed', cause, causeText);
    else this.state.set('stopping');
    this.intake?.close();
    if (!this.intake) this.abort.abort(); // still starting: nothing to finish
    this.source?.pause(this.topics);
    if (this.intake) {
      const drained = await within(this.intake.drain(), left(reserve));
      if (!drained.ok) {
        this.abort.abort();
        const n = this.metrics.counters.inFlight;
        this.log({ level: 'warn', kind: 'info', ...logText({ code: 'run.stopTimedOut', params: { count: n } }) });
        await within(this.intake.drain(), left((reserve * 2) / 3));
      }
      await within(this.committer.commit(), left(reserve / 3));
    }
    this.disconnected = true;
    this.abort.abort();
    this.lag?.stop();
    if (this.ticker) clearInterval(this.ticker);
    await Promise.all([
      this.source && within(this.source.disconnect(), left()),
      this.sink && within(this.sink.disconnect(), left()),
      this.writer && within(this.writer.close(), left()),
    ]);
    if (final === 'stopped') this.state.set('stopped');
    const c = this.metrics.counters;
    const totals = { consumed: c.consumed, written: c.written, deadLettered: c.deadLettered, skipped: c.skipped, unfinished: c.inFlight };
    this.log({ level: 'info', kind: 'info', ...logText({ code: final === 'failed' ? 'run.failedSummary' : 'run.stoppedSummary', params: totals }) });
  }

  status(): PipelineStatus {
    const s: PipelineStatus = {
      id: this.config.id,
      name: this.config.name,
      state: this.state.state,
      since: this.state.since,
      topics: this.topics.length ? [...this.topics] : 'names' in this.config.topics ? [...this.config.topics.names] : [],
      collection: this.config.collection,
      counters: { ...this.metrics.counters },
    };
    const cause = this.state.cause;
    if (cause) s.cause = cause;
    const causeText = this.state.causeText;
    if (causeText) s.causeText = causeText;
    return s;
  }

  snapshot(): MetricsSnapshot {
    return this.metrics.snapshot(this.state.state, this.lag?.latest ?? []);
  }

  private clientLog(level: ClientLogLevel, text: LogText): void {
    this.log({ level: level === 'error' ? 'warn' : level, kind: 'info', ...logText(text) });
  }

  private log(e: Omit<LogEntry, 'at' | 'pipelineId'>): void {
    this.options.onLog?.({ at: Date.now(), pipelineId: this.config.id, ...e });
  }
}
