// 'milvus.*' against the real sandbox Milvus (Milvus Lite): test, databases, collections with row
// counts, describe, and the failures the wizard explains.
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MilvusConnection } from '../../shared/connections';
import { AppFailure } from '../../shared/errors';
import { milvusHandlers } from '../../electron/services/milvus-service';
import { makeTestContext } from '../unit/services/support/context';

const address = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';
const sandbox: MilvusConnection = { address };
const ctx = makeTestContext();
const h = milvusHandlers(ctx);
const suffix = randomUUID().slice(0, 8).replace(/-/g, '');
const collection = `svc_${suffix}`;
const database = `svc_db_${suffix}`;
const sdk = new MilvusClient({ address, logLevel: 'error' });

beforeAll(async () => {
  const created = await sdk.createCollection({
    collection_name: collection,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'title', data_type: DataType.VarChar, max_length: 200 },
      { name: 'vector', data_type: DataType.FloatVector, dim: 4 },
    ],
    enable_dynamic_field: true,
  });
  expect(created.error_code).toBe('Success');
  await sdk.insert({ collection_name: collection, data: [1, 2, 3].map((id) => ({ id, title: `t${id}`, vector: [id, 0, 0, 1] })) });
  expect((await sdk.createDatabase({ db_name: database })).error_code).toBe('Success');
  await sdk.createCollection({
    db_name: database,
    collection_name: `${collection}_in_db`,
    fields: [
      { name: 'pk', data_type: DataType.VarChar, max_length: 64, is_primary_key: true },
      { name: 'v', data_type: DataType.FloatVector, dim: 2 },
    ],
  });
});

afterAll(async () => {
  await sdk.dropCollection({ collection_name: collection }).catch(() => undefined);
  await sdk.dropCollection({ db_name: database, collection_name: `${collection}_in_db` }).catch(() => undefined);
  await sdk.dropDatabase({ db_name: database }).catch(() => undefined);
  await sdk.closeConnection();
  ctx.cleanup();
});

/** Handlers may answer synchronously or not; either way the failure is what we want. */
async function failure(p: unknown): Promise<AppFailure> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

describe('milvus.test', () => {
  it('reports version, databases and the collections of the default database', async () => {
    const res = await h['milvus.test']({ milvus: sandbox });
    expect(res.serverVersion).toMatch(/\S/);
    expect(res.database).toBe('default');
    expect(res.databases).toEqual(expect.arrayContaining(['default', database]));
    expect(res.collections).toContain(collection);
    expect(res.collections).not.toContain(`${collection}_in_db`);
    expect(res.latencyMs).toBeLessThan(5_000);
  });

  it('lists the collections of the chosen database', async () => {
    const res = await h['milvus.test']({ milvus: { ...sandbox, database } });
    expect(res).toMatchObject({ database, collections: [`${collection}_in_db`] });
  });

  it('says a database does not exist, listing the ones that do', async () => {
    const err = await failure(h['milvus.test']({ milvus: { ...sandbox, database: 'no_such_db' } }));
    expect(err).toMatchObject({ code: 'milvus_database_not_found', where: 'database' });
    expect(err.message).toMatch(/^Database "no_such_db" does not exist on .*: choose one of "default"/);
  });

  it('says nothing is listening on an unused port, within 10 s', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    const t0 = Date.now();
    const err = await failure(h['milvus.test']({ milvus: { address: `127.0.0.1:${port}` } }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err.code).toBe('milvus_refused');
    expect(err.message).toBe(`Nothing is listening on 127.0.0.1:${port}: check the port or start Milvus`);
  });

  it('says the host name does not resolve', async () => {
    const err = await failure(h['milvus.test']({ milvus: { address: 'milvus.studio-test.invalid:19530' } }));
    expect(err.code).toBe('milvus_dns');
    expect(err.message).toContain('milvus.studio-test.invalid');
  });

  it('says a plain port does not speak TLS', async () => {
    const err = await failure(h['milvus.test']({ milvus: { address: `https://${address.replace(/^\w+:\/\//, '')}` } }));
    expect(err.code).toBe('milvus_tls');
  });
});

describe('milvus collections', () => {
  it('lists collections with row counts', async () => {
    const list = await h['milvus.listCollections']({ milvus: sandbox });
    expect(list.find((c) => c.name === collection)).toEqual({ name: collection, rowCount: 3 });
    expect(await h['milvus.listCollections']({ milvus: { ...sandbox, database } })).toEqual([{ name: `${collection}_in_db`, rowCount: 0 }]);
  });

  it('describes a collection as our own schema', async () => {
    const schema = await h['milvus.describeCollection']({ milvus: sandbox }, collection);
    expect(schema).toMatchObject({ name: collection, enableDynamicField: true });
    expect(schema.fields).toEqual([
      expect.objectContaining({ name: 'id', dataType: 'Int64', isPrimaryKey: true }),
      expect.objectContaining({ name: 'title', dataType: 'VarChar', maxLength: 200 }),
      expect.objectContaining({ name: 'vector', dataType: 'FloatVector', dim: 4 }),
    ]);
    const inDb = await h['milvus.describeCollection']({ milvus: { ...sandbox, database } }, `${collection}_in_db`);
    expect(inDb.fields.map((f) => f.name)).toEqual(['pk', 'v']);
  });

  it('says a collection does not exist', async () => {
    const err = await failure(h['milvus.describeCollection']({ milvus: sandbox }, 'no_such_collection'));
    expect(err).toMatchObject({ code: 'not_found', where: 'collection' });
    expect(err.message).toContain('"no_such_collection"');
  });
});
