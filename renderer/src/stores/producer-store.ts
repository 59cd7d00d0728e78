// State of the producer feature; talks only to the typed Transport. The slices live with the
// feature (features/producer/store): target, message + delivery, search, demo generators.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import { generatorSlice, subscribeGeneratorEvents } from '../features/producer/store/generator-slice';
import { messageSlice, subscribeMessageEvents } from '../features/producer/store/message-slice';
import { searchSlice } from '../features/producer/store/search-slice';
import { targetSlice } from '../features/producer/store/target-slice';
import type { ProducerState } from '../features/producer/store/types';

export type { ProducerState } from '../features/producer/store/types';

export type ProducerStore = StoreApi<ProducerState>;

export function createProducerStore(transport: Transport): ProducerStore {
  const store = createStore<ProducerState>()((set, get) => ({
    ...targetSlice(transport, set, get),
    ...messageSlice(transport, set, get),
    ...searchSlice(transport, set, get),
    ...generatorSlice(transport, set, get),
  }));
  subscribeMessageEvents(transport, store.setState, store.getState);
  subscribeGeneratorEvents(transport, store.setState);
  return store;
}
