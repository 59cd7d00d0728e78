// Saved connection profiles (secrets arrive masked) and the "Test connection" runs of the forms.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import type { KafkaTarget, KafkaTestResult, MilvusTarget, MilvusTestResult, ProfileInput, ProfileView } from '../../../shared/domain';
import type { AppError, RpcResult } from '../../../shared/errors';
import { IDLE, targetKey, type TestState } from './test-state';

export interface ConnectionsState {
  profiles: ProfileView[];
  loaded: boolean;
  error: AppError | null;
  kafkaTest: TestState<KafkaTestResult>;
  milvusTest: TestState<MilvusTestResult>;
  load(): Promise<void>;
  /** Creates or updates (with `id`); a secret equal to SECRET_MASK keeps the stored value. */
  save(profile: ProfileInput): Promise<RpcResult<ProfileView>>;
  duplicate(id: string): Promise<RpcResult<ProfileView>>;
  remove(id: string): Promise<RpcResult<void>>;
  exportProfiles(includeSecrets: boolean): Promise<RpcResult<string>>;
  importProfiles(json: string): Promise<RpcResult<ProfileView[]>>;
  /** Pass `profileId` when testing an edited profile so main fills masked secrets. */
  testKafka(target: KafkaTarget): Promise<void>;
  testMilvus(target: MilvusTarget): Promise<void>;
  resetTests(): void;
}

export type ConnectionsStore = StoreApi<ConnectionsState>;

const byName = (a: ProfileView, b: ProfileView) => a.name.localeCompare(b.name);

/** Key of a test target. Milvus ignores the database, so the database list survives picking one. */
export const kafkaTestKey = (t: KafkaTarget) => targetKey(t);
export const milvusTestKey = (t: MilvusTarget) => targetKey({ ...t, milvus: { ...t.milvus, database: undefined } });

const isCurrent = (s: TestState<unknown>, key: string) => s.status === 'running' && s.key === key;

export function createConnectionsStore(transport: Transport): ConnectionsStore {
  return createStore<ConnectionsState>()((set, get) => {
    const upsert = (p: ProfileView) =>
      set((s) => ({ profiles: [...s.profiles.filter((x) => x.id !== p.id), p].sort(byName) }));

    return {
      profiles: [],
      loaded: false,
      error: null,
      kafkaTest: IDLE,
      milvusTest: IDLE,

      async load() {
        const r = await transport.invoke('profiles.list');
        if (r.ok) set({ profiles: [...r.value].sort(byName), loaded: true, error: null });
        else set({ error: r.error, loaded: true });
      },
      async save(profile) {
        const r = await transport.invoke('profiles.save', profile);
        if (r.ok) upsert(r.value);
        return r;
      },
      async duplicate(id) {
        const r = await transport.invoke('profiles.duplicate', id);
        if (r.ok) upsert(r.value);
        return r;
      },
      async remove(id) {
        const r = await transport.invoke('profiles.delete', id);
        if (r.ok) set((s) => ({ profiles: s.profiles.filter((p) => p.id !== id) }));
        return r;
      },
      exportProfiles: (includeSecrets) => transport.invoke('profiles.export', { includeSecrets }),
      async importProfiles(json) {
        const r = await transport.invoke('profiles.import', json);
        if (r.ok) await get().load();
        return r;
      },

      async testKafka(target) {
        const key = kafkaTestKey(target);
        set({ kafkaTest: { status: 'running', key } });
        const r = await transport.invoke('kafka.test', target);
        // A newer run (or a reset) wins over a late answer.
        if (!isCurrent(get().kafkaTest, key)) return;
        set({ kafkaTest: r.ok ? { status: 'ok', key, result: r.value } : { status: 'error', key, error: r.error } });
      },
      async testMilvus(target) {
        const key = milvusTestKey(target);
        set({ milvusTest: { status: 'running', key } });
        const r = await transport.invoke('milvus.test', target);
        if (!isCurrent(get().milvusTest, key)) return;
        set({ milvusTest: r.ok ? { status: 'ok', key, result: r.value } : { status: 'error', key, error: r.error } });
      },
      resetTests: () => set({ kafkaTest: IDLE, milvusTest: IDLE }),
    };
  });
}
