// The measured phases of one benchmark: the raw Milvus sweep, and each run (raw Kafka, raw Milvus
// bracketing the engine, the engine, the two-instance scale-out), plus the optional CPU profile.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINE_DEFAULTS } from '../shared/pipeline-config';
import type { BenchOptions } from './args';
import type { BenchRecord } from './data';
import { runEngine, type EngineRun } from './engine-runner';
import type { WorkerSpec } from './engine-worker';
import { groupCaughtUp, KAFKA_BROKERS, rawConsume } from './kafka-io';
import { benchMilvus, countRows, createBenchCollection, dropCollection, insertFresh, MILVUS_ADDRESS, sweepInsert, type InsertResult, type Sweep } from './milvus-io';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './profile-summary';
import { summarizeRun, type RunResult } from './report';
import { cell } from './stats';

export const say = (m: string): void => console.log(`bench: ${m}`);

/** Everything this benchmark creates, removed at the end (and on Ctrl-C). */
export const created = { topics: [] as string[], groups: [] as string[], collections: [] as string[] };
export const milvus = benchMilvus();

export interface Ctx {
  o: BenchOptions;
  prefix: string;
  records: BenchRecord[];
}

function engineSpec(c: Ctx, topic: string, collection: string, group: string): WorkerSpec {
  return {
    config: {
      ...PIPELINE_DEFAULTS,
      id: group,
      name: group,
      kafka: { brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' },
      milvus: { address: MILVUS_ADDRESS },
      topics: { names: [topic] },
      groupId: group,
      startPosition: { kind: 'earliest' },
      collection,
      deadLetterTopic: `${c.prefix}_dlq`,
      ...(c.o.engineBatch ? { batchSize: c.o.engineBatch } : {}),
      ...(c.o.engineInFlight ? { maxInFlightBatches: c.o.engineInFlight } : {}),
    },
    ...(c.o.sdkJsonStub ? { stubRequestJson: true } : {}),
  };
}

/** Runs `instances` engines on `topic` into a fresh collection and checks every row landed. */
export async function measureEngine(c: Ctx, topic: string, tag: string, instances: number, cpuProfDir?: string): Promise<EngineRun> {
  const collection = `${c.prefix}_${tag}`;
  const group = `${c.prefix}_${tag}_g`;
  created.collections.push(collection);
  created.groups.push(group);
  await createBenchCollection(milvus, collection, c.o.dim);
  const specs = Array.from({ length: instances }, () => engineSpec(c, topic, collection, group));
  if (instances === 1) (specs[0] as WorkerSpec).expect = c.o.records;
  // Several members: short heartbeats so the second join rebalances quickly, and "done" is the
  // group's commits reaching the end of every partition (a rebalance redelivers some records).
  else for (const s of specs) s.options = { consumer: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, rebalanceTimeoutMs: 20_000 } };
  const caughtUp = instances > 1 ? groupCaughtUp(group, topic) : undefined;
  let run: EngineRun;
  try {
    run = await runEngine(specs, c.o.records, { ...(cpuProfDir ? { cpuProfDir } : {}), ...(caughtUp ? { complete: caughtUp.check } : {}) });
  } finally {
    await caughtUp?.close();
  }
  const notes = run.warnings.filter((w) => !/rebalancing/.test(w));
  for (const w of notes.slice(0, 5)) say(`  engine said: ${w}`);
  const dead = run.counters.reduce((n, x) => n + x.deadLettered, 0);
  if (dead) throw new Error(`${tag}: ${dead} records were dead-lettered; the data set must convert cleanly`);
  const rows = await countRows(milvus, collection);
  if (rows !== c.o.records) say(`  WARNING ${tag}: the collection has ${rows} rows, expected ${c.o.records}`);
  await dropCollection(milvus, collection);
  return run;
}

export interface SweepPhase {
  sweep: Sweep;
  /** Upsert and JSON-stub variants at the best point, and the engine's own batch settings. */
  extra: InsertResult[];
}

export async function sweepPhase(c: Ctx): Promise<SweepPhase> {
  const { o, prefix } = c;
  const subset = c.records.slice(0, o.sweepRecords);
  say(`raw Milvus sweep on ${cell(subset.length)} rows, fresh collection per point`);
  const sweep = await sweepInsert(milvus, (b, n) => `${prefix}_sw_${b}_${n}`, o.dim, subset, o.sweepBatches, o.sweepConcurrency, (p) =>
    say(`  insert batch ${p.batch} × ${p.concurrency}: ${cell(p.rowsPerSec)} rows/s`),
  );
  const { batch, concurrency } = sweep.best;
  const eb = o.engineBatch ?? PIPELINE_DEFAULTS.batchSize;
  const ec = o.engineInFlight ?? PIPELINE_DEFAULTS.maxInFlightBatches;
  const extra: InsertResult[] = [];
  const point = async (tag: string, b: number, n: number, opts: Parameters<typeof insertFresh>[6]): Promise<void> => {
    extra.push(await insertFresh(milvus, `${prefix}_sw_${tag}`, o.dim, subset, b, n, opts));
  };
  await point('best_up', batch, concurrency, { mode: 'upsert' });
  await point('best_stub', batch, concurrency, { stubJson: true });
  // The engine upserts (writeMode auto, key from the message) with its own batch settings.
  await point('eng_ins', eb, ec, { mode: 'insert' });
  await point('eng_up', eb, ec, { mode: 'upsert' });
  await point('eng_up_stub', eb, ec, { mode: 'upsert', stubJson: true });
  return { sweep, extra };
}

/**
 * One measured run. Raw Milvus is measured before and after the engine and the limit uses their
 * mean, so a load change on the shared machine during the run biases neither side.
 */
export async function measureRun(c: Ctx, r: number, best: InsertResult, topics: { main: string; four: string }): Promise<RunResult> {
  const { o, prefix, records } = c;
  const group = `${prefix}_raw_${r}`;
  created.groups.push(group);
  const rawKafka = await rawConsume(topics.main, o.records, group);
  say(`run ${r}: raw Kafka ${cell(rawKafka.rowsPerSec)} records/s`);
  const raw = (tag: string): Promise<InsertResult> => insertFresh(milvus, `${prefix}_raw_${r}_${tag}`, o.dim, records, best.batch, best.concurrency, { countAfter: true });
  const rawMilvus = await raw('a');
  say(`run ${r}: raw Milvus ${cell(rawMilvus.rowsPerSec)} rows/s (before the engine)`);
  const engine = await measureEngine(c, topics.main, `eng_${r}`, 1);
  say(`run ${r}: engine ${cell(engine.rowsPerSec)} rows/s`);
  const rawMilvusAfter = await raw('b');
  say(`run ${r}: raw Milvus ${cell(rawMilvusAfter.rowsPerSec)} rows/s (after the engine)`);
  let scaleOut: EngineRun | undefined;
  if (o.scaleOut) {
    scaleOut = await measureEngine(c, topics.four, `so_${r}`, 2);
    say(`run ${r}: 2 engines ${cell(scaleOut.rowsPerSec)} rows/s`);
  }
  return { run: r, rawKafka, rawMilvus, rawMilvusAfter, engine, scaleOut, summary: summarizeRun(rawKafka, [rawMilvus, rawMilvusAfter], engine) };
}

export async function profileEngine(c: Ctx, topic: string, dir: string): Promise<ProfileSummary> {
  mkdirSync(dir, { recursive: true });
  const run = await measureEngine(c, topic, 'prof', 1, dir);
  say(`profiled engine run: ${cell(run.rowsPerSec)} rows/s (profiler overhead included), profile in ${dir}`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  return summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, 25);
}
