// Keeps <html> in step with the settings: data-theme (resolving 'system' live) and lang.
import { resolveLocale } from '../i18n/i18n';
import type { Stores } from '../stores/stores';

export function applyDocumentEffects(stores: Stores, doc: Document, media: MediaQueryList, systemLanguages: readonly string[]): void {
  const root = doc.documentElement;
  const apply = () => {
    const { theme, locale } = stores.settings.getState().settings;
    const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
    root.lang = resolveLocale(locale, systemLanguages).lang;
  };
  apply();
  stores.settings.subscribe(apply);
  media.addEventListener('change', apply);
}
