import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type KafkaTestResult, type ProfileView } from '../../../shared/domain';
import { createConnectionsStore } from '../../../renderer/src/stores/connections-store';
import { kafkaConnectionToForm, kafkaFormToConnection, milvusConnectionToForm, milvusFormToConnection } from '../../../renderer/src/features/connections/form-model';
import { deferred, fail, fakeTransport, ok } from './fake-transport';

const kafkaProfile: ProfileView = {
  id: 'k1',
  name: 'prod',
  kind: 'kafka',
  updatedAt: 1,
  kafka: { brokers: ['b:9092'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'u', password: SECRET_MASK } },
};
const milvusProfile: ProfileView = { id: 'm1', name: 'Alpha', kind: 'milvus', updatedAt: 1, milvus: { address: 'https://x.zillizcloud.com', token: SECRET_MASK } };
const found: KafkaTestResult = { clusterId: 'c', controllerId: 1, brokers: [{ nodeId: 1, host: 'b', port: 9092 }], topicCount: 3, latencyMs: 4 };

describe('connections store: profiles', () => {
  it('loads profiles sorted by name and keeps the list in step with save, duplicate and delete', async () => {
    const t = fakeTransport({
      'profiles.list': () => ok([kafkaProfile, milvusProfile]),
      'profiles.save': (p) => ok({ ...p, id: p.id ?? 'new', updatedAt: 2 } as ProfileView),
      'profiles.duplicate': (id) => ok({ ...kafkaProfile, id: `${id}-copy`, name: 'prod (copy)' }),
      'profiles.delete': () => ok(undefined),
    });
    const s = createConnectionsStore(t);
    await s.getState().load();
    expect(s.getState().profiles.map((p) => p.name)).toEqual(['Alpha', 'prod']);

    await s.getState().save({ id: 'k1', name: 'prod eu', kind: 'kafka', kafka: kafkaProfile.kafka });
    expect(s.getState().profiles.map((p) => p.name)).toEqual(['Alpha', 'prod eu']);
    await s.getState().duplicate('k1');
    expect(s.getState().profiles.map((p) => p.id)).toEqual(['m1', 'k1-copy', 'k1']);
    await s.getState().remove('m1');
    expect(s.getState().profiles.map((p) => p.id)).toEqual(['k1-copy', 'k1']);
  });

  it('keeps the list and reports the error when a call fails', async () => {
    const t = fakeTransport({ 'profiles.list': () => fail('internal', 'disk full'), 'profiles.delete': () => fail('not_found') });
    const s = createConnectionsStore(t);
    await s.getState().load();
    expect(s.getState()).toMatchObject({ loaded: true, profiles: [], error: { code: 'internal', message: 'disk full' } });
    const r = await s.getState().remove('x');
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reloads the list after an import', async () => {
    let list: ProfileView[] = [];
    const t = fakeTransport({ 'profiles.list': () => ok(list), 'profiles.import': () => ((list = [kafkaProfile]), ok([kafkaProfile])) });
    const s = createConnectionsStore(t);
    await s.getState().importProfiles('[]');
    expect(s.getState().profiles).toEqual([kafkaProfile]);
  });
});

describe('connections store: tests', () => {
  it('maps a test result to state, keyed by the target', async () => {
    const t = fakeTransport({ 'kafka.test': () => ok(found) });
    const s = createConnectionsStore(t);
    const target = { kafka: { brokers: ['b:9092'], securityProtocol: 'PLAINTEXT' as const } };
    const run = s.getState().testKafka(target);
    expect(s.getState().kafkaTest.status).toBe('running');
    await run;
    expect(s.getState().kafkaTest).toMatchObject({ status: 'ok', result: found });
  });

  it('maps a failure to a typed error state', async () => {
    const t = fakeTransport({ 'milvus.test': () => fail('milvus_unauthenticated', 'bad token', 'UNAUTHENTICATED: invalid token') });
    const s = createConnectionsStore(t);
    await s.getState().testMilvus({ milvus: { address: 'x:19530', token: 't' } });
    expect(s.getState().milvusTest).toMatchObject({ status: 'error', error: { code: 'milvus_unauthenticated', detail: 'UNAUTHENTICATED: invalid token' } });
  });

  it('ignores a late answer once a newer test started or the tests were reset', async () => {
    const first = deferred<ReturnType<typeof ok<KafkaTestResult>>>();
    const answers = [first.promise, Promise.resolve(ok({ ...found, clusterId: 'second' }))];
    const t = fakeTransport({ 'kafka.test': () => answers.shift()! });
    const s = createConnectionsStore(t);
    const a = s.getState().testKafka({ kafka: { brokers: ['a:1'], securityProtocol: 'PLAINTEXT' } });
    await s.getState().testKafka({ kafka: { brokers: ['b:1'], securityProtocol: 'PLAINTEXT' } });
    first.resolve(ok({ ...found, clusterId: 'first' }));
    await a;
    expect(s.getState().kafkaTest).toMatchObject({ status: 'ok', result: { clusterId: 'second' } });
  });

  it('keeps the Milvus test key independent of the chosen database', async () => {
    const t = fakeTransport({ 'milvus.test': () => ok({ serverVersion: 'v2.5', database: 'default', databases: ['default', 'rag'], collections: [], latencyMs: 1 }) });
    const s = createConnectionsStore(t);
    await s.getState().testMilvus({ milvus: { address: 'x:19530' } });
    const { milvusTestKey } = await import('../../../renderer/src/stores/connections-store');
    const state = s.getState().milvusTest;
    expect(state.status === 'ok' && state.key).toBe(milvusTestKey({ milvus: { address: 'x:19530', database: 'rag' } }));
  });

  it('sends a masked secret back unchanged, with the profile id, so main fills it', async () => {
    const t = fakeTransport({ 'kafka.test': () => ok(found), 'milvus.test': () => fail('milvus_error') });
    const s = createConnectionsStore(t);
    const kafka = kafkaFormToConnection(kafkaConnectionToForm(kafkaProfile.kafka));
    const milvus = milvusFormToConnection(milvusConnectionToForm(milvusProfile.milvus));
    if (!kafka.ok || !milvus.ok) throw new Error('forms should be valid');
    await s.getState().testKafka({ kafka: kafka.value, profileId: kafkaProfile.id });
    await s.getState().testMilvus({ milvus: milvus.value, profileId: milvusProfile.id });
    expect(t.calls).toEqual([
      { cmd: 'kafka.test', args: [{ kafka: kafkaProfile.kafka, profileId: 'k1' }] },
      { cmd: 'milvus.test', args: [{ milvus: { address: 'https://x.zillizcloud.com', token: SECRET_MASK }, profileId: 'm1' }] },
    ]);
  });
});
