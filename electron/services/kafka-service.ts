// 'kafka.*' for the connection wizard: test a connection, list topics with sizes, create a topic.
// Each call builds a short-lived admin client with tight timeouts and always disconnects it.
import type { Admin } from 'kafkajs';
import type { KafkaConnection } from '../../shared/connections';
import type { KafkaTestResult, TopicInfo } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { createKafka } from '../clients/kafka-client';
import type { Handlers, ServiceContext } from '../rpc/types';
import { mapLimit, withDeadline } from './deadline';
import { classifyKafkaError, collectFacts } from './error-classify';
import { KAFKA_SECRETS, secretValues } from './profile-secrets';
import { createConnectionResolver, type ConnectionResolver } from './profiles-resolve';

type KafkaCommands = 'kafka.test' | 'kafka.listTopics' | 'kafka.createTopic';

/** Fail fast on a wrong address: one retry, short timeouts, and an overall deadline per call. */
const CLIENT_TIMEOUTS = {
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 5_000,
  retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
};
export const TEST_DEADLINE_MS = 8_000;
const LIST_DEADLINE_MS = 30_000;

export function kafkaHandlers(ctx: ServiceContext, resolver: ConnectionResolver = createConnectionResolver(ctx)): Pick<Handlers, KafkaCommands> {
  return {
    'kafka.test': async (target) =>
      withAdmin(await resolver.resolveKafka(target), TEST_DEADLINE_MS, async (admin, startedAt): Promise<KafkaTestResult> => {
        const cluster = await admin.describeCluster();
        const latencyMs = Math.round(performance.now() - startedAt);
        const topics = await admin.listTopics();
        return {
          clusterId: cluster.clusterId,
          controllerId: cluster.controller ?? null,
          brokers: cluster.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
          topicCount: topics.filter(isUserTopic).length,
          latencyMs,
        };
      }),

    'kafka.listTopics': async (target) => withAdmin(await resolver.resolveKafka(target), LIST_DEADLINE_MS, listTopics),

    'kafka.createTopic': async (target, topic) =>
      withAdmin(await resolver.resolveKafka(target), LIST_DEADLINE_MS, async (admin): Promise<TopicInfo> => {
        if ((await admin.listTopics()).includes(topic.name)) {
          throw new AppFailure('conflict', `Topic "${topic.name}" already exists: choose it in the list or pick another name`, undefined, 'name');
        }
        let created: boolean;
        try {
          created = await admin.createTopics({
            topics: [{ topic: topic.name, numPartitions: topic.partitions, replicationFactor: topic.replicationFactor }],
            waitForLeaders: true,
            timeout: 10_000,
          });
        } catch (err) {
          throw refusedTopic(err, topic.name) ?? err;
        }
        // false: another client created it between our check and our request
        if (!created) throw new AppFailure('conflict', `Topic "${topic.name}" already exists: choose it in the list or pick another name`, undefined, 'name');
        return { name: topic.name, partitions: topic.partitions, messages: 0 };
      }),
  };
}

async function withAdmin<T>(conn: KafkaConnection, deadlineMs: number, fn: (admin: Admin, startedAt: number) => Promise<T>): Promise<T> {
  const admin = createKafka(conn, CLIENT_TIMEOUTS).admin();
  try {
    return await withDeadline(deadlineMs, async () => {
      const startedAt = performance.now();
      await admin.connect();
      return fn(admin, startedAt);
    });
  } catch (err) {
    throw classifyKafkaError(err, { endpoint: conn.brokers.join(', '), securityProtocol: conn.securityProtocol, secrets: secretValues(KAFKA_SECRETS, conn) });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Internal topics (__consumer_offsets, __transaction_state, ...) are not for pipelines. */
const isUserTopic = (name: string): boolean => !name.startsWith('__');

async function listTopics(admin: Admin): Promise<TopicInfo[]> {
  const names = (await admin.listTopics()).filter(isUserTopic).sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return []; // fetchTopicMetadata with no names describes every topic
  const { topics } = await admin.fetchTopicMetadata({ topics: names });
  const partitions = new Map(topics.map((t) => [t.name, t.partitions.length]));
  return mapLimit(names, 8, async (name): Promise<TopicInfo> => {
    const info: TopicInfo = { name, partitions: partitions.get(name) ?? 0 };
    try {
      // high − low watermark per partition: what is retained now, not what was ever written
      const offsets = await admin.fetchTopicOffsets(name);
      info.messages = Number(offsets.reduce((sum, o) => sum + BigInt(o.high) - BigInt(o.low), 0n));
    } catch {
      // a size is a nicety: a topic whose offsets cannot be read is still listed
    }
    return info;
  });
}

/** Broker refusals of a topic request are the user's input at fault, not the connection. */
function refusedTopic(err: unknown, name: string): AppFailure | undefined {
  const facts = collectFacts(err);
  const text = facts.texts.join('; ');
  if (facts.codes.has('TOPIC_ALREADY_EXISTS')) return new AppFailure('conflict', `Topic "${name}" already exists: choose it in the list or pick another name`, text, 'name');
  if (facts.codes.has('INVALID_REPLICATION_FACTOR')) {
    return new AppFailure('validation', 'The replication factor is larger than the number of brokers: lower it (1 on a single-broker cluster)', text, 'replicationFactor');
  }
  if (facts.codes.has('INVALID_PARTITIONS')) return new AppFailure('validation', `The broker refused that number of partitions: ${text}`, text, 'partitions');
  if (facts.codes.has('INVALID_TOPIC_EXCEPTION')) return new AppFailure('validation', `The broker refused the topic name "${name}": ${text}`, text, 'name');
  if (facts.codes.has('POLICY_VIOLATION')) return new AppFailure('validation', `The broker's topic policy refused this topic: ${text}`, text);
  if (facts.codes.has('TOPIC_AUTHORIZATION_FAILED') || facts.codes.has('CLUSTER_AUTHORIZATION_FAILED')) {
    return new AppFailure('kafka_error', 'This user may not create topics on the cluster: ask its admin, or create the topic elsewhere', text);
  }
  return undefined;
}
