// 'milvus.*' for the connection wizard: test a connection, list collections with row counts,
// describe one collection. Each call uses its own short-lived client and always closes it.
// Milvus Lite (the sandbox) and older servers lack some RPCs; those degrade instead of failing.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import type { MilvusConnection } from '../../shared/connections';
import type { CollectionSummary, MilvusTestResult } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { createMilvusClient, describeCollectionSchema } from '../clients/milvus-client';
import { isSuccess } from '../clients/milvus-errors';
import type { Handlers, ServiceContext } from '../rpc/types';
import { mapLimit, withDeadline } from './deadline';
import { classifyMilvusError, isUnimplemented } from './error-classify';
import { MILVUS_SECRETS, secretValues } from './profile-secrets';
import { createConnectionResolver, type ConnectionResolver } from './profiles-resolve';

type MilvusCommands = 'milvus.test' | 'milvus.listCollections' | 'milvus.describeCollection';

const RPC_TIMEOUT_MS = 5_000;
export const TEST_DEADLINE_MS = 10_000;
const LIST_DEADLINE_MS = 30_000;
/** Row counts cost one RPC per collection: only the first ones get a count. */
const COUNTED_COLLECTIONS = 200;
export const DEFAULT_DATABASE = 'default';

export function milvusHandlers(ctx: ServiceContext, resolver: ConnectionResolver = createConnectionResolver(ctx)): Pick<Handlers, MilvusCommands> {
  return {
    'milvus.test': async (target) => {
      const conn = await resolver.resolveMilvus(target);
      const database = databaseOf(conn);
      return withClient(conn, TEST_DEADLINE_MS, async (client, startedAt): Promise<MilvusTestResult> => {
        const serverVersion = await serverVersionOf(client);
        const latencyMs = Math.round(performance.now() - startedAt);
        const databases = await listDatabases(client);
        if (!databases.includes(database)) throw databaseMissing(conn, database, databases);
        const collections = await collectionNames(client, database);
        return { serverVersion, database, databases, collections, latencyMs };
      });
    },

    'milvus.listCollections': async (target) => {
      const conn = await resolver.resolveMilvus(target);
      const database = databaseOf(conn);
      return withClient(conn, LIST_DEADLINE_MS, async (client) => {
        const names = await collectionNames(client, database);
        return mapLimit(names, 4, async (name, i): Promise<CollectionSummary> => {
          if (i >= COUNTED_COLLECTIONS) return { name };
          const rowCount = await rowCountOf(client, name, database);
          return rowCount === undefined ? { name } : { name, rowCount };
        });
      });
    },

    'milvus.describeCollection': async (target, collection) => {
      const conn = await resolver.resolveMilvus(target);
      const database = databaseOf(conn);
      return withClient(conn, LIST_DEADLINE_MS, async (client) => {
        try {
          return await describeCollectionSchema(client, collection, database);
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          if (/collection\b.*\b(?:does not exist|not (?:found|exist))|can't find collection/i.test(text)) {
            throw new AppFailure('not_found', `Collection "${collection}" does not exist in database "${database}" on ${conn.address}: pick one from the list or create it`, text, 'collection');
          }
          throw err;
        }
      });
    },
  };
}

const databaseOf = (conn: MilvusConnection): string => conn.database?.trim() || DEFAULT_DATABASE;

async function withClient<T>(conn: MilvusConnection, deadlineMs: number, fn: (client: MilvusClient, startedAt: number) => Promise<T>): Promise<T> {
  const client = createMilvusClient(conn, { timeoutMs: RPC_TIMEOUT_MS });
  // after construction (which parses the protos, ~0.3 s): latency is the network's, not ours
  const startedAt = performance.now();
  try {
    return await withDeadline(deadlineMs, async () => {
      // the Connect RPC: reachability, TLS and credentials fail here, with the raw gRPC error
      await client.connectPromise;
      return fn(client, startedAt);
    });
  } catch (err) {
    throw classifyMilvusError(err, { endpoint: conn.address, database: databaseOf(conn), secrets: secretValues(MILVUS_SECRETS, conn) });
  } finally {
    await client.closeConnection().catch(() => undefined);
  }
}

type Status = Parameters<typeof isSuccess>[0];

/** RPCs report most failures in a returned status rather than by throwing (some response types omit it). */
function ok<T extends object>(res: T): T {
  if (!isSuccess((res as { status?: Status }).status)) throw res;
  return res;
}

/** GetVersion, else the build tags sent at Connect, else "unknown": a version is informative only. */
async function serverVersionOf(client: MilvusClient): Promise<string> {
  try {
    const res = ok(await client.getVersion());
    if (res.version) return res.version;
  } catch (err) {
    if (!isUnimplemented(err)) throw err;
  }
  const tags = client.serverInfo?.build_tags;
  return tags ? String(tags) : 'unknown';
}

/** ListDatabases, or just "default" on servers without databases (Milvus < 2.2.9, some Lite builds). */
async function listDatabases(client: MilvusClient): Promise<string[]> {
  try {
    const names = ok(await client.listDatabases()).db_names;
    return names.length > 0 ? names : [DEFAULT_DATABASE];
  } catch (err) {
    if (isUnimplemented(err)) return [DEFAULT_DATABASE];
    throw err;
  }
}

async function collectionNames(client: MilvusClient, database: string): Promise<string[]> {
  const res = ok(await client.showCollections({ db_name: database }));
  return res.data.map((c) => c.name).sort((a, b) => a.localeCompare(b));
}

async function rowCountOf(client: MilvusClient, collection: string, database: string): Promise<number | undefined> {
  try {
    const res = await client.getCollectionStatistics({ collection_name: collection, db_name: database });
    const raw: unknown = isSuccess(res.status) ? res.data?.row_count : undefined;
    const n = Number(raw);
    return raw !== undefined && Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined; // a count is a nicety; the collection is listed without one
  }
}

function databaseMissing(conn: MilvusConnection, database: string, databases: string[]): AppFailure {
  return new AppFailure(
    'milvus_database_not_found',
    `Database "${database}" does not exist on ${conn.address}: choose one of ${databases.map((d) => `"${d}"`).join(', ')}`,
    `ListDatabases returned: ${databases.join(', ')}`,
    'database',
  );
}
