// The producer store against a fake transport: send → receipt → verify with pushed updates, a fresh
// key after the send, errors kept for display, coalesced job progress, generators from events.
import { describe, expect, it } from 'vitest';
import { createProducerStore } from '../../../renderer/src/stores/producer-store';
import type { ProducerTemplate, SendReceipt, VerifyState } from '../../../shared/contract-producer';
import { deferred, fail, fakeTransport, ok } from '../renderer/fake-transport';

const template: ProducerTemplate = {
  schema: { name: 'c', enableDynamicField: false, fields: [{ name: 'id', dataType: 'Int64', isPrimaryKey: true }, { name: 'v', dataType: 'FloatVector', dim: 2 }] },
  value: '{\n  "id": 5,\n  "v": [1, 0]\n}',
  trackField: 'id',
};
const receipt: SendReceipt = { id: 'r1', topic: 't', partition: 0, offset: '7', timestamp: 1, bytes: 20, conversion: { ok: true }, track: { field: 'id', by: 'primary-key', value: 5 } };
const written: VerifyState = { kind: 'written', latencyMs: 120, row: { id: '5', v: [1, 0] }, track: { field: 'id', by: 'primary-key', value: 5 } };

function setup() {
  const verifyDone = deferred<VerifyState>();
  const transport = fakeTransport({
    'producer.template': () => ok(template),
    'producer.send': () => ok(receipt),
    'producer.verify': async () => ok(await verifyDone.promise),
  });
  const store = createProducerStore(transport);
  store.getState().setTarget({ kafkaProfileId: 'k', topic: 't', milvusProfileId: 'm', collection: 'c' });
  return { transport, store, verifyDone };
}

describe('producer store', () => {
  it('loads a template, sends, follows the record and bumps the key', async () => {
    const { transport, store, verifyDone } = setup();
    await store.getState().loadTemplate(true);
    expect(store.getState().value).toBe(template.value);
    const sending = store.getState().send();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().receipt).toEqual(receipt);
    expect(store.getState().verifying).toBe(true);
    expect(store.getState().value).not.toContain('"id": 5,');
    transport.emit('producer.verify', { receiptId: 'other', at: 1, state: { kind: 'waiting', elapsedMs: 9 } });
    transport.emit('producer.verify', { receiptId: 'r1', at: 1, state: { kind: 'waiting', elapsedMs: 250 } });
    expect(store.getState().verify).toEqual({ kind: 'waiting', elapsedMs: 250 });
    verifyDone.resolve(written);
    await sending;
    expect(store.getState()).toMatchObject({ verifying: false, verify: written });
    const sent = transport.calls.find((c) => c.cmd === 'producer.send')?.args[0];
    expect(sent).toMatchObject({ target: { topic: 't', collection: 'c' }, message: { value: template.value, trackField: 'id', headers: [] } });
  });

  it('keeps a send error for display and sends nothing to verify', async () => {
    const transport = fakeTransport({ 'producer.send': () => fail('not_found', 'Topic "t" does not exist') });
    const store = createProducerStore(transport);
    await store.getState().send();
    expect(store.getState().sendError).toMatchObject({ code: 'not_found' });
    expect(transport.calls.some((c) => c.cmd === 'producer.verify')).toBe(false);
  });

  it('passes key, headers and partition, dropping empty header names', async () => {
    const { transport, store, verifyDone } = setup();
    store.getState().setMessage({ value: '{}', key: 'k1', partition: '2', headers: [{ key: 'a', value: '1' }, { key: ' ', value: 'x' }] });
    verifyDone.resolve(written);
    await store.getState().send();
    expect(transport.calls.find((c) => c.cmd === 'producer.send')?.args[0]).toMatchObject({ message: { key: 'k1', partition: 2, headers: [{ key: 'a', value: '1' }] } });
  });

  it('follows job progress and generator events', async () => {
    const transport = fakeTransport({ 'producer.sendMany': () => ok({ jobId: 'j', state: 'running' as const, total: 3, sent: 0, startedAt: 0, ratePerSec: 0 }) });
    const store = createProducerStore(transport);
    await store.getState().sendMany();
    transport.emit('producer.progress', { jobId: 'j', state: 'done', total: 3, sent: 3, startedAt: 0, ratePerSec: 3 });
    expect(store.getState().job).toMatchObject({ state: 'done', sent: 3 });
    const g = { id: 'g1', kafkaProfileId: 'k', topic: 't', ratePerSec: 20, dim: 8, state: 'running' as const, sent: 5, startedAt: 0, observedRatePerSec: 19.5 };
    transport.emit('generator.state', g);
    transport.emit('generator.state', { ...g, sent: 9 });
    expect(store.getState().generators).toEqual([{ ...g, sent: 9 }]);
  });

  it('clears search results when the collection changes', () => {
    const { store } = setup();
    store.setState({ search: { vectorText: '1, 0', topK: 5, filter: '', status: 'ok', result: { vectorField: 'v', tookMs: 1, hits: [] } } });
    store.getState().setTarget({ collection: 'other' });
    expect(store.getState().search).toMatchObject({ status: 'idle', result: undefined, vectorText: '1, 0' });
  });
});
