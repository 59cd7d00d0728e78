// Turns the measurements into the printed tables. Pure: results in, text out.
import type { ConvertCost } from './convert-cost';
import type { EngineRun } from './engine-runner';
import type { ProduceResult, RawKafkaResult } from './kafka-io';
import type { InsertResult } from './milvus-io';
import type { ProfileSummary } from './profile-summary';
import { cell, formatTable, type Summary } from './stats';

export interface RunResult {
  run: number;
  rawKafka: RawKafkaResult;
  rawMilvus: InsertResult;
  rawMilvusAfter: InsertResult;
  engine: EngineRun;
  scaleOut: EngineRun | undefined;
  summary: Summary;
}

/** The raw Milvus rate of a run: the mean of its passes (before and after the engine). */
export function rawMilvusRate(passes: readonly InsertResult[]): number {
  return passes.reduce((n, p) => n + p.rowsPerSec, 0) / Math.max(1, passes.length);
}

export function summarizeRun(rawKafka: RawKafkaResult, rawMilvus: readonly InsertResult[], engine: EngineRun): Summary {
  const limit = Math.min(rawKafka.rowsPerSec, rawMilvusRate(rawMilvus));
  return {
    engineRowsS: engine.rowsPerSec,
    limitRowsS: limit,
    ratio: limit > 0 ? engine.rowsPerSec / limit : Number.NaN,
    cpuSPer1k: engine.cpuSPer1k,
    peakRssMb: engine.peakRssMb,
    loopP99Ms: engine.loopP99Ms,
  };
}

const s = (ms: number): string => cell(ms / 1000, 1);
const cores = (x: number | undefined): string => (x === undefined ? 'n/a' : cell(x, 2));
const mode = (p: InsertResult): string => `${p.mode}${p.stubJson ? '+stub' : ''}`;

export function produceTable(p: ProduceResult[], labels: string[]): string {
  return formatTable(
    ['data set', 'records', 'MB', 'seconds', 'records/s', 'MB/s'],
    p.map((r, i) => [labels[i] ?? '', cell(r.records), cell(r.bytes / 1e6, 1), s(r.ms), cell(r.recordsPerSec), cell(r.mbPerSec, 1)]),
  );
}

export function sweepTable(points: InsertResult[], best: InsertResult): string {
  return formatTable(
    ['raw Milvus point', 'mode', 'batch', 'concurrency', 'rows', 'rows/s', 'cpu_s/1k (ours)', 'milvus cores'],
    points.map((p) => [p === best ? 'best *' : '', mode(p), cell(p.batch), cell(p.concurrency), cell(p.rows), cell(p.rowsPerSec), cell(p.cpuSPer1k, 3), cores(p.server.milvusCores)]),
  );
}

export function convertTable(c: ConvertCost): string {
  const perSec = (us: number): string => cell(us > 0 ? 1e6 / us : 0);
  return formatTable(
    ['per-record CPU (one core)', 'µs/record', 'max records/s'],
    [
      ['Buffer → string + JSON.parse', cell(c.parseUs, 1), perSec(c.parseUs)],
      ['decodeValue (UTF-8 fatal, parse, exact-int check)', cell(c.decodeUs, 1), perSec(c.decodeUs)],
      ['decodeValue + convertRecord', cell(c.decodeConvertUs, 1), perSec(c.decodeConvertUs)],
      ['dynamic field: SDK row grouping (JSON copy)', cell(c.dynamicSdkUs, 1), perSec(c.dynamicSdkUs)],
      ['dynamic field: row grouping as written', cell(c.dynamicOursUs, 2), perSec(c.dynamicOursUs)],
    ],
  ) + `\n(${cell(c.records)} sample messages of ${cell(c.valueBytes / 1024, 1)} KiB)`;
}

export function runsTable(runs: RunResult[]): string {
  const rows = runs.map((r) => {
    const so = r.scaleOut;
    return [
      `run ${r.run}`,
      cell(r.rawKafka.rowsPerSec),
      cell(rawMilvusRate([r.rawMilvus, r.rawMilvusAfter])),
      cell(r.summary.limitRowsS),
      cell(r.engine.rowsPerSec),
      cell(r.summary.ratio, 3),
      cell(r.engine.cpuSPer1k, 3),
      cell(r.engine.peakRssMb),
      `${cell(r.engine.loopP50Ms, 1)}/${cell(r.engine.loopP99Ms, 1)}`,
      s(r.engine.startupMs),
      so ? cell(so.rowsPerSec) : 'skipped',
      so ? cell(so.rowsPerSec / r.engine.rowsPerSec, 2) : '',
    ];
  });
  return formatTable(
    ['', 'raw kafka r/s', 'raw milvus r/s', 'limit r/s', 'engine r/s', 'ratio', 'cpu_s/1k', 'peak MB', 'loop p50/p99 ms', 'startup s', '2x engine r/s', '2x/1x'],
    rows,
  );
}

export function detailTable(r: RunResult): string {
  const e = r.engine;
  const m = (x: InsertResult, when: string): string[] => [
    `raw Milvus insert, batch ${x.batch} × ${x.concurrency}, ${when}`,
    cell(x.rowsPerSec),
    s(x.ms),
    cell(x.cpuSPer1k, 3),
    cores(x.server.milvusCores),
    cores(x.server.kafkaCores),
    '',
  ];
  const en = (x: EngineRun, label: string, note: string): string[] => [label, cell(x.rowsPerSec), s(x.ms), cell(x.cpuSPer1k, 3), cores(x.server?.milvusCores), cores(x.server?.kafkaCores), note];
  const k = r.rawKafka;
  const rows: string[][] = [
    ['raw Kafka (bare eachBatch, no parse)', cell(k.rowsPerSec), s(k.ms), cell(k.cpuSPer1k, 3), cores(k.server?.milvusCores), cores(k.server?.kafkaCores), `startup ${s(k.startupMs)} s`],
    m(r.rawMilvus, 'before'),
    en(e, 'engine, 1 instance', `startup ${s(e.startupMs)} s, RSS ${cell(e.startRssMb)}→${cell(e.peakRssMb)} MB (heap ${cell(e.peakHeapUsedMb)}, ext ${cell(e.peakExternalMb)}), loop p99/max ${cell(e.loopP99Ms, 1)}/${cell(e.loopMaxMs, 1)} ms`),
    m(r.rawMilvusAfter, 'after'),
  ];
  const so = r.scaleOut;
  if (so) rows.push(en(so, 'engine, 2 instances, 1 group, 4 partitions', `written ${so.counters.map((c) => c.written).join('+')} (${cell(so.counters.reduce((n, c) => n + c.written, 0) - so.rows)} redelivered by the rebalance), peak RSS ${cell(so.peakRssMb)} MB`));
  return formatTable([`run ${r.run}`, 'rows/s', 'seconds', 'cpu_s/1k (ours)', 'milvus cores', 'kafka cores', 'notes'], rows);
}

export function profileTable(p: ProfileSummary): string {
  const areas = formatTable(
    ['engine CPU profile: area', 'self ms', 'share of busy'],
    p.areas.map((a) => [a.name, cell(a.selfMs), `${cell(a.share * 100, 1)}%`]),
  );
  const fns = formatTable(
    ['hottest functions (self time)', 'area', 'self ms', 'share'],
    p.functions.map((f) => [f.name.length > 90 ? `${f.name.slice(0, 89)}…` : f.name, f.area, cell(f.selfMs), `${cell(f.share * 100, 1)}%`]),
  );
  const head = `profile: wall ${s(p.wallMs)} s, busy ${s(p.busyMs)} s (${cell((p.busyMs / Math.max(1, p.wallMs)) * 100, 0)}% of one core), idle ${s(p.idleMs)} s`;
  return `${head}\n${areas}\n\n${fns}`;
}
