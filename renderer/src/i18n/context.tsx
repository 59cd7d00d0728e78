// The active locale for components: follows the language setting ('auto' = the system language).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApp } from '../stores/context';
import { createFormatters, type Formatters } from './format';
import { createTranslator, resolveLocale, type ResolvedLocale, type Translator } from './i18n';

export interface I18n extends Translator {
  locale: ResolvedLocale;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function buildI18n(locale: ResolvedLocale): I18n {
  const tr = createTranslator(locale);
  return { ...tr, locale, fmt: createFormatters(locale, tr) };
}

export function I18nProvider({ systemLanguages, children }: { systemLanguages: readonly string[]; children: ReactNode }) {
  const setting = useApp('settings', (s) => s.settings.locale);
  const value = useMemo(() => buildI18n(resolveLocale(setting, systemLanguages)), [setting, systemLanguages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
