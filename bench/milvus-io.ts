// Milvus side of the benchmark: the collection, and the raw insert limit (the SDK inserting
// pre-built rows, sweeping batch size × concurrency on a subset, then the best on the full set).
import { DataType, MilvusClient, type RowData } from '@zilliz/milvus2-sdk-node';
import type { BenchRecord } from './data';
import { serverCpuWindow, type ServerCpu } from './server-cpu';
import { ratePerSec } from './stats';

export const MILVUS_ADDRESS = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';

export function benchMilvus(): MilvusClient {
  const client = new MilvusClient({ address: MILVUS_ADDRESS, logLevel: 'error', timeout: 120_000 });
  client.connectPromise.catch(() => undefined);
  return client;
}

/** The seed example's schema: id Int64 PK (no autoID), title VarChar, title_vector FloatVector, link VarChar. */
export async function createBenchCollection(client: MilvusClient, name: string, dim: number): Promise<void> {
  const res = await client.createCollection({
    collection_name: name,
    enable_dynamic_field: false,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'title', data_type: DataType.VarChar, max_length: 512 },
      { name: 'title_vector', data_type: DataType.FloatVector, dim },
      { name: 'link', data_type: DataType.VarChar, max_length: 512 },
    ],
  });
  if (res.error_code !== 'Success') throw new Error(`createCollection ${name} failed: ${res.reason}`);
}

export async function dropCollection(client: MilvusClient, name: string): Promise<void> {
  await client.dropCollection({ collection_name: name }).catch(() => undefined);
}

export async function countRows(client: MilvusClient, name: string): Promise<number> {
  await client.flush({ collection_names: [name] }).catch(() => undefined);
  const res = await client.query({ collection_name: name, filter: '', output_fields: ['count(*)'] });
  if (res.status.error_code !== 'Success') throw new Error(`count failed: ${res.status.reason}`);
  return Number(res.data[0]?.['count(*)'] ?? 0);
}

export type WriteMode = 'insert' | 'upsert';

export interface InsertOptions {
  mode?: WriteMode;
  /**
   * Give each request a toJSON() so the SDK's retry interceptor (utils/Grpc.js sendMessage), which
   * JSON.stringify()s every request for a debug log line whatever the log level, serializes a
   * placeholder instead of every vector. An experiment point, not used for the limit.
   */
  stubJson?: boolean;
  /** Verify with a flush + count(*) query (slow on Milvus Lite) instead of the reply counts. */
  countAfter?: boolean;
}

export interface InsertResult {
  mode: WriteMode;
  stubJson: boolean;
  rows: number;
  batch: number;
  concurrency: number;
  ms: number;
  rowsPerSec: number;
  /** CPU of this process (SDK row → column building, protobuf encoding, gRPC) per 1,000 rows. */
  cpuSPer1k: number;
  server: ServerCpu;
}

/** Writes `rows` in batches with `concurrency` calls in flight; first call → last reply. */
export async function insertRows(
  client: MilvusClient,
  collection: string,
  rows: readonly BenchRecord[],
  batch: number,
  concurrency: number,
  opts: InsertOptions = {},
): Promise<InsertResult> {
  const mode = opts.mode ?? 'insert';
  const stubJson = opts.stubJson === true;
  let next = 0;
  let acked = 0;
  const worker = async (): Promise<void> => {
    while (next < rows.length) {
      const from = next;
      next = Math.min(rows.length, from + batch);
      const req = { collection_name: collection, data: rows.slice(from, next) as unknown as RowData[], timeout: 120_000 };
      if (stubJson) Object.assign(req, { toJSON: () => `[${mode} ${collection}]` });
      const res = mode === 'upsert' ? await client.upsert(req) : await client.insert(req);
      if (res.status.error_code !== 'Success') throw new Error(`${mode} failed: ${res.status.reason}`);
      acked += Number(mode === 'upsert' ? res.upsert_cnt : res.insert_cnt);
    }
  };
  // Warm the SDK's describe cache so the first timed call does not pay for it.
  await client.describeCollection({ collection_name: collection });
  const cpu0 = process.cpuUsage();
  const server = serverCpuWindow();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (acked !== rows.length) throw new Error(`${collection}: Milvus acknowledged ${acked} of ${rows.length} rows`);
  return {
    mode,
    stubJson,
    rows: rows.length,
    batch,
    concurrency,
    ms,
    rowsPerSec: ratePerSec(rows.length, ms),
    cpuSPer1k: ((cpu.user + cpu.system) / 1e6 / rows.length) * 1000,
    server: server(),
  };
}

/** Inserts into a fresh collection that is dropped afterwards, so every point starts equal. */
export async function insertFresh(
  client: MilvusClient,
  name: string,
  dim: number,
  rows: readonly BenchRecord[],
  batch: number,
  concurrency: number,
  opts: InsertOptions = {},
): Promise<InsertResult> {
  await createBenchCollection(client, name, dim);
  try {
    const r = await insertRows(client, name, rows, batch, concurrency, opts);
    if (opts.countAfter) {
      const n = await countRows(client, name);
      if (n !== rows.length) throw new Error(`${name}: expected ${rows.length} rows after ${r.mode}, found ${n}`);
    }
    return r;
  } finally {
    await dropCollection(client, name);
  }
}

export interface Sweep {
  points: InsertResult[];
  best: InsertResult;
}

/** Batch size × concurrency on the subset; the best point is the fastest. */
export async function sweepInsert(
  client: MilvusClient,
  nameOf: (batch: number, concurrency: number) => string,
  dim: number,
  subset: readonly BenchRecord[],
  batches: readonly number[],
  concurrencies: readonly number[],
  onPoint: (r: InsertResult) => void,
): Promise<Sweep> {
  const points: InsertResult[] = [];
  for (const b of batches) {
    // A point needs at least two calls, unless no batch size qualifies.
    if (subset.length < 2 * b && batches.some((x) => subset.length >= 2 * x)) continue;
    for (const c of concurrencies) {
      if (c > 1 && Math.ceil(subset.length / b) < c) continue; // not enough batches to overlap
      const r = await insertFresh(client, nameOf(b, c), dim, subset, b, c);
      points.push(r);
      onPoint(r);
    }
  }
  const best = points.reduce((a, b) => (b.rowsPerSec > a.rowsPerSec ? b : a));
  return { points, best };
}
