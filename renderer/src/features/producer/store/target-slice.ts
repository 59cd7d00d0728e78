// The target: topic and collection (by hand or from a pipeline), their lists, and the collection's
// schema with a fresh message template.
import type { Transport } from '../../../../../shared/contract';
import type { GetState, SetState, TargetSlice } from './types';

export function targetSlice(transport: Transport, set: SetState, get: GetState): TargetSlice {
  let templateSeq = 0;
  return {
    target: { pipelineId: '', kafkaProfileId: '', topic: '', milvusProfileId: '', collection: '' },
    topics: { status: 'idle' },
    collections: { status: 'idle' },
    template: { status: 'idle' },

    setTarget(patch) {
      const prev = get().target;
      const target = { ...prev, ...patch };
      const collectionChanged = target.collection !== prev.collection || target.milvusProfileId !== prev.milvusProfileId || target.database !== prev.database;
      set({ target, ...(collectionChanged ? { template: { status: 'idle' }, search: { ...get().search, status: 'idle', result: undefined, error: undefined } } : {}) });
    },

    async loadTopics(profile) {
      if (profile.kind !== 'kafka') return;
      set({ topics: { status: 'loading' } });
      const r = await transport.invoke('kafka.listTopics', { kafka: profile.kafka, profileId: profile.id });
      if (get().target.kafkaProfileId !== profile.id) return;
      set({ topics: r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error } });
    },

    async loadCollections(profile) {
      if (profile.kind !== 'milvus') return;
      set({ collections: { status: 'loading' } });
      const r = await transport.invoke('milvus.listCollections', { milvus: profile.milvus, profileId: profile.id });
      if (get().target.milvusProfileId !== profile.id) return;
      set({ collections: r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error } });
    },

    async loadTemplate(fill) {
      const { milvusProfileId, collection, database } = get().target;
      if (!milvusProfileId || !collection) return;
      const seq = ++templateSeq;
      set({ template: { status: 'loading' } });
      const r = await transport.invoke('producer.template', { milvusProfileId, collection, ...(database ? { database } : {}) });
      if (seq !== templateSeq) return; // a newer request (another collection) wins
      if (!r.ok) return set({ template: { status: 'error', error: r.error } });
      set({ template: { status: 'ok', value: r.value }, ...(fill ? { value: r.value.value } : {}) });
    },
  };
}
