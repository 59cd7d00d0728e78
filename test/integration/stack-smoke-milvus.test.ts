// The local sandbox's Milvus answers the SDK calls the product relies on, end to end.
import { randomUUID } from 'node:crypto';
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, describe, expect, it } from 'vitest';

const client = new MilvusClient({ address: process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530' });
const collection = `smoke_${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await client.dropCollection({ collection_name: collection }).catch(() => undefined);
  await client.closeConnection();
});

describe('local Milvus', () => {
  it('reports its version and the default database', async () => {
    const version = await client.getVersion();
    expect(version.version).toMatch(/\d+\.\d+/);
    const dbs = await client.listDatabases();
    expect(dbs.db_names).toContain('default');
  });

  it('creates, fills, indexes, loads, queries, searches and drops a collection', async () => {
    await client.createCollection({
      collection_name: collection,
      enable_dynamic_field: true,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
        { name: 'title', data_type: DataType.VarChar, max_length: 256 },
        { name: 'vec', data_type: DataType.FloatVector, dim: 4 },
      ],
    });
    const rows = [
      { id: 1, title: 'one', vec: [1, 0, 0, 0], source: 'smoke' },
      { id: '9007199254740993', title: 'big', vec: [0, 1, 0, 0] },
      { id: 3, title: 'three', vec: [0, 0, 1, 0] },
    ];
    const inserted = await client.insert({ collection_name: collection, data: rows });
    expect(inserted.status.error_code).toBe('Success');
    expect(Number(inserted.insert_cnt ?? inserted.succ_index.length)).toBe(3);
    expect((await client.flush({ collection_names: [collection] })).status.error_code).toBe('Success');
    const index = await client.createIndex({ collection_name: collection, field_name: 'vec', index_type: 'AUTOINDEX', metric_type: 'L2' });
    expect(index.error_code).toBe('Success');
    expect((await client.loadCollection({ collection_name: collection })).error_code).toBe('Success');

    const queried = await client.query({ collection_name: collection, filter: 'id in [1, 9007199254740993]', output_fields: ['id', 'title', 'source'] });
    const byId = new Map(queried.data.map((r) => [String(r.id), r]));
    expect(byId.get('1')?.title).toBe('one');
    // Dynamic fields are kept; Milvus returns them by name, Milvus Lite nested under $meta.
    const one = byId.get('1') as { source?: string; $meta?: { source?: string } } | undefined;
    expect(one?.source ?? one?.$meta?.source).toBe('smoke');
    expect(byId.get('9007199254740993')?.title).toBe('big'); // Int64 beyond 2^53 kept exact

    const found = await client.search({ collection_name: collection, data: [[0, 0, 1, 0]], limit: 2, output_fields: ['title'] });
    expect(found.results[0]?.title).toBe('three');

    expect((await client.dropCollection({ collection_name: collection })).error_code).toBe('Success');
    expect((await client.hasCollection({ collection_name: collection })).value).toBe(false);
  });
});
