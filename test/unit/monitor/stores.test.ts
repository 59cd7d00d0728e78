// The monitor and pipelines stores against a fake transport: history merged with live ticks, the
// event log, row counts, the dead-letter page and redrive marks; lifecycle actions with busy flags,
// live counters from ticks, and the form's topic/collection lists.
import { describe, expect, it } from 'vitest';
import type { PipelineView } from '../../../shared/contract';
import type { DlqRecord } from '../../../shared/contract-monitor';
import type { LogEntry } from '../../../shared/pipeline-status';
import { createMonitorStore, LOG_CAPACITY } from '../../../renderer/src/stores/monitor-store';
import { createPipelinesStore } from '../../../renderer/src/stores/pipelines-store';
import { syntheticSnapshot } from '../../../renderer/src/features/monitor/synthetic';
import { deferred, fail, fakeTransport, ok } from '../renderer/fake-transport';

const T0 = Date.UTC(2025, 0, 1);
const snap = (i: number, id = 'p1') => syntheticSnapshot(id, T0 + i * 1000, i, 2);
const entry = (at: number, message = `m${at}`): LogEntry => ({ at, level: 'info', kind: 'info', message });

describe('monitor store', () => {
  it('merges the hour of history with ticks that arrived while it loaded', async () => {
    const answer = deferred<ReturnType<typeof ok<ReturnType<typeof snap>[]>>>();
    const t = fakeTransport({ 'metrics.history': () => answer.promise });
    const store = createMonitorStore(t);
    const loading = store.getState().loadHistory('p1');
    t.emit('metrics.tick', [snap(10), snap(0, 'p2')]);
    answer.resolve(ok([snap(8), snap(9)]));
    await loading;
    expect(store.getState().series.p1?.map((s) => s.at)).toEqual([8, 9, 10].map((i) => T0 + i * 1000));
    expect(store.getState().series.p2).toHaveLength(1);
    expect(store.getState().history.p1).toBe('ok');
    await store.getState().loadHistory('p1');
    expect(t.calls.filter((c) => c.cmd === 'metrics.history')).toHaveLength(1);
  });

  it('forgets a deleted pipeline and clears the selection', () => {
    const store = createMonitorStore(fakeTransport());
    store.getState().setSeries('p1', [snap(1)]);
    store.getState().select('p1');
    store.getState().forget('p1');
    expect(store.getState()).toMatchObject({ selectedId: null, series: {} });
  });

  it('keeps the event log bounded and merges the recent entries without duplicates', async () => {
    const t = fakeTransport({ 'log.recent': () => ok([entry(1), entry(2)]) });
    const store = createMonitorStore(t);
    t.emit('log.entry', entry(2));
    t.emit('log.entry', entry(3));
    await store.getState().loadLog();
    expect(store.getState().log.map((e) => e.at)).toEqual([1, 2, 3]);
    for (let i = 0; i < LOG_CAPACITY + 5; i++) t.emit('log.entry', entry(10 + i));
    expect(store.getState().log).toHaveLength(LOG_CAPACITY);
    expect(store.getState().log.at(-1)?.at).toBe(10 + LOG_CAPACITY + 4);
  });

  it('keeps the row count or the error that prevented it', async () => {
    let up = true;
    const t = fakeTransport({ 'monitor.rowCount': (id) => (up ? ok({ pipelineId: id, collection: 'c', rowCount: 42, at: 5 }) : fail('milvus_refused')) });
    const store = createMonitorStore(t);
    await store.getState().refreshRowCount('p1');
    expect(store.getState().rowCounts.p1).toEqual({ rowCount: 42, at: 5 });
    up = false;
    await store.getState().refreshRowCount('p1');
    expect(store.getState().rowCounts.p1).toMatchObject({ error: { code: 'milvus_refused' } });
  });

  it('reads dead letters for the selected pipeline and marks redriven records', async () => {
    const rec = (offset: string): DlqRecord => ({ partition: 0, offset, timestamp: 1, key: null, value: null, headers: {}, source: { topic: 't', partition: 0, offset: '1' }, reason: { code: 'too_long', field: 'title', message: '', stage: '', exceptionClass: '', connector: '' } });
    const t = fakeTransport({
      'dlq.read': () => ok({ topic: 't-dlq', exists: true, total: 2, records: [rec('1'), rec('2')], partial: false }),
      'dlq.redrive': (_id, sel) => ok({ requested: sel.length, redriven: 1, skipped: 1, failed: 0, topics: ['t'], problems: [{ partition: 0, offset: '2', reason: 'gone' }] }),
    });
    const store = createMonitorStore(t);
    store.getState().select('p1');
    await store.getState().readDlq('p1');
    expect(store.getState().dlq).toMatchObject({ status: 'ok', pipelineId: 'p1', page: { total: 2 } });
    const r = await store.getState().redrive('p1', [{ partition: 0, offset: '1' }, { partition: 0, offset: '2' }]);
    expect(r.ok).toBe(true);
    const d = store.getState().dlq;
    const records = d.status === 'ok' ? d.page.records : [];
    expect(records.map((x) => x.redrivenAt !== undefined)).toEqual([true, false]);
    store.getState().select('p2');
    expect(store.getState().dlq).toEqual({ status: 'idle' });
  });
});

const view = (id: string, state: PipelineView['status']['state'] = 'idle'): PipelineView => ({
  spec: { id, name: id } as PipelineView['spec'],
  status: { id, name: id, state, since: 0, topics: ['t'], collection: 'c', counters: { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 } },
});

describe('pipelines store', () => {
  it('runs lifecycle actions with a busy flag and takes the returned state', async () => {
    const answer = deferred<ReturnType<typeof ok<PipelineView>>>();
    const t = fakeTransport({ 'pipeline.list': () => ok([view('a')]), 'pipeline.start': () => answer.promise });
    const store = createPipelinesStore(t);
    await store.getState().load();
    const started = store.getState().act('a', 'start');
    expect(store.getState().busy.a).toBe('start');
    answer.resolve(ok(view('a', 'running')));
    await started;
    expect(store.getState().busy.a).toBeUndefined();
    expect(store.getState().pipelines[0]?.status.state).toBe('running');
  });

  it('takes state and cause from events and counters from ticks', async () => {
    const t = fakeTransport({ 'pipeline.list': () => ok([view('a'), view('b')]) });
    const store = createPipelinesStore(t);
    await store.getState().load();
    t.emit('pipeline.state', { ...view('a', 'retrying').status, cause: 'Milvus unavailable' });
    t.emit('metrics.tick', [{ ...snap(1, 'a'), counters: { ...view('a').status.counters, consumed: 7, written: 7 } }]);
    expect(store.getState().pipelines[0]?.status).toMatchObject({ state: 'retrying', cause: 'Milvus unavailable', counters: { consumed: 7 } });
    expect(store.getState().pipelines[1]?.status.counters.consumed).toBe(0);
  });

  it('adds created and duplicated pipelines, removes deleted ones', async () => {
    const t = fakeTransport({ 'pipeline.create': () => ok(view('n')), 'pipeline.duplicate': () => ok(view('n2')), 'pipeline.delete': () => ok(undefined) });
    const store = createPipelinesStore(t);
    await store.getState().create(view('x').spec);
    await store.getState().duplicate('n');
    expect(store.getState().pipelines.map((p) => p.spec.id)).toEqual(['n', 'n2']);
    await store.getState().remove('n');
    expect(store.getState().pipelines.map((p) => p.spec.id)).toEqual(['n2']);
  });

  it('loads topics once per profile unless refreshed, with errors kept per profile', async () => {
    let n = 0;
    const t = fakeTransport({ 'kafka.listTopics': () => (++n === 1 ? ok([{ name: 'orders', partitions: 3 }]) : fail('kafka_refused')) });
    const store = createPipelinesStore(t);
    const target = { kafka: { brokers: ['a:9092'], securityProtocol: 'PLAINTEXT' as const }, profileId: 'k' };
    await store.getState().loadTopics(target);
    await store.getState().loadTopics(target);
    expect(store.getState().topics.k).toEqual({ status: 'ok', value: [{ name: 'orders', partitions: 3 }] });
    await store.getState().loadTopics(target, true);
    expect(store.getState().topics.k).toMatchObject({ status: 'error', error: { code: 'kafka_refused' } });
    expect(n).toBe(2);
  });
});
