// Milvus helpers for the drills: collections, counts and reading ids back.
import { DataType, MilvusClient, type FieldType } from '@zilliz/milvus2-sdk-node';
import { DEFAULT_MILVUS } from './env';

export const DIM = 8;

export function milvusClient(address = DEFAULT_MILVUS): MilvusClient {
  const client = new MilvusClient({ address, logLevel: 'error', timeout: 30_000 });
  client.connectPromise.catch(() => undefined);
  return client;
}

/** The drills' collection: id Int64 PK, title VarChar(64), vec FloatVector(8); no dynamic field. */
export const DRILL_FIELDS: FieldType[] = [
  { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
  { name: 'title', data_type: DataType.VarChar, max_length: 64 },
  { name: 'vec', data_type: DataType.FloatVector, dim: DIM },
];

export async function createCollection(client: MilvusClient, name: string, fields: FieldType[] = DRILL_FIELDS, dynamic = false): Promise<void> {
  const res = await client.createCollection({ collection_name: name, enable_dynamic_field: dynamic, fields });
  if (res.error_code !== 'Success') throw new Error(`createCollection ${name} failed: ${res.reason}`);
}

export async function dropCollection(client: MilvusClient, name: string): Promise<void> {
  await client.dropCollection({ collection_name: name }).catch(() => undefined);
}

export async function countRows(client: MilvusClient, name: string): Promise<number> {
  const res = await client.query({ collection_name: name, filter: '', output_fields: ['count(*)'] });
  if (res.status.error_code !== 'Success') throw new Error(`count failed: ${res.status.reason}`);
  return Number(res.data[0]?.['count(*)'] ?? 0);
}

export interface StoredRows {
  rows: Map<number, Record<string, unknown>>;
  /** Rows the queries returned, duplicates included (more than rows.size means duplicated ids). */
  returned: number;
}

/** Rows with ids in [0, maxId), paged by id range; `fields` are returned besides id. */
export async function rowsById(client: MilvusClient, name: string, maxId: number, fields: string[] = []): Promise<StoredRows> {
  const rows = new Map<number, Record<string, unknown>>();
  let returned = 0;
  const page = 4_000;
  for (let lo = 0; lo < maxId; lo += page) {
    const res = await client.query({ collection_name: name, filter: `id >= ${lo} and id < ${lo + page}`, output_fields: ['id', ...fields], limit: 16_000 });
    if (res.status.error_code !== 'Success') throw new Error(`query failed: ${res.status.reason}`);
    returned += res.data.length;
    for (const row of res.data) rows.set(Number(row.id), row);
  }
  return { rows, returned };
}
