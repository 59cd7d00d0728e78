// Vector search on the target collection: a pasted vector (or a landed row's), top-k and a filter.
import type { Transport } from '../../../../../shared/contract';
import { parseVector } from '../message-text';
import type { GetState, SearchSlice, SetState } from './types';

export function searchSlice(transport: Transport, set: SetState, get: GetState): SearchSlice {
  let seq = 0;
  return {
    search: { vectorText: '', topK: 5, filter: '', status: 'idle' },
    setSearch: (patch) => set((s) => ({ search: { ...s.search, ...patch } })),
    async runSearch() {
      const s = get();
      const vector = parseVector(s.search.vectorText);
      const { milvusProfileId, collection, database } = s.target;
      if (!vector || !milvusProfileId || !collection) return;
      const mine = ++seq;
      set({ search: { ...s.search, status: 'running', error: undefined } });
      const filter = s.search.filter.trim();
      const r = await transport.invoke('milvus.search', {
        milvusProfileId,
        collection,
        vector,
        topK: s.search.topK,
        ...(filter ? { filter } : {}),
        ...(database ? { database } : {}),
      });
      if (mine !== seq) return;
      set((cur) => ({ search: r.ok ? { ...cur.search, status: 'ok', result: r.value, error: undefined } : { ...cur.search, status: 'error', error: r.error } }));
    },
  };
}
