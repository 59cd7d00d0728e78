// State of the schema feature; talks only to the typed Transport.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaState {}

export type SchemaStore = StoreApi<SchemaState>;

export function createSchemaStore(_transport: Transport): SchemaStore {
  return createStore<SchemaState>()(() => ({}));
}
