// Stores reach components through context; components never see the Transport or window.*.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Stores } from './stores';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside StoresProvider');
  return stores;
}

type StateOf<S> = S extends StoreApi<infer T> ? T : never;

/** Subscribes to one store of the bundle with a selector: `useApp('connections', (s) => s.profiles)`. */
export function useApp<K extends keyof Stores, U>(name: K, selector: (state: StateOf<Stores[K]>) => U): U {
  const store = useStores()[name] as unknown as StoreApi<StateOf<Stores[K]>>;
  return useStore<StoreApi<StateOf<Stores[K]>>, U>(store, selector);
}
