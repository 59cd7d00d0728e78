// 'kafka.*' against the real sandbox broker: test, list, create, and the failures the wizard
// explains (nothing listening, unknown host), which must come back in seconds, not minutes.
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import type { KafkaConnection } from '../../shared/connections';
import { AppFailure } from '../../shared/errors';
import { kafkaHandlers } from '../../electron/services/kafka-service';
import { makeTestContext } from '../unit/services/support/context';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const sandbox: KafkaConnection = { brokers, securityProtocol: 'PLAINTEXT' };
const ctx = makeTestContext();
const h = kafkaHandlers(ctx);
const topic = `svc-${randomUUID().slice(0, 8)}`;
const client = new Kafka({ clientId: 'services-test', brokers, logLevel: logLevel.NOTHING });

afterAll(async () => {
  const admin = client.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  ctx.cleanup();
});

/** Handlers may answer synchronously or not; either way the failure is what we want. */
async function failure(p: unknown): Promise<AppFailure> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

async function unusedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('kafka.test', () => {
  it('describes the sandbox cluster', async () => {
    const res = await h['kafka.test']({ kafka: sandbox });
    expect(res.clusterId).toMatch(/\S{10,}/);
    expect(res.brokers).toHaveLength(1);
    expect(res.brokers[0]).toMatchObject({ host: '127.0.0.1', port: Number(brokers[0]?.split(':')[1]) });
    expect(res.controllerId).toBe(res.brokers[0]?.nodeId);
    expect(res.topicCount).toBeGreaterThanOrEqual(0);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(res.latencyMs).toBeLessThan(5_000);
  });

  it('says nothing is listening on an unused port, within 10 s', async () => {
    const port = await unusedPort();
    const t0 = Date.now();
    const err = await failure(h['kafka.test']({ kafka: { brokers: [`127.0.0.1:${port}`], securityProtocol: 'PLAINTEXT' } }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err.code).toBe('kafka_refused');
    expect(err.message).toBe(`Nothing is listening on 127.0.0.1:${port}: check the port or start the broker`);
    expect(err.detail).toContain('ECONNREFUSED');
  });

  it('says the host name does not resolve, within 10 s', async () => {
    const t0 = Date.now();
    const err = await failure(h['kafka.test']({ kafka: { brokers: ['broker.studio-test.invalid:9092'], securityProtocol: 'PLAINTEXT' } }));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err.code).toBe('kafka_dns');
    expect(err.message).toContain('broker.studio-test.invalid');
  });

  it('says a plaintext port does not speak TLS', async () => {
    const err = await failure(h['kafka.test']({ kafka: { ...sandbox, securityProtocol: 'SSL' } }));
    expect(err.code).toBe('kafka_tls');
  });

  it('gives up on a server that accepts and never answers within the 8 s deadline', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const t0 = Date.now();
      const err = await failure(h['kafka.test']({ kafka: { brokers: [`127.0.0.1:${port}`], securityProtocol: 'PLAINTEXT' } }));
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(err.code).toBe('kafka_timeout');
    } finally {
      silent.close();
    }
  });
});

describe('kafka topics', () => {
  it('creates a topic, lists it with its partitions and retained messages, and refuses a duplicate', async () => {
    expect(await h['kafka.createTopic']({ kafka: sandbox }, { name: topic, partitions: 3, replicationFactor: 1 })).toEqual({ name: topic, partitions: 3, messages: 0 });
    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 7 }, (_, i) => ({ key: String(i), value: `{"id":${i}}` })) });
    await producer.disconnect();

    const topics = await h['kafka.listTopics']({ kafka: sandbox });
    expect(topics.find((t) => t.name === topic)).toEqual({ name: topic, partitions: 3, messages: 7 });
    expect(topics.some((t) => t.name.startsWith('__'))).toBe(false);
    expect(topics.map((t) => t.name)).toEqual([...topics.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));

    const dup = await failure(h['kafka.createTopic']({ kafka: sandbox }, { name: topic, partitions: 1, replicationFactor: 1 }));
    expect(dup).toMatchObject({ code: 'conflict', where: 'name' });
    expect(dup.message).toContain(topic);
  });

  it('explains a replication factor larger than the cluster', async () => {
    const err = await failure(h['kafka.createTopic']({ kafka: sandbox }, { name: `${topic}-rf`, partitions: 1, replicationFactor: 3 }));
    expect(err).toMatchObject({ code: 'validation', where: 'replicationFactor' });
  });
});
