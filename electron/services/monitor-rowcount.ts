// Milvus row counts for the monitor: GetCollectionStatistics (cheap, Milvus Lite has it) on a client
// kept per connection, since building a client parses the SDK's protos. Idle clients are closed.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import type { MilvusConnection } from '../../shared/connections';
import { createMilvusClient } from '../clients/milvus-client';
import { isSuccess } from '../clients/milvus-errors';
import { withDeadline } from './deadline';
import { classifyMilvusError } from './error-classify';
import { MILVUS_SECRETS, secretValues } from './profile-secrets';

const IDLE_MS = 60_000;
const DEADLINE_MS = 8_000;

export interface RowCounter {
  count(conn: MilvusConnection, collection: string, database?: string): Promise<number>;
  close(): Promise<void>;
}

interface Cached {
  client: MilvusClient;
  timer?: NodeJS.Timeout;
}

export function createRowCounter(): RowCounter {
  const clients = new Map<string, Cached>();

  const drop = (key: string): void => {
    const c = clients.get(key);
    if (!c) return;
    clients.delete(key);
    clearTimeout(c.timer);
    void c.client.closeConnection().catch(() => undefined);
  };

  function clientFor(conn: MilvusConnection, database: string | undefined): MilvusClient {
    const key = JSON.stringify([conn, database ?? null]);
    let c = clients.get(key);
    if (!c) {
      c = { client: createMilvusClient(conn, { timeoutMs: DEADLINE_MS, ...(database ? { database } : {}) }) };
      clients.set(key, c);
    }
    clearTimeout(c.timer);
    c.timer = setTimeout(() => drop(key), IDLE_MS);
    c.timer.unref();
    return c.client;
  }

  return {
    async count(conn, collection, database) {
      const db = database ?? conn.database;
      const client = clientFor(conn, db);
      try {
        return await withDeadline(DEADLINE_MS, async () => {
          const res = await client.getCollectionStatistics({ collection_name: collection, ...(db ? { db_name: db } : {}) });
          if (!isSuccess(res.status)) throw res;
          const n = Number(res.data?.row_count);
          if (!Number.isFinite(n)) throw new Error(`no row count for ${collection}`);
          return n;
        });
      } catch (err) {
        throw classifyMilvusError(err, { endpoint: conn.address, database: db ?? 'default', secrets: secretValues(MILVUS_SECRETS, conn) });
      }
    },
    async close() {
      for (const key of [...clients.keys()]) drop(key);
    },
  };
}
