// Message catalogs and the translator. Keys are typed: a missing Spanish key or an unknown key in a
// component is a type error. Templates use {name} placeholders; numbers are formatted for the locale.
import type { Settings } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import { fillTemplate } from '../../../shared/fill-template';
import { en } from './en';
import { es } from './es';

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'es';
export type Params = Record<string, string | number>;

export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es };

/** Keys that come in `_one` / `_other` pairs, addressed by their base. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

// Every error code has a title and a hint: these lines fail to compile if one is missing.
type ErrorKey = `error.${ErrorCode}`;
type HintKey = `hint.${ErrorCode}`;
export const errorKey = (code: ErrorCode): MessageKey => `error.${code}` satisfies ErrorKey;
export const hintKey = (code: ErrorCode): MessageKey => `hint.${code}` satisfies HintKey;
const _allErrorKeys: [ErrorKey, HintKey] extends [MessageKey, MessageKey] ? true : never = true;
void _allErrorKeys;

export interface ResolvedLocale {
  lang: Lang;
  /** BCP 47 tag for Intl (keeps the region of the system language when it matches). */
  intl: string;
}

/** 'auto' follows the system language; anything not Spanish falls back to English. */
export function resolveLocale(setting: Settings['locale'], systemLanguages: readonly string[]): ResolvedLocale {
  const system = systemLanguages[0] ?? 'en';
  const base = system.toLowerCase().split('-')[0];
  const lang: Lang = setting !== 'auto' ? setting : base === 'es' ? 'es' : 'en';
  return { lang, intl: base === lang ? system : lang };
}

export function interpolate(template: string, params: Params | undefined, formatNumber: (n: number) => string): string {
  if (!params) return template;
  return fillTemplate<string | number>(template, params, (_, v) => (typeof v === 'number' ? formatNumber(v) : v));
}

export interface Translator {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** Picks `<base>_one` or `<base>_other` for `count` and passes it as {count}. */
  plural(base: PluralBase, count: number, params?: Params): string;
  /** The plural form the language uses for `count` (which of a `_one` / `_other` pair). */
  pluralForm(count: number): 'one' | 'other';
}

export function createTranslator(locale: ResolvedLocale): Translator {
  const catalog = catalogs[locale.lang];
  const numbers = new Intl.NumberFormat(locale.intl, { maximumFractionDigits: 2, useGrouping: 'always' });
  const rules = new Intl.PluralRules(locale.intl);
  const t = (key: MessageKey, params?: Params) => interpolate(catalog[key] ?? en[key] ?? key, params, (n) => numbers.format(n));
  const pluralForm = (count: number) => (rules.select(count) === 'one' ? 'one' : 'other');
  return {
    lang: locale.lang,
    t,
    plural: (base, count, params) => t(`${base}_${pluralForm(count)}` as MessageKey, { ...params, count }),
    pluralForm,
  };
}
