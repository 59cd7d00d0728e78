// Pipelines as the app sees them: saved specs (connections by profile), engine runners for the
// running ones, state/log events, and metrics coalesced to one push per tick for every pipeline.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { PipelineView } from '../../shared/contract';
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import { PipelineSpec } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { logText } from '../../shared/log-text';
import type { PipelineConfig } from '../../shared/pipeline-config';
import type { LogEntry, MetricsSnapshot, PipelineStatus } from '../../shared/pipeline-status';
import type { PipelineRunner } from '../engine';
import type { Handlers, ServiceContext } from '../rpc/types';
import { readValidated, writeJsonAtomic } from './json-file';
import { LogHistory, MetricsHistory } from './pipelines-history';

/** What the service needs of an engine runner (the engine knows nothing of this service). */
export type Runner = Omit<PipelineRunner, 'config'>;
export type RunnerFactory = (config: PipelineConfig, options: { onLog(e: LogEntry): void; onState(s: PipelineStatus): void }) => Runner;

export interface PipelinesDeps {
  resolveKafka(profileId: string): Promise<KafkaConnection>;
  resolveMilvus(profileId: string): Promise<MilvusConnection>;
  createRunner: RunnerFactory;
  /** Metrics push period; 500 ms keeps the UI under the 4 Hz ceiling. */
  tickMs?: number;
}

export type StoredSpec = PipelineSpec & { id: string };
/** pipelines.json: the saved pipelines, checked like a pipeline.create payload. */
const StoredSpecs = z.array(z.intersection(PipelineSpec, z.object({ id: z.string().min(1).max(64) })));
type PipelineCommands = 'pipeline.list' | 'pipeline.create' | 'pipeline.update' | 'pipeline.start' | 'pipeline.pause' | 'pipeline.resume' | 'pipeline.stop' | 'pipeline.delete' | 'metrics.history' | 'log.recent';

export interface PipelinesService {
  handlers: Pick<Handlers, PipelineCommands>;
  /** Ids of pipelines with a live runner. */
  running(): string[];
  /** A saved pipeline with its connections resolved; `active` while a runner is not stopped/failed. */
  lookup(id: string): Promise<{ spec: StoredSpec; config: PipelineConfig; active: boolean }>;
  /** A stopped copy named "<name> (copy)" with its own consumer group. */
  duplicate(id: string): Promise<PipelineView>;
  /** Adds an entry to the event log (history + 'log.entry'). */
  log(e: LogEntry): void;
  shutdown(): Promise<void>;
}

export function createPipelinesService(ctx: ServiceContext, deps: PipelinesDeps): PipelinesService {
  const file = join(ctx.dataDir, 'pipelines.json');
  const runners = new Map<string, Runner>();
  const metrics = new MetricsHistory();
  const logs = new LogHistory();
  let specs: Map<string, StoredSpec> | undefined;

  const log = (e: LogEntry) => {
    logs.push(e);
    ctx.events.emit('log.entry', e);
  };

  const timer = setInterval(() => {
    if (runners.size === 0) return;
    const batch: MetricsSnapshot[] = [];
    for (const r of runners.values()) {
      const s = r.snapshot();
      metrics.record(s);
      batch.push(s);
    }
    ctx.events.emit('metrics.tick', batch);
  }, deps.tickMs ?? 500);
  timer.unref();

  async function load(): Promise<Map<string, StoredSpec>> {
    if (specs) return specs;
    const list: StoredSpec[] = (await readValidated(file, StoredSpecs)) ?? [];
    specs = new Map(list.map((s) => [s.id, s]));
    return specs;
  }

  async function save(): Promise<void> {
    await writeJsonAtomic(file, [...(await load()).values()]);
  }

  async function spec(id: string): Promise<StoredSpec> {
    const s = (await load()).get(id);
    if (!s) throw new AppFailure('not_found', `no pipeline with id ${id}`, undefined, id);
    return s;
  }

  function idleStatus(s: StoredSpec): PipelineStatus {
    return {
      id: s.id,
      name: s.name,
      state: 'idle',
      since: 0,
      topics: 'names' in s.topics ? s.topics.names : [s.topics.pattern],
      collection: s.collection,
      counters: { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 },
    };
  }

  function view(s: StoredSpec): PipelineView {
    return { spec: s, status: runners.get(s.id)?.status() ?? idleStatus(s) };
  }

  async function toConfig(s: StoredSpec): Promise<PipelineConfig> {
    const { kafkaProfileId, milvusProfileId, ...rest } = s;
    return { ...rest, kafka: await deps.resolveKafka(kafkaProfileId), milvus: await deps.resolveMilvus(milvusProfileId) };
  }

  async function stopRunner(id: string): Promise<void> {
    const r = runners.get(id);
    if (!r) return;
    await r.stop(10_000);
    runners.delete(id);
    ctx.events.emit('pipeline.state', r.status());
  }

  const handlers: PipelinesService['handlers'] = {
    'pipeline.list': async () => [...(await load()).values()].map(view),
    'pipeline.create': async (input) => {
      const all = await load();
      const id = `p-${randomUUID().slice(0, 8)}`;
      const stored: StoredSpec = { ...input, id };
      all.set(id, stored);
      await save();
      log({ at: Date.now(), pipelineId: id, level: 'info', kind: 'config', ...logText({ code: 'pipeline.created', params: { name: stored.name } }) });
      return view(stored);
    },
    'pipeline.update': async (id, input) => {
      await spec(id);
      const stored: StoredSpec = { ...input, id };
      (await load()).set(id, stored);
      await save();
      log({ at: Date.now(), pipelineId: id, level: 'info', kind: 'config', ...logText({ code: runners.has(id) ? 'pipeline.updatedRunning' : 'pipeline.updated', params: { name: stored.name } }) });
      return view(stored);
    },
    'pipeline.start': async (id) => {
      const s = await spec(id);
      const existing = runners.get(id);
      if (existing && !['stopped', 'failed'].includes(existing.status().state)) return view(s);
      const runner = deps.createRunner(await toConfig(s), {
        onLog: log,
        onState: (status) => ctx.events.emit('pipeline.state', status),
      });
      runners.set(id, runner);
      metrics.forget(id);
      try {
        await runner.start();
      } catch (err) {
        // A pipeline that failed to start (a missing topic, Milvus unreachable past its retries) is
        // a state with a cause, not a failed command: it stays listed as failed until started again.
        if (runner.status().state === 'failed') return view(s);
        runners.delete(id);
        throw err instanceof AppFailure ? err : new AppFailure('internal', `pipeline "${s.name}" could not start: ${(err as Error).message}`, (err as Error).stack, id);
      }
      return view(s);
    },
    'pipeline.pause': async (id) => {
      const s = await spec(id);
      runners.get(id)?.pause();
      return view(s);
    },
    'pipeline.resume': async (id) => {
      const s = await spec(id);
      runners.get(id)?.resume();
      return view(s);
    },
    'pipeline.stop': async (id) => {
      const s = await spec(id);
      const r = runners.get(id);
      if (r) {
        await r.stop(10_000);
        ctx.events.emit('pipeline.state', r.status());
      }
      return view(s);
    },
    'pipeline.delete': async (id) => {
      const { name } = await spec(id);
      await stopRunner(id);
      (await load()).delete(id);
      metrics.forget(id);
      await save();
      log({ at: Date.now(), pipelineId: id, level: 'info', kind: 'config', ...logText({ code: 'pipeline.deleted', params: { name } }) });
    },
    'metrics.history': async (id, windowSec) => metrics.window(id, windowSec),
    'log.recent': async (limit) => logs.recent(limit),
  };

  const isActive = (id: string): boolean => {
    const state = runners.get(id)?.status().state;
    return state !== undefined && state !== 'stopped' && state !== 'failed';
  };

  async function duplicate(id: string): Promise<PipelineView> {
    const source = await spec(id);
    const names = new Set([...(await load()).values()].map((s) => s.name));
    let name = `${source.name} (copy)`;
    for (let n = 2; names.has(name); n++) name = `${source.name} (copy ${n})`;
    const suffix = randomUUID().slice(0, 4);
    return handlers['pipeline.create']({ ...source, name: name.slice(0, 255), groupId: `${source.groupId.slice(0, 240)}-copy-${suffix}` });
  }

  return {
    handlers,
    running: () => [...runners.keys()],
    lookup: async (id) => {
      const s = await spec(id);
      return { spec: s, config: await toConfig(s), active: isActive(id) };
    },
    duplicate,
    log,
    shutdown: async () => {
      clearInterval(timer);
      await Promise.all([...runners.keys()].map((id) => stopRunner(id).catch(() => undefined)));
    },
  };
}
