// Real Milvus helpers for tests: the example collection, counts and clean-up.
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { MILVUS_ADDRESS } from './env';

export function testMilvus(address = MILVUS_ADDRESS): MilvusClient {
  const client = new MilvusClient({ address, logLevel: 'error' });
  client.connectPromise.catch(() => undefined);
  return client;
}

/** The tutorial's collection: id Int64 PK, title VarChar 512, title_vector FloatVector 8, link VarChar 512. */
export async function createExampleCollection(client: MilvusClient, name: string, opts: { autoID?: boolean; dynamic?: boolean; titleMaxLength?: number } = {}): Promise<void> {
  const res = await client.createCollection({
    collection_name: name,
    enable_dynamic_field: opts.dynamic ?? false,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: opts.autoID ?? false },
      { name: 'title', data_type: DataType.VarChar, max_length: opts.titleMaxLength ?? 512 },
      { name: 'title_vector', data_type: DataType.FloatVector, dim: 8 },
      { name: 'link', data_type: DataType.VarChar, max_length: 512 },
    ],
  });
  if (res.error_code !== 'Success') throw new Error(`createCollection failed: ${res.reason}`);
}

/** Makes the collection searchable (index + load); inserts do not need it, queries here do. */
export async function loadCollection(client: MilvusClient, name: string): Promise<void> {
  await client.createIndex({ collection_name: name, field_name: 'title_vector', index_type: 'AUTOINDEX', metric_type: 'L2' });
  await client.loadCollection({ collection_name: name });
}

export async function countRows(client: MilvusClient, name: string): Promise<number> {
  const res = await client.query({ collection_name: name, filter: '', output_fields: ['count(*)'] });
  if (res.status.error_code !== 'Success') throw new Error(`count failed: ${res.status.reason}`);
  return Number(res.data[0]?.['count(*)'] ?? 0);
}

export async function allIds(client: MilvusClient, name: string, total: number): Promise<Set<number>> {
  const ids = new Set<number>();
  const page = 5_000;
  for (let lo = 0; lo < total; lo += page) {
    const res = await client.query({ collection_name: name, filter: `id >= ${lo} and id < ${lo + page}`, output_fields: ['id'], limit: page });
    for (const row of res.data) ids.add(Number(row.id));
  }
  return ids;
}

export async function dropCollection(client: MilvusClient, name: string): Promise<void> {
  await client.dropCollection({ collection_name: name }).catch(() => undefined);
}
