// User settings (theme, language), loaded from and saved to the host with settings.get / settings.set.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import type { Settings } from '../../../shared/domain';
import type { AppError } from '../../../shared/errors';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', locale: 'auto' };

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  error: AppError | null;
  load(): Promise<void>;
  /** Applies the change at once and saves it; reverts if the host refuses. */
  update(patch: Partial<Settings>): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(transport: Transport): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    settings: DEFAULT_SETTINGS,
    loaded: false,
    error: null,
    async load() {
      const r = await transport.invoke('settings.get');
      if (r.ok) set({ settings: r.value, loaded: true, error: null });
      else set({ error: r.error });
    },
    async update(patch) {
      const before = get().settings;
      set({ settings: { ...before, ...patch }, error: null });
      const r = await transport.invoke('settings.set', patch);
      if (r.ok) set({ settings: r.value });
      else set({ settings: before, error: r.error });
    },
  }));
}
