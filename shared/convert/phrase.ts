// Conversion failures as structured words: a phrase key with parameters, so the renderer can word
// them in the reader's language while the English message stays what it always was. Parameters are
// text quoted from the message (kept as is), numbers (counts, limits, positions: a locale formats
// them) or nested phrases. Phrases are only built when a conversion fails.
import { fillTemplate } from '../fill-template';
import { CONVERT_PHRASES_EN, type PhraseTemplateKey } from './phrases-en';

/** A table key, with plural pairs addressed by their base (the phrase's {count} picks the form). */
export type PhraseKey = PhraseTemplateKey extends infer K
  ? K extends `${infer B}_one`
    ? B
    : K extends `${string}_other`
      ? never
      : K
  : never;

export type PhraseParam = string | number | Phrase;

export interface Phrase {
  key: PhraseKey;
  params: Readonly<Record<string, PhraseParam>>;
  /** The worded phrase is cut to this many characters (descriptions of payload values stay short). */
  clip?: number;
}

const NO_PARAMS: Readonly<Record<string, PhraseParam>> = Object.freeze({});

export function phrase(key: PhraseKey, params: Readonly<Record<string, PhraseParam>> = NO_PARAMS, clip?: number): Phrase {
  return clip === undefined ? { key, params } : { key, params, clip };
}

/** How a language words phrases: its templates (undefined when unknown), numbers and plural rule. */
export interface PhraseWording {
  template(key: string): string | undefined;
  number(n: number): string;
  isOne(n: number): boolean;
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The phrase in the given wording; undefined when it uses a key the wording does not know. */
export function wordPhrase(p: Phrase, wording: PhraseWording): string | undefined {
  const count = p.params.count;
  const template = wording.template(p.key) ?? (typeof count === 'number' ? wording.template(`${p.key}_${wording.isOne(count) ? 'one' : 'other'}`) : undefined);
  if (template === undefined) return undefined;
  let complete = true;
  const text = fillTemplate<PhraseParam>(template, p.params, (name, v) => {
    if (typeof v === 'number') return wording.number(v);
    if (typeof v === 'string') return v;
    const inner = wordPhrase(v, wording);
    if (inner === undefined) complete = false;
    return inner ?? `{${name}}`;
  });
  if (!complete) return undefined;
  return p.clip === undefined ? text : clip(text, p.clip);
}

const TABLE: Readonly<Record<string, string>> = CONVERT_PHRASES_EN;
const ENGLISH: PhraseWording = { template: (key) => (Object.hasOwn(TABLE, key) ? TABLE[key] : undefined), number: (n) => String(n), isOne: (n) => n === 1 };

/** The English sentence: what ConversionError.message says (without its "field x: " prefix). */
export function englishPhrase(p: Phrase): string {
  return wordPhrase(p, ENGLISH) ?? p.key;
}

/**
 * The words of a whole message, "field x: " prefix included when the message has one (the event
 * log quotes messages whole); undefined for an error without words.
 */
export function messageWords(error: { message: string; field?: string; words?: Phrase }): Phrase | undefined {
  if (!error.words) return undefined;
  const { field } = error;
  return field !== undefined && error.message.startsWith(`field ${field}: `) ? phrase('inField', { field, detail: error.words }) : error.words;
}

/** Longest serialized phrase accepted back from a record header (a few hundred bytes in practice). */
const MAX_PHRASE_JSON = 8_192;
const MAX_DEPTH = 8;

/**
 * A phrase read back from text that came through Kafka (a dead-letter header): only known keys,
 * string, finite-number or phrase params, bounded size and depth. Anything else is undefined, and
 * the English message stands alone.
 */
export function phraseFromJson(text: string): Phrase | undefined {
  if (text.length > MAX_PHRASE_JSON) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  return asPhrase(raw, 0);
}

function asPhrase(v: unknown, depth: number): Phrase | undefined {
  if (depth > MAX_DEPTH || typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { key, params, clip: cut } = v as { key?: unknown; params?: unknown; clip?: unknown };
  if (typeof key !== 'string' || !isPhraseKey(key)) return undefined;
  if (cut !== undefined && !(typeof cut === 'number' && Number.isInteger(cut) && cut > 0)) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const out: Record<string, PhraseParam> = {};
  for (const [name, p] of Object.entries(params)) {
    if (typeof p === 'string' || (typeof p === 'number' && Number.isFinite(p))) out[name] = p;
    else {
      const inner = asPhrase(p, depth + 1);
      if (!inner) return undefined;
      out[name] = inner;
    }
  }
  return phrase(key, out, cut as number | undefined);
}

function isPhraseKey(key: string): key is PhraseKey {
  return Object.hasOwn(TABLE, key) || Object.hasOwn(TABLE, `${key}_one`);
}
