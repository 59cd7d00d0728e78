// `serve --demo` on the real stack (with its own names instead of topic_0): topic, collection,
// pipeline and generator are set up, rows land, and a second run changes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { buildHandlers } from '../../electron/rpc/app-handlers';
import { setupDemo } from '../../electron/services/demo-setup';
import { makeTestContext } from '../unit/services/support/context';
import { KAFKA_BROKERS, uid, waitFor } from './support/env';
import { deleteTopics } from './support/kafka';
import { countRows, dropCollection, testMilvus } from './support/milvus';

const ctx = makeTestContext();
const main = buildHandlers(ctx);
const milvus = testMilvus();
const topic = uid('t_demo');
const collection = uid('c_demo');
const options = { topic, collection, pipelineName: uid('Demo'), ratePerSec: 40 };

afterAll(async () => {
  for (const g of await main.commands['generator.list']()) await Promise.resolve(main.commands['generator.stop'](g.id)).catch(() => undefined);
  await main.shutdown();
  await dropCollection(milvus, collection);
  await deleteTopics(topic, `${topic}.dlq`);
  await milvus.closeConnection();
  ctx.cleanup();
});

describe('serve --demo', () => {
  it('creates what is missing, starts the pipeline and the generator; rows land', async () => {
    const first = await setupDemo(ctx, main.commands, options);
    expect(first.actions.join('\n')).toMatch(/created topic.*\n.*created collection[\s\S]*created pipeline[\s\S]*started pipeline[\s\S]*generating/);
    const topics = await main.commands['kafka.listTopics']({ kafka: { brokers: KAFKA_BROKERS, securityProtocol: 'PLAINTEXT' } });
    expect(topics.find((t) => t.name === topic)?.partitions).toBe(3);
    await waitFor('demo rows in Milvus', async () => (await countRows(milvus, collection)) >= 20, 60_000, 500);
    const [view] = (await main.commands['pipeline.list']()).filter((v) => v.spec.id === first.pipelineId);
    expect(view?.status.state).toBe('running');
    expect(view?.status.counters.deadLettered).toBe(0);

    const again = await setupDemo(ctx, main.commands, options);
    expect(again).toEqual({ pipelineId: first.pipelineId, generatorId: first.generatorId, actions: [] });
    expect((await main.commands['generator.list']()).filter((g) => g.state === 'running')).toHaveLength(1);
  });
});
