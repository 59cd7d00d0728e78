// Failure values and the short "got …" descriptions used in every error message. Converters return
// a Fail instead of throwing: failures are an expected, frequent outcome on bad topics, and building
// a ConversionError (with its message) only happens once, at the field boundary.
import type { ConversionError, ConversionErrorCode } from './types';

export class Fail {
  constructor(
    readonly code: ConversionErrorCode,
    readonly expected: string,
    readonly got: string,
    /** Replaces the default "expected …, got …" text. */
    readonly text?: string,
  ) {}
}

/** Marks a value the row must not contain (Milvus fills the default). */
export const OMIT: unique symbol = Symbol('omit');

export const GOT_MAX = 60;
const HUGE = 10n ** 50n;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A short, payload-safe description of a value: `string "abc"`, `array of 7 items`, `number 1.5`. */
export function describe(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'nothing';
    case 'boolean':
      return `boolean ${String(v)}`;
    case 'number':
      return clip(`number ${String(v)}`, GOT_MAX);
    case 'bigint':
      return v > HUGE || v < -HUGE ? 'an integer of more than 50 digits' : `integer ${v.toString()}`;
    case 'string': {
      const head = v.length > 40 ? `${JSON.stringify(v.slice(0, 40)).slice(0, -1)}…"` : JSON.stringify(v);
      return clip(v.length > 40 ? `string ${head} (${v.length} chars)` : `string ${head}`, GOT_MAX);
    }
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `array of ${v.length} item${v.length === 1 ? '' : 's'}`;
      let keys: string[];
      try {
        keys = Object.keys(v);
      } catch {
        return 'object';
      }
      if (keys.length === 0) return 'empty object';
      return clip(`object {${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}}`, GOT_MAX);
    }
    default:
      return typeof v;
  }
}

/** Turns a Fail into the public error: "field <name>: expected …, got …". */
export function toError(f: Fail, field: string | undefined): ConversionError {
  const body = f.text ?? `expected ${f.expected}, got ${f.got}`;
  const prefix = field === undefined ? '' : `field ${field}: `;
  const error: ConversionError = { code: f.code, message: `${prefix}${body}` };
  if (field !== undefined) error.field = field;
  if (f.expected) error.expected = f.expected;
  if (f.got) error.got = f.got;
  return error;
}

/** Prefixes a Fail found inside a container (array element, JSON path) with its location. */
export function within(f: Fail, where: string): Fail {
  return new Fail(f.code, f.expected, f.got, `${where}: ${f.text ?? `expected ${f.expected}, got ${f.got}`}`);
}
