// `serve --demo`: a first look with charts already moving. Makes sure the sandbox profiles, topic
// `topic_0` (3 partitions), the tutorial's collection `topic_0` (indexed, loaded), the pipeline
// "Seed demo" exist and run, and that a demo data generator feeds the topic at ~20 msg/s.
// Idempotent: everything that exists is kept, only what is missing is created or started.
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import type { PipelineSpec } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import { createMilvusClient } from '../clients/milvus-client';
import type { Handlers, ServiceContext } from '../rpc/types';
import { ensureSandboxProfiles } from './profiles-service';
import { createProfileStore } from './profiles-store';
import { sandboxConnections } from './sandbox-service';

export interface DemoOptions {
  topic?: string;
  collection?: string;
  pipelineName?: string;
  ratePerSec?: number;
  dim?: number;
  env?: NodeJS.ProcessEnv;
  log?(line: string): void;
}

export interface DemoResult {
  pipelineId: string;
  generatorId?: string;
  /** What this run created or started (empty on a re-run with everything in place). */
  actions: string[];
}

type DemoCommands = Pick<Handlers, 'kafka.listTopics' | 'kafka.createTopic' | 'pipeline.list' | 'pipeline.create' | 'pipeline.start' | 'generator.list' | 'generator.start'>;

export async function setupDemo(ctx: ServiceContext, commands: DemoCommands, opts: DemoOptions = {}): Promise<DemoResult> {
  const topic = opts.topic ?? 'topic_0';
  const collection = opts.collection ?? 'topic_0';
  const name = opts.pipelineName ?? 'Seed demo';
  const dim = opts.dim ?? 8;
  const actions: string[] = [];
  const did = (what: string) => {
    actions.push(what);
    opts.log?.(`demo: ${what}`);
  };

  const conns = sandboxConnections(opts.env ?? process.env);
  const store = createProfileStore(ctx);
  await ensureSandboxProfiles(store, conns.kafka, conns.milvus);
  const profiles = await store.list();
  const kafkaProfile = profiles.find((p) => p.sandbox && p.kind === 'kafka');
  const milvusProfile = profiles.find((p) => p.sandbox && p.kind === 'milvus');
  if (!kafkaProfile || !milvusProfile) throw new AppFailure('internal', 'the sandbox profiles could not be saved');

  await ensureTopic(commands, { kafka: conns.kafka, profileId: kafkaProfile.id }, topic, did);
  await ensureCollection(conns.milvus, collection, dim, did);

  let view = (await commands['pipeline.list']()).find((v) => v.spec.name === name);
  if (!view) {
    const spec = {
      ...PIPELINE_DEFAULTS,
      mapping: [],
      ignore: [],
      id: 'seed-demo',
      name,
      topics: { names: [topic] },
      groupId: `studio-${collection}-seed-demo`,
      collection,
      deadLetterTopic: `${topic}.dlq`,
      kafkaProfileId: kafkaProfile.id,
      milvusProfileId: milvusProfile.id,
    } satisfies PipelineSpec;
    view = await commands['pipeline.create'](spec);
    did(`created pipeline "${name}"`);
  }
  if (!['running', 'starting', 'retrying', 'paused'].includes(view.status.state)) {
    await commands['pipeline.start'](view.spec.id);
    did(`started pipeline "${name}"`);
  }

  const result: DemoResult = { pipelineId: view.spec.id, actions };
  const running = (await commands['generator.list']()).find((g) => g.topic === topic && (g.state === 'running' || g.state === 'retrying'));
  if (running) result.generatorId = running.id;
  else {
    const g = await commands['generator.start']({ kafkaProfileId: kafkaProfile.id, topic, ratePerSec: opts.ratePerSec ?? 20, dim });
    result.generatorId = g.id;
    did(`generating demo records on ${topic} at ${g.ratePerSec} msg/s`);
  }
  return result;
}

async function ensureTopic(commands: DemoCommands, target: { kafka: KafkaConnection; profileId: string }, topic: string, did: (s: string) => void): Promise<void> {
  if ((await commands['kafka.listTopics'](target)).some((t) => t.name === topic)) return;
  try {
    await commands['kafka.createTopic'](target, { name: topic, partitions: 3, replicationFactor: 1 });
    did(`created topic ${topic} (3 partitions)`);
  } catch (err) {
    if (!(err instanceof AppFailure && err.code === 'conflict')) throw err; // created meanwhile: fine
  }
}

function check(res: { error_code?: string | number; reason?: string }, what: string): void {
  if (res.error_code !== undefined && res.error_code !== 'Success') throw new AppFailure('milvus_error', `${what} failed: ${res.reason ?? res.error_code}`);
}

/** The tutorial's schema: id Int64 PK (not autoID), title VarChar 512, title_vector FloatVector COSINE, link VarChar 512. */
async function ensureCollection(conn: MilvusConnection, collection: string, dim: number, did: (s: string) => void): Promise<void> {
  const client: MilvusClient = createMilvusClient(conn, { timeoutMs: 30_000 });
  try {
    const has = await client.hasCollection({ collection_name: collection });
    if (!has.value) {
      check(
        await client.createCollection({
          collection_name: collection,
          description: 'Kafka-Milvus Studio demo: the seed tutorial schema',
          fields: [
            { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
            { name: 'title', data_type: DataType.VarChar, max_length: 512 },
            { name: 'title_vector', data_type: DataType.FloatVector, dim },
            { name: 'link', data_type: DataType.VarChar, max_length: 512 },
          ],
        }),
        `creating collection ${collection}`,
      );
      did(`created collection ${collection}`);
    }
    const index = await client.describeIndex({ collection_name: collection }).catch(() => undefined);
    if (!index?.index_descriptions?.length) {
      check(await client.createIndex({ collection_name: collection, field_name: 'title_vector', index_type: 'AUTOINDEX', metric_type: 'COSINE' }), 'creating the index');
      did(`indexed ${collection}.title_vector (COSINE)`);
    }
    check(await client.loadCollection({ collection_name: collection }), `loading ${collection}`);
  } finally {
    await client.closeConnection().catch(() => undefined);
  }
}
