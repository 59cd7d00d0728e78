// Offset reset of a stopped pipeline on the real stack: the plan counts the records read again from
// committed vs target offsets (earliest, timestamp, per-partition offsets, latest), the reset is
// refused while the pipeline runs, and after a reset to earliest everything is read again.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, waitFor } from './support/env';
import { exampleMessage } from './support/example';
import { committedOffsets, createTopic, deleteTopics, produce } from './support/kafka';
import { createExampleCollection, dropCollection, testMilvus } from './support/milvus';
import { monitorRig, spec, type MonitorRig } from './monitor-support';

const milvus: MilvusClient = testMilvus();
const topic = uid('t_reset');
const collection = uid('c_reset');
const group = uid('g_reset');
const T0 = Date.UTC(2024, 0, 1);
let rig: MonitorRig;

beforeAll(async () => {
  rig = monitorRig();
  await createTopic(topic, 2);
  await createExampleCollection(milvus, collection);
  // 10 records per partition, one second apart in record time.
  const messages = Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: JSON.stringify(exampleMessage(i)), timestamp: String(T0 + Math.floor(i / 2) * 1000) }));
  await produce(topic, messages);
});

afterAll(async () => {
  await rig?.close();
  await dropCollection(milvus, collection);
  await deleteTopics(topic, `${topic}-dlq`);
  await milvus.closeConnection();
});

describe('offset reset', () => {
  it('plans, refuses while running, and re-reads after a reset', async () => {
    const view = await rig.pipelines.handlers['pipeline.create'](spec({ name: 'reset test', topics: { names: [topic] }, groupId: group, collection, deadLetterTopic: `${topic}-dlq` }));
    const id = view.spec.id;
    const counters = async () => (await rig.pipelines.handlers['pipeline.list']()).find((p) => p.spec.id === id)?.status.counters;

    // Never started: no commits, the fallback (earliest) is where it would read.
    const fresh = await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'latest' });
    expect(fresh).toMatchObject({ groupId: group, reread: 0, skipped: 20, effective: true });
    expect(fresh.partitions.map((p) => [p.partition, p.committed, p.current, p.target])).toEqual([
      [0, null, '0', '10'],
      [1, null, '0', '10'],
    ]);

    await rig.pipelines.handlers['pipeline.start'](id);
    await waitFor('all 20 written', async () => (await counters())?.written === 20, 30_000);
    await waitFor('offsets committed', async () => [...(await committedOffsets(group, topic)).values()].every((o) => o === '10'), 10_000);
    await expect(rig.monitor['pipeline.resetOffsets'](id, { kind: 'earliest' })).rejects.toMatchObject({ code: 'conflict' });
    await rig.pipelines.handlers['pipeline.stop'](id);

    expect(await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'earliest' })).toMatchObject({ reread: 20, skipped: 0 });
    expect(await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'latest' })).toMatchObject({ reread: 0, skipped: 0 });
    const byTime = await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'timestamp', timestampMs: T0 + 7000 });
    expect(byTime.partitions.map((p) => p.target)).toEqual(['7', '7']);
    expect(byTime.reread).toBe(6);
    const chosen = await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'offsets', offsets: [{ topic, partition: 1, offset: '4' }] });
    expect(chosen).toMatchObject({ reread: 6, skipped: 0 });
    expect(chosen.partitions.map((p) => p.target)).toEqual(['10', '4']);
    // Beyond the high watermark is clamped.
    expect((await rig.monitor['pipeline.planOffsetReset'](id, { kind: 'offsets', offsets: [{ topic, partition: 0, offset: '99' }] })).partitions[0]?.target).toBe('10');

    const applied = await rig.monitor['pipeline.resetOffsets'](id, { kind: 'offsets', offsets: [{ topic, partition: 1, offset: '4' }] });
    expect(applied.reread).toBe(6);
    expect(Object.fromEntries(await committedOffsets(group, topic))).toEqual({ 0: '10', 1: '4' });

    // Partition 1 already stands at 4: earliest re-reads 10 + 4.
    const reset = await rig.monitor['pipeline.resetOffsets'](id, { kind: 'earliest' });
    expect(reset.reread).toBe(14);
    expect(Object.fromEntries(await committedOffsets(group, topic))).toEqual({ 0: '0', 1: '0' });
    const log = await rig.pipelines.handlers['log.recent'](100);
    const resetLine = log.find((e) => e.kind === 'config' && e.text?.code === 'offsets.resetEarliest');
    expect(resetLine?.text?.params).toMatchObject({ group, reread: 14 });
    expect(resetLine?.message).toMatch(/reset to the earliest: read again 14, skipped/);

    await rig.pipelines.handlers['pipeline.start'](id);
    await waitFor('all 20 read again', async () => {
      const c = await counters();
      return c && c.consumed === 20 && c.written === 20;
    }, 30_000);
    await rig.pipelines.handlers['pipeline.stop'](id);
  });

  it('duplicates a pipeline with its own consumer group', async () => {
    const view = await rig.pipelines.handlers['pipeline.create'](spec({ name: 'orig', topics: { names: [topic] }, groupId: uid('g_dup'), collection }));
    const copy = await rig.monitor['pipeline.duplicate'](view.spec.id);
    const again = await rig.monitor['pipeline.duplicate'](view.spec.id);
    expect(copy.spec.name).toBe('orig (copy)');
    expect(again.spec.name).toBe('orig (copy 2)');
    expect(copy.spec.id).not.toBe(view.spec.id);
    expect(copy.spec.groupId).not.toBe(view.spec.groupId);
    expect(copy.spec.collection).toBe(collection);
    expect(copy.status.state).toBe('idle');
  });
});
