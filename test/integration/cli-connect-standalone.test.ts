// The tutorial's two Kafka Connect files, with only the endpoints rewritten, drive the headless CLI
// against the real stack: the sample record lands in Milvus, status lines print, SIGTERM exits 0.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPid, ROOT, runCli, spawnCli } from './cli-helpers';

const BROKER = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const MILVUS = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';
const suffix = randomUUID().slice(0, 8);
const topic = `cli_topic_${suffix}`;
const collection = `cli_topic_${suffix}`;
const name = `zilliz-kafka-sink-${suffix}`;

const kafka = new Kafka({ clientId: 'cli-test', brokers: [BROKER], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const milvus = new MilvusClient({ address: MILVUS, logLevel: 'error' });
const dir = mkdtempSync(join(tmpdir(), 'cli-connect-'));

const SAMPLE = {
  id: 0,
  title: 'The Reported Mortality Rate of Coronavirus Is Not Important in Our Decision-Making Process',
  title_vector: [0.041732933, 0.013779674, -0.027564144, -0.013061441, 0.009748648, 0.00082446384, -0.00071647146, 0.048612226],
  link: 'https://medium.com/swlh/the-reported-mortality-rate-of-coronavirus-is-not-important-in-our-decision-making-process-2fd0b3c5c8a0',
};

/** The tutorial files, endpoints pointed at the local stack; names made unique for this run. */
function writeFiles(extraConnector = ''): { worker: string; connector: string } {
  const worker = join(dir, 'worker.properties');
  const connector = join(dir, 'connector.properties');
  copyFileSync(join(ROOT, 'test/fixtures/connect/worker.properties'), worker);
  writeFileSync(worker, readFileSync(worker, 'utf8').replace('bootstrap.servers=localhost:9092', `bootstrap.servers=${BROKER}`));
  const text = readFileSync(join(ROOT, 'test/fixtures/connect/milvus-sink-connector.properties'), 'utf8')
    .replace('public.endpoint=https://<public.endpoint>:port', `public.endpoint=http://${MILVUS}`)
    .replace('name=zilliz-kafka-sink', `name=${name}`)
    .replace('collection.name=topic_0', `collection.name=${collection}`)
    .replace('topics=topic_0', `topics=${topic}`);
  writeFileSync(connector, text + extraConnector);
  return { worker, connector };
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await milvus.createCollection({
    collection_name: collection,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'title', data_type: DataType.VarChar, max_length: 512 },
      { name: 'title_vector', data_type: DataType.FloatVector, dim: 8 },
      { name: 'link', data_type: DataType.VarChar, max_length: 512 },
    ],
  });
  await milvus.createIndex({ collection_name: collection, field_name: 'title_vector', index_type: 'AUTOINDEX', metric_type: 'L2' });
  await milvus.loadCollection({ collection_name: collection });
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.deleteGroups([`connect-${name}`]).catch(() => undefined);
  await admin.disconnect();
  await milvus.dropCollection({ collection_name: collection }).catch(() => undefined);
  await milvus.closeConnection();
  rmSync(dir, { recursive: true, force: true });
});

async function queryById(): Promise<Record<string, unknown> | undefined> {
  const r = await milvus.query({ collection_name: collection, filter: 'id in [0]', output_fields: ['id', 'title', 'title_vector', 'link'] });
  return r.data[0];
}

describe('connect-standalone with the tutorial files', () => {
  it('writes the sample record, prints status lines, and stops on SIGTERM with exit 0', async () => {
    const { worker, connector } = writeFiles();
    const cli = spawnCli(['connect-standalone', worker, connector]);
    try {
      await cli.waitForOutput(/\] running\s+rows\/s/, 90_000);
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ value: JSON.stringify(SAMPLE) }] });
      await producer.disconnect();

      let row: Record<string, unknown> | undefined;
      const deadline = Date.now() + 60_000;
      while (!row && Date.now() < deadline) {
        row = await queryById();
        if (!row) await new Promise((r) => setTimeout(r, 500));
      }
      expect(row, `no row in Milvus\n--- stdout\n${cli.stdout()}\n--- stderr\n${cli.stderr()}`).toBeDefined();
      expect(row).toMatchObject({ id: '0', title: SAMPLE.title, link: SAMPLE.link });
      (row!.title_vector as number[]).forEach((v, i) => expect(v).toBeCloseTo(SAMPLE.title_vector[i]!, 6));

      await cli.waitForOutput(/\] running\s+rows\/s \d+\s+consumed 1\s+written 1\s+dlq 0\s+lag \d+/, 15_000);
      expect(cli.stdout()).toMatch(/^\[\d\d:\d\d:\d\d\] running {2}rows\/s \d+ {2}consumed \d+ {2}written \d+ {2}dlq \d+ {2}lag \d+$/m);
      expect(cli.stdout()).toContain(`pipeline ${name}: ${topic} → ${collection}`);
      expect(cli.stderr()).toContain('note: ');
      expect(cli.stderr()).toContain('plugin.path: not used');

      const sentAt = Date.now();
      process.kill(cliPid(cli.child.pid!), 'SIGTERM');
      const { code, at } = await cli.exited;
      expect({ code, stderr: cli.stderr().split('\n').slice(-5) }).toMatchObject({ code: 0 });
      expect(cli.stdout()).toContain('SIGTERM: stopping');
      expect(at - sentAt).toBeLessThan(10_000);
      // Committed like Kafka Connect: the group connect-<name> is past the record.
      const offsets = await admin.fetchOffsets({ groupId: `connect-${name}`, topics: [topic] });
      expect(offsets[0]?.partitions[0]?.offset).toBe('1');
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });

  it('runs through bin/kafka-milvus-studio.mjs, which relays SIGINT and passes the exit code on', async () => {
    const { worker, connector } = writeFiles();
    const cli = spawnCli(['connect-standalone', worker, connector], { bin: true });
    try {
      await cli.waitForOutput(/\] running\s+rows\/s/, 90_000);
      const sentAt = Date.now();
      cli.child.kill('SIGINT');
      const { code, at } = await cli.exited;
      expect({ code, stderr: cli.stderr().split('\n').slice(-5) }).toMatchObject({ code: 0 });
      expect(at - sentAt).toBeLessThan(10_000);
      expect(cli.stdout()).toContain('SIGINT: stopping');
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });

  it('rejects a bad properties value with exit 3, naming file, key and reason', async () => {
    const { worker, connector } = writeFiles('errors.tolerance=some\n');
    const r = await runCli(['connect-standalone', worker, connector]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: ${connector}: errors.tolerance: expected none or all, got 'some'`);
    expect(r.stdout).not.toMatch(/rows\/s/);
  });

  it('exits 4 when the pipeline cannot start (the topic does not exist)', async () => {
    const { worker, connector } = writeFiles(`topics=${topic}_missing\n`);
    const r = await runCli(['connect-standalone', worker, connector]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`error: cannot start: Topic ${topic}_missing does not exist`);
  });
});
