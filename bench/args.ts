// Command-line options of `npm run bench -- [options]`. Pure: parsing and validation only.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  records: number;
  dim: number;
  runs: number;
  partitions: number;
  /** Rows per combination of the raw Milvus sweep (the first rows of the data set). */
  sweepRecords: number;
  sweepBatches: number[];
  sweepConcurrency: number[];
  scaleOut: boolean;
  /** Run the engine once more under --cpu-prof and summarize where its CPU time went. */
  profile: boolean;
  /** Engine overrides for experiments; undefined = the product defaults (PIPELINE_DEFAULTS). */
  engineBatch: number | undefined;
  engineInFlight: number | undefined;
  /** Experiment: patch the SDK requests in the engine workers (see engine-worker.ts). */
  sdkJsonStub: boolean;
  /** Renderer update p95 (builds the renderer, drives Chromium); --renderer-only runs just that. */
  renderer: boolean;
  rendererOnly: boolean;
  seed: number;
  keep: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --records N          records in the data set (default 50000; 5000 for a quick run)
  --dim N              vector dimension (default 768)
  --runs N             repeat the measurements and report medians (default 1)
  --partitions N       partitions of the main topic (default 3)
  --sweep-records N    rows per raw-Milvus sweep point (default records/8, within 2000..6000)
  --sweep-batches L    comma list (default 100,250,500,1000,2000)
  --sweep-concurrency L comma list (default 1,2,4)
  --no-scale-out       skip the two-instance consumer-group run
  --profile            also profile the engine (node --cpu-prof) and print the hot spots
  --engine-batch N     engine batchSize override (default: the product default)
  --engine-inflight N  engine maxInFlightBatches override (default: the product default)
  --sdk-json-stub      experiment: engine workers give SDK requests a toJSON() (not for the headline)
  --no-renderer        skip the monitor update-time measurement (Chromium)
  --renderer-only      only measure the monitor update time
  --seed N             data-set seed (default 42)
  --keep               keep topics and collections (for inspection)`;

function int(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: expected an integer in [${min}, ${max}], got ${v}`);
  return n;
}

function list(name: string, v: string | undefined, min: number, max: number): number[] | undefined {
  if (v === undefined) return undefined;
  const xs = v.split(',').map((s) => int(name, s.trim(), min, max) as number);
  if (!xs.length) throw new Error(`--${name}: empty list`);
  return [...new Set(xs)].sort((a, b) => a - b);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      records: { type: 'string' },
      dim: { type: 'string' },
      runs: { type: 'string' },
      partitions: { type: 'string' },
      'sweep-records': { type: 'string' },
      'sweep-batches': { type: 'string' },
      'sweep-concurrency': { type: 'string' },
      'no-scale-out': { type: 'boolean' },
      profile: { type: 'boolean' },
      'engine-batch': { type: 'string' },
      'engine-inflight': { type: 'string' },
      'sdk-json-stub': { type: 'boolean' },
      'no-renderer': { type: 'boolean' },
      'renderer-only': { type: 'boolean' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const records = int('records', values.records, 1, 10_000_000) ?? 50_000;
  const sweepRecords = int('sweep-records', values['sweep-records'], 1, 10_000_000) ?? Math.min(6_000, Math.max(2_000, Math.round(records / 8)));
  return {
    records,
    dim: int('dim', values.dim, 2, 32_768) ?? 768,
    runs: int('runs', values.runs, 1, 50) ?? 1,
    partitions: int('partitions', values.partitions, 1, 64) ?? 3,
    sweepRecords: Math.min(sweepRecords, records),
    sweepBatches: list('sweep-batches', values['sweep-batches'], 1, 100_000) ?? [100, 250, 500, 1000, 2000],
    sweepConcurrency: list('sweep-concurrency', values['sweep-concurrency'], 1, 64) ?? [1, 2, 4],
    scaleOut: values['no-scale-out'] !== true,
    profile: values.profile === true,
    engineBatch: int('engine-batch', values['engine-batch'], 1, 100_000),
    engineInFlight: int('engine-inflight', values['engine-inflight'], 1, 64),
    sdkJsonStub: values['sdk-json-stub'] === true,
    renderer: values['no-renderer'] !== true,
    rendererOnly: values['renderer-only'] === true,
    seed: int('seed', values.seed, 0, 2 ** 31 - 1) ?? 42,
    keep: values.keep === true,
    help: values.help === true,
  };
}
