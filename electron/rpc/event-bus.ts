// In-process event bus. Listeners that throw are isolated so one bad subscriber cannot stop others.
import type { EventName, Events } from '../../shared/contract';
import type { EventBus } from './types';

export function createEventBus(): EventBus {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) {
        try {
          (l as (p: Events[typeof event]) => void)(payload);
        } catch {
          // a failing subscriber (e.g. a closed socket) must not break the others
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
