// Clients the producer keeps warm between sends: one Kafka producer + admin and one Milvus client per
// saved profile, closed after a minute unused or after a connection failure (the next call
// reconnects). Every failure comes out as a categorized AppFailure naming the endpoint.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import { AppFailure } from '../../shared/errors';
import type { CollectionSchema } from '../../shared/milvus-schema';
import { createKafka } from '../clients/kafka-client';
import { createMilvusClient, describeCollectionSchema } from '../clients/milvus-client';
import { withDeadline } from './deadline';
import { classifyKafkaError, classifyMilvusError } from './error-classify';
import { KAFKA_SECRETS, MILVUS_SECRETS, secretValues } from './profile-secrets';
import type { ConnectionResolver } from './profiles-resolve';

const IDLE_MS = 60_000;
const CONNECT_DEADLINE_MS = 10_000;
const SCHEMA_TTL_MS = 5_000;

export interface KafkaClients {
  conn: KafkaConnection;
  kafka: Kafka;
  producer: Producer;
  admin: Admin;
}

export interface MilvusClients {
  conn: MilvusConnection;
  client: MilvusClient;
  database: string;
}

interface Entry<T> {
  value: Promise<T>;
  timer: NodeJS.Timeout | undefined;
  close(v: T): Promise<void>;
}

export interface ProducerClients {
  kafka(profileId: string): Promise<KafkaClients>;
  milvus(profileId: string, database?: string): Promise<MilvusClients>;
  /** DescribeCollection, cached for a few seconds (live sends describe on every message). */
  schema(profileId: string, collection: string, database?: string): Promise<CollectionSchema>;
  /** Classifies an error of a Kafka call and drops the cached clients when the connection is at fault. */
  kafkaFailure(profileId: string, conn: KafkaConnection, err: unknown): AppFailure;
  milvusFailure(profileId: string, conn: MilvusConnection, err: unknown, database?: string): AppFailure;
  closeAll(): Promise<void>;
}

export function createProducerClients(resolver: ConnectionResolver): ProducerClients {
  const pool = new Map<string, Entry<unknown>>();
  const schemas = new Map<string, { at: number; schema: Promise<CollectionSchema> }>();

  function get<T>(key: string, open: () => Promise<T>, close: (v: T) => Promise<void>): Promise<T> {
    let e = pool.get(key) as Entry<T> | undefined;
    if (!e) {
      e = { value: open(), timer: undefined, close };
      pool.set(key, e as Entry<unknown>);
      const entry = e;
      entry.value.catch(() => {
        if (pool.get(key) === entry) pool.delete(key);
      });
    }
    const entry = e;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void drop(key), IDLE_MS);
    entry.timer.unref();
    return entry.value;
  }

  async function drop(key: string): Promise<void> {
    const e = pool.get(key);
    if (!e) return;
    pool.delete(key);
    clearTimeout(e.timer);
    const v = await e.value.catch(() => undefined);
    if (v !== undefined) await e.close(v).catch(() => undefined);
  }

  const kafkaFailure = (profileId: string, conn: KafkaConnection, err: unknown): AppFailure => {
    if (err instanceof AppFailure) return err;
    const f = classifyKafkaError(err, { endpoint: conn.brokers.join(', '), securityProtocol: conn.securityProtocol, secrets: secretValues(KAFKA_SECRETS, conn) });
    if (f.code !== 'kafka_error' && f.code !== 'validation') void drop(`kafka:${profileId}`);
    return f;
  };
  const milvusFailure = (profileId: string, conn: MilvusConnection, err: unknown, database?: string): AppFailure => {
    if (err instanceof AppFailure) return err;
    const f = classifyMilvusError(err, { endpoint: conn.address, database: database ?? conn.database ?? 'default', secrets: secretValues(MILVUS_SECRETS, conn) });
    if (f.code !== 'milvus_error') void drop(`milvus:${profileId}:${database ?? ''}`);
    return f;
  };

  return {
    kafka: (profileId) =>
      get(
        `kafka:${profileId}`,
        async () => {
          const conn = await resolver.kafkaProfile(profileId);
          const kafka = createKafka(conn, { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 } });
          const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, retry: { retries: 2 } });
          const admin = kafka.admin();
          try {
            await withDeadline(CONNECT_DEADLINE_MS, () => Promise.all([producer.connect(), admin.connect()]));
          } catch (err) {
            await Promise.all([producer.disconnect(), admin.disconnect()]).catch(() => undefined);
            throw kafkaFailure(profileId, conn, err);
          }
          return { conn, kafka, producer, admin };
        },
        async (c) => {
          await Promise.all([c.producer.disconnect(), c.admin.disconnect()]);
        },
      ),

    milvus: (profileId, database) =>
      get(
        `milvus:${profileId}:${database ?? ''}`,
        async () => {
          const conn = await resolver.milvusProfile(profileId);
          const db = database?.trim() || conn.database?.trim() || 'default';
          const client = createMilvusClient(conn, { database: db, timeoutMs: 10_000 });
          try {
            await withDeadline(CONNECT_DEADLINE_MS, () => client.connectPromise);
          } catch (err) {
            await client.closeConnection().catch(() => undefined);
            throw milvusFailure(profileId, conn, err, db);
          }
          return { conn, client, database: db };
        },
        async (c) => {
          await c.client.closeConnection();
        },
      ),

    async schema(profileId, collection, database) {
      const key = `${profileId}:${database ?? ''}:${collection}`;
      const hit = schemas.get(key);
      if (hit && Date.now() - hit.at < SCHEMA_TTL_MS) return hit.schema;
      const schema = (async () => {
        const m = await this.milvus(profileId, database);
        try {
          return await describeCollectionSchema(m.client, collection, m.database);
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          if (/not (?:found|exist)|does not exist|can't find/i.test(text)) {
            throw new AppFailure('not_found', `Collection "${collection}" does not exist in database "${m.database}" on ${m.conn.address}`, text, 'collection');
          }
          throw milvusFailure(profileId, m.conn, err, m.database);
        }
      })();
      schemas.set(key, { at: Date.now(), schema });
      schema.catch(() => schemas.delete(key));
      return schema;
    },

    kafkaFailure,
    milvusFailure,

    closeAll: async () => {
      await Promise.all([...pool.keys()].map(drop));
    },
  };
}
