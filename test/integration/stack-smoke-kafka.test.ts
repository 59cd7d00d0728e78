// The local sandbox's Kafka answers a real client: admin, produce and a consumer-group round trip.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'stack-smoke', brokers, logLevel: logLevel.NOTHING });
const topic = `smoke-${randomUUID().slice(0, 8)}`;
const admin = kafka.admin();

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('local Kafka (KRaft)', () => {
  it('describes the cluster and creates a topic', async () => {
    await admin.connect();
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBe(1);
    expect(cluster.clusterId).toMatch(/\S{10,}/);
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true })).toBe(true);
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0]?.partitions).toHaveLength(2);
  });

  it('round-trips records through a consumer group and commits offsets', async () => {
    const producer = kafka.producer();
    await producer.connect();
    const values = Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: i }));
    await producer.send({ topic, messages: values.map((value, i) => ({ key: String(i), value })) });
    await producer.disconnect();

    const groupId = `smoke-group-${randomUUID().slice(0, 8)}`;
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${seen.size} of 20 records consumed`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.add(message.value?.toString() ?? '');
          if (seen.size === values.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    expect([...seen].sort()).toEqual([...values].sort());

    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0]!.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(committed).toBe(20);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  });
});
