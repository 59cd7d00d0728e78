// Short confirmations ("Connection saved") shown in a polite live region, dismissed after a while.
import { createStore, type StoreApi } from 'zustand/vanilla';

export type ToastTone = 'ok' | 'danger' | 'info';
export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
}

export interface ToastState {
  toasts: Toast[];
  push(text: string, tone?: ToastTone): void;
  dismiss(id: number): void;
}

export type ToastStore = StoreApi<ToastState>;

export function createToastStore(ttlMs = 5000): ToastStore {
  let next = 1;
  return createStore<ToastState>()((set, get) => ({
    toasts: [],
    push(text, tone = 'ok') {
      const id = next++;
      set((s) => ({ toasts: [...s.toasts.slice(-2), { id, text, tone }] }));
      setTimeout(() => get().dismiss(id), ttlMs);
    },
    dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  }));
}
