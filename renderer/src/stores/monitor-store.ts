// State of the monitor feature; talks only to the typed Transport.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MonitorState {}

export type MonitorStore = StoreApi<MonitorState>;

export function createMonitorStore(_transport: Transport): MonitorStore {
  return createStore<MonitorState>()(() => ({}));
}
