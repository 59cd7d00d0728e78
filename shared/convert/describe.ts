// Failure values and the short "got …" descriptions used in every error message. Converters return
// a Fail instead of throwing: failures are an expected, frequent outcome on bad topics, and building
// a ConversionError (with its message and words) only happens once, at the field boundary.
import { englishPhrase, phrase, type Phrase } from './phrase';
import type { ConversionError, ConversionErrorCode } from './types';

export class Fail {
  constructor(
    readonly code: ConversionErrorCode,
    /** What the value should have been; null for failures of a rule rather than a value. */
    readonly expected: Phrase | null,
    readonly got: Phrase | null,
    /** Replaces the default "expected …, got …" sentence. */
    readonly text?: Phrase,
  ) {}

  /** The sentence: its own text, else "expected …, got …". */
  words(): Phrase {
    return this.text ?? phrase('expectedGot', { expected: this.expected ?? '', got: this.got ?? '' });
  }
}

/** Marks a value the row must not contain (Milvus fills the default). */
export const OMIT: unique symbol = Symbol('omit');

export const GOT_MAX = 60;
const HUGE = 10n ** 50n;

/** A short, payload-safe description of a value: `string "abc"`, `array of 7 items`, `number 1.5`. */
export function describeWords(v: unknown): Phrase {
  switch (typeof v) {
    case 'undefined':
      return phrase('value.nothing');
    case 'boolean':
      return phrase('value.boolean', { value: String(v) });
    case 'number':
      return phrase('value.number', { value: String(v) }, GOT_MAX);
    case 'bigint':
      return v > HUGE || v < -HUGE ? phrase('value.hugeInteger') : phrase('value.integer', { value: v.toString() });
    case 'string': {
      if (v.length <= 40) return phrase('value.string', { text: JSON.stringify(v) }, GOT_MAX);
      return phrase('value.longString', { text: `${JSON.stringify(v.slice(0, 40)).slice(0, -1)}…"`, length: v.length }, GOT_MAX);
    }
    case 'object': {
      if (v === null) return phrase('value.null');
      if (Array.isArray(v)) return phrase('value.array', { count: v.length });
      let keys: string[];
      try {
        keys = Object.keys(v);
      } catch {
        return phrase('value.object');
      }
      if (keys.length === 0) return phrase('value.emptyObject');
      return phrase('value.objectKeys', { keys: `{${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}}` }, GOT_MAX);
    }
    default:
      return phrase('value.typeName', { type: typeof v });
  }
}

/** describeWords in English. */
export function describe(v: unknown): string {
  return englishPhrase(describeWords(v));
}

/** Turns a Fail into the public error: "field <name>: expected …, got …", with its words. */
export function toError(f: Fail, field: string | undefined): ConversionError {
  const words = f.words();
  const prefix = field === undefined ? '' : `field ${field}: `;
  const error: ConversionError = { code: f.code, message: `${prefix}${englishPhrase(words)}` };
  if (field !== undefined) error.field = field;
  if (f.expected) error.expected = englishPhrase(f.expected);
  if (f.got) error.got = englishPhrase(f.got);
  error.words = words;
  return error;
}

/** Places a Fail found inside a container (array element, JSON path) with its location phrase. */
export function within(f: Fail, where: (detail: Phrase) => Phrase): Fail {
  return new Fail(f.code, f.expected, f.got, where(f.words()));
}

/** "element 3: …" */
export const atElement =
  (index: number) =>
  (detail: Phrase): Phrase =>
    phrase('at.element', { index, detail });
