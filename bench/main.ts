// `npm run bench`: produces a fixed data set, measures the raw Kafka and Milvus limits and the
// engine in the same run, and prints their ratio (DESIGN §6). Absolute numbers are noisy on shared
// machines; the ratio is what we track. Options: bench/args.ts (or --help).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs, USAGE } from './args';
import { measureConvertCost } from './convert-cost';
import { makeRecords } from './data';
import { createTopic, deleteKafkaResources, KAFKA_BROKERS, produceDataSet, type ProduceResult } from './kafka-io';
import { dropCollection, MILVUS_ADDRESS } from './milvus-io';
import { created, measureRun, milvus, profileEngine, say, sweepPhase, type Ctx } from './phases';
import { measureRendererUpdateP95, rendererLine, type RendererResult } from './renderer-hook';
import { convertTable, detailTable, produceTable, profileTable, runsTable, sweepTable, type RunResult } from './report';
import { cell, medianSummary, summaryLine } from './stats';

const ARTIFACTS = new URL('../artifacts/bench/', import.meta.url).pathname;
const secs = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

async function cleanUp(keep: boolean): Promise<void> {
  if (keep) return say(`kept topics ${created.topics.join(', ')}`);
  for (const c of created.collections) await dropCollection(milvus, c);
  await deleteKafkaResources(created.topics, created.groups);
  await milvus.closeConnection().catch(() => undefined);
}

async function bench(c: Ctx, stamp: string): Promise<string> {
  const { o, prefix } = c;
  const tAll = performance.now();
  // 1. The data set, produced to the main topic and (for the scale-out) a 4-partition copy.
  const main = `${prefix}_p${o.partitions}`;
  const four = o.partitions === 4 ? main : `${prefix}_p4`;
  const topics = o.scaleOut && four !== main ? [main, four] : [main];
  const produced: ProduceResult[] = [];
  for (const topic of topics) {
    const parts = topic === four ? 4 : o.partitions;
    created.topics.push(topic);
    await createTopic(topic, parts);
    produced.push(await produceDataSet(topic, o.records, o.dim, parts, o.seed));
  }
  created.topics.push(`${prefix}_dlq`);
  console.log(produceTable(produced, topics.map((x) => x.replace(`${prefix}_`, 'topic '))));

  // Per-record CPU of decode + convert, timed outside the engine.
  const convert = measureConvertCost(c.records, o.dim);
  console.log(convertTable(convert));

  // 2. Raw Milvus sweep (once), then the measured runs.
  let t = performance.now();
  const { sweep, extra } = await sweepPhase(c);
  console.log(sweepTable([...sweep.points, ...extra], sweep.best));
  say(`sweep took ${secs(t)}; best: batch ${sweep.best.batch} × concurrency ${sweep.best.concurrency}; load ${load()}`);
  const runs: RunResult[] = [];
  for (let r = 1; r <= o.runs; r++) {
    t = performance.now();
    const result = await measureRun(c, r, sweep.best, { main, four });
    runs.push(result);
    console.log(detailTable(result));
    say(`run ${r} took ${secs(t)}; load ${load()}`);
  }

  // 3. Optional profile, the renderer hook, and the report.
  const profileDir = join(ARTIFACTS, `profile-${stamp}`);
  const profile = o.profile ? await profileEngine(c, main, profileDir) : undefined;
  if (profile) console.log(profileTable(profile));
  const renderer: RendererResult = o.renderer ? await measureRendererUpdateP95() : { p95Ms: null, note: 'skipped (--no-renderer)' };
  const summary = medianSummary(runs.map((r) => r.summary));
  const line = summaryLine(summary);

  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `bench-${stamp}.json`);
  const env = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavgAtEnd: loadavg(), kafka: KAFKA_BROKERS, milvus: MILVUS_ADDRESS };
  const json = { at: new Date().toISOString(), options: o, env, summary, line, renderer, produced, convert, sweep: { ...sweep, extra }, runs, profile, totalMs: performance.now() - tAll };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);

  console.log('');
  console.log(runsTable(runs));
  if (o.runs > 1) say(`medians over ${o.runs} runs (ratio = median of the per-run ratios)`);
  say(`results in ${file}; total ${secs(tAll)}`);
  console.log(rendererLine(renderer));
  return line;
}

async function main(): Promise<void> {
  const o = parseBenchArgs(process.argv.slice(2));
  if (o.help) return void console.log(USAGE);
  if (o.rendererOnly) return void console.log(rendererLine(await measureRendererUpdateP95()));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const prefix = `bench_${randomBytes(3).toString('hex')}`;
  process.once('SIGINT', () => void cleanUp(o.keep).finally(() => process.exit(130)));
  say(`${cell(o.records)} records, dim ${o.dim}, ${o.partitions} partitions, ${o.runs} run(s), ${cpus().length} CPUs, load ${load()}, names ${prefix}_*`);
  const exp = [o.engineBatch && `batchSize ${o.engineBatch}`, o.engineInFlight && `maxInFlightBatches ${o.engineInFlight}`, o.sdkJsonStub && 'SDK request toJSON stub'].filter(Boolean);
  if (exp.length) say(`EXPERIMENT: engine runs with ${exp.join(', ')} (not the product defaults)`);
  const t = performance.now();
  const records = makeRecords(o.records, o.dim, o.seed);
  say(`built ${cell(o.records)} records in ${secs(t)}`);
  let line: string;
  try {
    line = await bench({ o, prefix, records }, stamp);
  } finally {
    await cleanUp(o.keep);
  }
  console.log(line);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench: failed: ${(e as Error)?.stack ?? String(e)}`);
    process.exit(1);
  },
);
