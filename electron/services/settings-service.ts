// 'settings.*': theme and locale, persisted in <dataDir>/settings.json. A missing or damaged file
// means defaults (settings are preferences, never worth refusing to start over).
import { join } from 'node:path';
import { Settings } from '../../shared/domain';
import type { Handlers, ServiceContext } from '../rpc/types';
import { readJson, serialized, writeJsonAtomic } from './json-file';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', locale: 'auto' };
export const SETTINGS_FILE = 'settings.json';

export function settingsHandlers(ctx: ServiceContext): Pick<Handlers, 'settings.get' | 'settings.set'> {
  const file = join(ctx.dataDir, SETTINGS_FILE);
  const load = async (): Promise<Settings> => {
    let raw: unknown;
    try {
      raw = await readJson(file);
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    // keep each valid key of an older or hand-edited file, default the rest
    const parsed = Settings.partial().safeParse(raw);
    if (parsed.success) return { ...DEFAULT_SETTINGS, ...parsed.data };
    const out = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      const r = raw as Record<string, unknown>;
      const theme = Settings.shape.theme.safeParse(r.theme);
      const locale = Settings.shape.locale.safeParse(r.locale);
      if (theme.success) out.theme = theme.data;
      if (locale.success) out.locale = locale.data;
    }
    return out;
  };
  return {
    'settings.get': load,
    'settings.set': (patch) =>
      serialized(file, async () => {
        const next = Settings.parse({ ...(await load()), ...withoutUndefined(patch) });
        await writeJsonAtomic(file, next);
        return next;
      }),
  };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
