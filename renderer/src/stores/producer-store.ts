// State of the producer feature; talks only to the typed Transport.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProducerState {}

export type ProducerStore = StoreApi<ProducerState>;

export function createProducerStore(_transport: Transport): ProducerStore {
  return createStore<ProducerState>()(() => ({}));
}
