// The dead-letter browser on the real stack: records rejected for a too-long title are read with
// their reason and source, without moving the pipeline's consumer group; after the collection is
// fixed (recreated with a larger max_length) a redrive sends them back and they land.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { committedOffsets, createTopic, deleteTopics, produce, testKafka } from './support/kafka';
import { createExampleCollection, dropCollection, testMilvus } from './support/milvus';
import { monitorRig, spec, type MonitorRig } from './monitor-support';

const milvus: MilvusClient = testMilvus();
const topic = uid('t_dlq');
const dlq = `${topic}-dlq`;
const collection = uid('c_dlq');
const group = uid('g_dlq');
let rig: MonitorRig;

beforeAll(async () => {
  rig = monitorRig();
  await createTopic(topic, 2);
  await createExampleCollection(milvus, collection, { titleMaxLength: 32 });
});

afterAll(async () => {
  await rig?.close();
  await dropCollection(milvus, collection);
  await deleteTopics(topic, dlq);
  await milvus.closeConnection();
});

const long = (i: number) => ({ ...exampleMessage(i), title: `a title far longer than thirty-two bytes, number ${i}` });

describe('dead-letter browser and redrive', () => {
  it('reads dead letters with their reason and redrives them once the cause is fixed', async () => {
    const good = Array.from({ length: 20 }, (_, i) => ({ key: String(i), value: JSON.stringify(exampleMessage(i)), headers: { trace: `t-${i}` } }));
    const bad = [100, 101, 102].map((i) => ({ key: String(i), value: JSON.stringify(long(i)), headers: { trace: `t-${i}` } }));
    await produce(topic, [...good, ...bad]);

    const view = await rig.pipelines.handlers['pipeline.create'](spec({ name: 'dlq test', topics: { names: [topic] }, groupId: group, collection, deadLetterTopic: dlq }));
    const id = view.spec.id;
    await rig.pipelines.handlers['pipeline.start'](id);
    const status = async () => (await rig.pipelines.handlers['pipeline.list']()).find((p) => p.spec.id === id)?.status;
    await waitFor('20 written, 3 dead-lettered', async () => {
      const c = (await status())?.counters;
      return c && c.written === 20 && c.deadLettered === 3 && c.inFlight === 0;
    }, 30_000);
    const before = await committedOffsets(group, topic);

    const page = await rig.monitor['dlq.read'](id, { limit: 50 });
    expect(page).toMatchObject({ topic: dlq, exists: true, total: 3, partial: false });
    expect(page.records).toHaveLength(3);
    for (const r of page.records) {
      expect(r.reason).toMatchObject({ code: 'too_long', field: 'title', stage: 'VALUE_CONVERTER' });
      expect(r.reason.message).toMatch(/32 bytes/);
      expect(r.source.topic).toBe(topic);
      expect(r.value?.encoding).toBe('utf8');
      expect(r.value?.text).toContain('far longer');
      expect(Object.keys(r.headers)).toEqual(['trace']);
      expect(r.redrivenAt).toBeUndefined();
    }
    // Browsing moved no group: the pipeline's offsets are as they were, no browse group is left.
    expect(await committedOffsets(group, topic)).toEqual(before);
    const admin = testKafka.admin();
    await admin.connect();
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
    await admin.disconnect();
    expect(groups.filter((g) => g.startsWith('kafka-milvus-studio-browse-'))).toEqual([]);

    // The fix: the collection gets a larger max_length; the pipeline restarts to read the new schema.
    await rig.pipelines.handlers['pipeline.stop'](id);
    await dropCollection(milvus, collection);
    await createExampleCollection(milvus, collection, { titleMaxLength: 512 });
    await rig.pipelines.handlers['pipeline.start'](id);

    const result = await rig.monitor['dlq.redrive'](id, page.records.map((r) => ({ partition: r.partition, offset: r.offset })));
    expect(result).toMatchObject({ requested: 3, redriven: 3, skipped: 0, failed: 0, topics: [topic] });
    await waitFor('3 redriven rows written', async () => (await status())?.counters.written === 3, 30_000);
    const q = await milvus.query({ collection_name: collection, filter: 'id >= 100', output_fields: ['id', 'title'] });
    expect(q.data.map((d) => Number(d.id)).sort()).toEqual([100, 101, 102]);
    expect((await status())?.counters.deadLettered).toBe(0);

    const again = await rig.monitor['dlq.read'](id, { limit: 50 });
    expect(again.records.every((r) => typeof r.redrivenAt === 'number')).toBe(true);
    const log = await rig.pipelines.handlers['log.recent'](100);
    expect(log.some((e) => e.kind === 'dead-letter' && /Redrive from .*: 3 of 3 records sent back/.test(e.message) && e.text?.code === 'dlq.redriven')).toBe(true);

    // A selection with an offset the topic never had is counted as skipped, not lost silently.
    const missing = await rig.monitor['dlq.redrive'](id, [{ partition: 0, offset: '999999' }]);
    expect(missing).toMatchObject({ requested: 1, redriven: 0, skipped: 1, failed: 0 });
  });
});
