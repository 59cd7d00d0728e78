// The engine against the real stack: the tutorial example lands and is searchable, an autoID
// collection receives rows, and a malformed record goes to the dead-letter topic with its reason
// while the good records around it land.
import { afterAll, describe, expect, it } from 'vitest';
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { createPipeline, type PipelineRunner } from '../../electron/engine';
import { DLQ_HEADERS } from '../../electron/engine/dead-letter';
import { recorder, testConfig } from './support/config';
import { uid, waitFor } from './support/env';
import { EXAMPLE_MESSAGE, exampleMessage } from './support/example';
import { createTopic, deleteTopics, produce, readTopic } from './support/kafka';
import { countRows, createExampleCollection, dropCollection, loadCollection, testMilvus } from './support/milvus';

const milvus: MilvusClient = testMilvus();
const topics: string[] = [];
const collections: string[] = [];
const runners: PipelineRunner[] = [];

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop(10_000)));
  for (const c of collections) await dropCollection(milvus, c);
  await deleteTopics(...topics);
  await milvus.closeConnection();
});

function names(tag: string): { topic: string; collection: string; group: string } {
  const topic = uid(`t_${tag}`);
  const collection = uid(`c_${tag}`);
  topics.push(topic);
  collections.push(collection);
  return { topic, collection, group: uid(`g_${tag}`) };
}

describe('engine on the real stack', () => {
  it('lands the tutorial example, searchable', async () => {
    const { topic, collection, group } = names('seed');
    await createTopic(topic);
    await createExampleCollection(milvus, collection);
    await loadCollection(milvus, collection);
    await produce(topic, [{ value: JSON.stringify(EXAMPLE_MESSAGE) }]);

    const rec = recorder();
    const runner = createPipeline(testConfig({ id: uid('seed'), topics: { names: [topic] }, groupId: group, collection, deadLetterTopic: `${topic}.dlq` }), rec.options);
    runners.push(runner);
    topics.push(`${topic}.dlq`);
    await runner.start();
    await waitFor('the example row', () => runner.status().counters.written === 1, 20_000);

    const q = await milvus.query({ collection_name: collection, filter: 'id == 0', output_fields: ['id', 'title', 'link'] });
    expect(q.data).toHaveLength(1);
    expect(q.data[0]?.title).toBe(EXAMPLE_MESSAGE.title);
    const s = await milvus.search({ collection_name: collection, data: [EXAMPLE_MESSAGE.title_vector], limit: 1, output_fields: ['title'] });
    expect(s.results[0]?.title).toBe(EXAMPLE_MESSAGE.title);

    const snap = runner.snapshot();
    expect(snap.counters).toMatchObject({ consumed: 1, written: 1, deadLettered: 0, skipped: 0, inFlight: 0 });
    expect(snap.endToEndLatencyMs.max).toBeGreaterThan(0);
    await waitFor('lag 0 after the commit', () => runner.snapshot().lag.length === 1 && runner.snapshot().totalLag === 0, 10_000);
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
    expect(rec.states.map((s) => s.state)).toEqual(['starting', 'running', 'stopping', 'stopped']);
    console.info('[seed] counters', runner.status().counters);
  });

  it('writes to an autoID collection (insert mode chosen automatically)', async () => {
    const { topic, collection, group } = names('auto');
    await createTopic(topic, 2);
    await createExampleCollection(milvus, collection, { autoID: true });
    const n = 300;
    await produce(topic, Array.from({ length: n }, (_, i) => ({ key: String(i), value: JSON.stringify(exampleMessage(i, false)) })));

    const rec = recorder();
    const runner = createPipeline(
      testConfig({ id: uid('auto'), topics: { names: [topic] }, groupId: group, collection, batchSize: 64, errorTolerance: 'none' }),
      rec.options,
    );
    runners.push(runner);
    await runner.start();
    await waitFor('all autoID rows', () => runner.status().counters.written === n, 30_000);
    await runner.stop();
    expect(await countRows(milvus, collection)).toBe(n);
    expect(rec.logs.some((l) => l.kind === 'config' && l.message.includes('insert'))).toBe(true);
    console.info('[autoID] counters', runner.status().counters, 'rows', n);
  });

  it('dead-letters a malformed record between two good ones, with the reason in headers', async () => {
    const { topic, collection, group } = names('dlq');
    const dlq = `${topic}.dlq`;
    topics.push(dlq);
    await createTopic(topic);
    await createExampleCollection(milvus, collection);
    const bad = { ...exampleMessage(2), title_vector: [0.1, 0.2, 0.3] };
    await produce(topic, [
      { key: 'k1', value: JSON.stringify(exampleMessage(1)) },
      { key: 'k2', value: JSON.stringify(bad), headers: { trace: 'abc' } },
      { key: 'k3', value: '{"id": 3, "title": "broken json' },
      { key: 'k4', value: JSON.stringify(exampleMessage(4)) },
      { key: 'k5', value: null },
    ]);

    const rec = recorder();
    const runner = createPipeline(testConfig({ id: uid('dlq'), topics: { names: [topic] }, groupId: group, collection, deadLetterTopic: dlq }), rec.options);
    runners.push(runner);
    await runner.start();
    await waitFor('all records finished', () => {
      const c = runner.status().counters;
      return c.consumed === 5 && c.inFlight === 0;
    }, 20_000);
    const c = runner.status().counters;
    expect(c).toMatchObject({ consumed: 5, written: 2, deadLettered: 2, skipped: 1, inFlight: 0 });
    expect(c.consumed).toBe(c.written + c.deadLettered + c.skipped + c.inFlight);
    expect(runner.status().state).toBe('running');

    const dead = await readTopic(dlq, 2);
    expect(dead).toHaveLength(2);
    const [vec, json] = dead.sort((a, b) => Number(a.headers[DLQ_HEADERS.offset]) - Number(b.headers[DLQ_HEADERS.offset]));
    expect(vec?.key?.toString()).toBe('k2');
    expect(vec?.value?.toString()).toBe(JSON.stringify(bad));
    expect(vec?.headers).toMatchObject({
      trace: 'abc',
      [DLQ_HEADERS.topic]: topic,
      [DLQ_HEADERS.partition]: '0',
      [DLQ_HEADERS.offset]: '1',
      [DLQ_HEADERS.field]: 'title_vector',
      [DLQ_HEADERS.code]: 'wrong_dimension',
    });
    expect(vec?.headers[DLQ_HEADERS.message]).toMatch(/title_vector/);
    expect(json?.headers).toMatchObject({ [DLQ_HEADERS.offset]: '2', [DLQ_HEADERS.code]: 'invalid_json' });

    await runner.stop();
    expect(await countRows(milvus, collection)).toBe(2);
    const deadLogs = rec.logs.filter((l) => l.kind === 'dead-letter');
    expect(deadLogs).toHaveLength(2);
    // Logs name the record and the reason, never its content.
    for (const l of rec.logs) expect(JSON.stringify(l)).not.toContain('article 1');
    console.info('[dlq] counters', runner.status().counters);
  });

  it('isolates rows Milvus rejects and dead-letters only those, with Milvus reason', async () => {
    const { topic, collection, group } = names('reject');
    const dlq = `${topic}.dlq`;
    topics.push(dlq);
    await createTopic(topic);
    await createExampleCollection(milvus, collection);
    const rec = recorder();
    const runner = createPipeline(
      testConfig({ id: uid('reject'), topics: { names: [topic] }, groupId: group, collection, deadLetterTopic: dlq, batchSize: 16, lingerMs: 200 }),
      rec.options,
    );
    runners.push(runner);
    await runner.start();
    // The collection changes under the running pipeline (title now max 8 bytes): conversion still
    // accepts long titles, Milvus refuses them, so only Milvus can say which rows are bad.
    await dropCollection(milvus, collection);
    await createExampleCollection(milvus, collection, { titleMaxLength: 8 });
    const bad = new Set([3, 11]);
    await produce(topic, Array.from({ length: 16 }, (_, i) => ({ value: JSON.stringify({ ...exampleMessage(i), title: bad.has(i) ? 'a title far too long' : `ok ${i}` }) })));
    await waitFor('all records finished', () => runner.status().counters.consumed === 16 && runner.status().counters.inFlight === 0, 20_000);
    const c = runner.status().counters;
    expect(c).toMatchObject({ consumed: 16, written: 14, deadLettered: 2, inFlight: 0 });
    const dead = await readTopic(dlq, 2);
    expect(dead.map((d) => d.headers[DLQ_HEADERS.offset]).sort()).toEqual(['11', '3']);
    for (const d of dead) {
      expect(d.headers).toMatchObject({ [DLQ_HEADERS.code]: 'milvus_rejected', [DLQ_HEADERS.field]: 'title', [DLQ_HEADERS.stage]: 'TASK_PUT' });
      expect(d.headers[DLQ_HEADERS.message]).toMatch(/max_length/);
    }
    await runner.stop();
    expect(await countRows(milvus, collection)).toBe(14);
    console.info('[milvus-reject] counters', c);
  });
});
