// Builds a Milvus SDK client from our MilvusConnection and maps DescribeCollection into our own
// CollectionSchema (shared/milvus-schema.ts), so nothing past this file sees the SDK's wire types.
import { MilvusClient, type ClientConfig, type DescribeCollectionResponse, type FieldSchema as SdkField } from '@zilliz/milvus2-sdk-node';
import type { MilvusConnection } from '../../shared/connections';
import {
  SCALAR_TYPES,
  VECTOR_TYPES,
  type ArrayElementType,
  type CollectionSchema,
  type FieldSchema,
  type MilvusDataType,
} from '../../shared/milvus-schema';
import { classifyMilvusError, isSuccess } from './milvus-errors';
import { ClassifiedError } from './types';

export interface MilvusClientOptions {
  /** Overrides the connection's database (a pipeline may target another one). */
  database?: string;
  /** Per-RPC deadline for the SDK's own calls, ms. */
  timeoutMs?: number;
}

export function milvusClientConfig(conn: MilvusConnection, opts: MilvusClientOptions = {}): ClientConfig {
  const address = conn.address.trim();
  const https = /^https:\/\//i.test(address);
  const config: ClientConfig = {
    address,
    ssl: https || conn.tls !== undefined,
    timeout: opts.timeoutMs ?? 30_000,
    // SDK logs at debug include request bodies (row data): never go below 'error'.
    logLevel: 'error',
    // grpc-js backs off reconnects up to 120 s by default; recover within seconds of Milvus returning.
    channelOptions: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5_000 },
  };
  if (conn.token) config.token = conn.token;
  else if (conn.username) {
    config.username = conn.username;
    config.password = conn.password ?? '';
  }
  const database = opts.database ?? conn.database;
  if (database) config.database = database;
  if (conn.tls) {
    config.tls = {};
    if (conn.tls.caPem) config.tls.rootCert = Buffer.from(conn.tls.caPem);
    if (conn.tls.skipVerify) config.tls.skipCertCheck = true;
    if (conn.tls.serverName) config.tls.serverName = conn.tls.serverName;
  }
  return config;
}

export function createMilvusClient(conn: MilvusConnection, opts: MilvusClientOptions = {}): MilvusClient {
  const client = new MilvusClient(milvusClientConfig(conn, opts));
  // The constructor connects in the background; when the server is down that promise rejects with
  // nobody listening, which would crash the process. Calls report their own errors anyway.
  client.connectPromise.catch(() => undefined);
  return client;
}

const SUPPORTED = new Set<string>([...SCALAR_TYPES, ...VECTOR_TYPES]);

function toType(sdkType: string | undefined, field: string): MilvusDataType {
  if (sdkType && SUPPORTED.has(sdkType)) return sdkType as MilvusDataType;
  throw new ClassifiedError('fatal', `field ${field}: Milvus type ${sdkType ?? 'unknown'} is not supported by this version`);
}

function toInt(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Default values arrive as numbers, strings, booleans or int64 Long-likes; keep exact digits. */
function toDefault(v: unknown): boolean | number | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function') return String(v);
  return undefined;
}

export function mapField(f: SdkField): FieldSchema {
  const typed = f as SdkField & Record<string, unknown>;
  const out: FieldSchema = { name: f.name, dataType: toType(f.data_type, f.name) };
  if (f.description) out.description = f.description;
  if (f.is_primary_key) out.isPrimaryKey = true;
  if (f.autoID) out.autoID = true;
  const dim = toInt(typed.dim);
  if (dim !== undefined && out.dataType !== 'SparseFloatVector') out.dim = dim;
  const maxLength = toInt(typed.max_length);
  if (maxLength !== undefined) out.maxLength = maxLength;
  if (out.dataType === 'Array') {
    out.elementType = toType(f.element_type, `${f.name} (element)`) as ArrayElementType;
    const cap = toInt(typed.max_capacity);
    if (cap !== undefined) out.maxCapacity = cap;
  }
  if (f.nullable) out.nullable = true;
  const def = toDefault(f.default_value);
  if (def !== undefined) out.defaultValue = def;
  if (f.is_partition_key) out.isPartitionKey = true;
  if (f.is_function_output) out.isFunctionOutput = true;
  return out;
}

export function mapCollectionSchema(res: DescribeCollectionResponse): CollectionSchema {
  const schema: CollectionSchema = {
    name: res.schema.name || res.collection_name,
    fields: res.schema.fields.filter((f) => !f.is_dynamic).map(mapField),
    enableDynamicField: res.schema.enable_dynamic_field === true,
  };
  if (res.schema.description) schema.description = res.schema.description;
  // Fields filled by a function (BM25 output) must never be supplied by messages.
  for (const fn of res.schema.functions ?? []) {
    for (const name of fn.output_field_names ?? []) {
      const field = schema.fields.find((x) => x.name === name);
      if (field) field.isFunctionOutput = true;
    }
  }
  return schema;
}

export async function describeCollectionSchema(client: MilvusClient, collection: string, database?: string): Promise<CollectionSchema> {
  let res: DescribeCollectionResponse;
  try {
    res = await client.describeCollection({ collection_name: collection, cache: false, ...(database ? { db_name: database } : {}) });
  } catch (e) {
    const f = classifyMilvusError(e);
    throw new ClassifiedError(f.kind, f.reason);
  }
  if (!isSuccess(res.status)) {
    const f = classifyMilvusError(res);
    throw new ClassifiedError(f.kind === 'permanent' ? 'fatal' : f.kind, f.reason);
  }
  return mapCollectionSchema(res);
}
