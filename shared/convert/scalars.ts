// Scalar field converters: value → what the Milvus Node SDK takes, or a Fail. Null and missing
// values never reach these (field.ts decides about them). Every output survives a JSON round trip:
// the SDK's own grouping of dynamic-field rows deep-clones them through JSON (the writer replaces
// it with one that does not, electron/clients/sdk-dynamic-rows.ts, but keeps the SDK's where it
// cannot), and the copy-free grouping relies on rows being plain JSON values: no bigint, no typed arrays.
import type { ArrayElementType, FieldSchema, ScalarType } from '../milvus-schema';
import { atElement, describeWords, Fail, within } from './describe';
import { phrase, type Phrase } from './phrase';

/** Returns the converted value or a Fail. */
export type ValueConverter = (raw: unknown) => unknown;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const F32_MAX = 3.4028234663852886e38;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
export const MAX_JSON_DEPTH = 128;

const wrong = (expected: Phrase, raw: unknown) => new Fail('wrong_type', expected, describeWords(raw));

export function convertBool(raw: unknown): unknown {
  return typeof raw === 'boolean' ? raw : wrong(phrase('expect.boolean'), raw);
}

const INT_RANGE = { Int8: [-128, 127], Int16: [-32768, 32767], Int32: [-2147483648, 2147483647] } as const;

function makeSmallInt(t: keyof typeof INT_RANGE): ValueConverter {
  const [min, max] = INT_RANGE[t];
  const expected = phrase('expect.intRange', { type: t, min, max });
  return (raw) => {
    if (typeof raw === 'number' && Number.isInteger(raw)) {
      return raw >= min && raw <= max ? raw : new Fail('out_of_range', expected, describeWords(raw));
    }
    return typeof raw === 'bigint' ? new Fail('out_of_range', expected, describeWords(raw)) : wrong(expected, raw);
  };
}

const I64_EXPECTED = phrase('expect.int64');

function fromBigInt(b: bigint, raw: unknown): unknown {
  if (b < I64_MIN || b > I64_MAX) return new Fail('out_of_range', I64_EXPECTED, describeWords(raw));
  // Beyond 2^53 the SDK needs a decimal string: protobufjs encodes it exactly via Long.fromString,
  // and unlike bigint it survives the SDK's JSON clone of rows.
  return b >= -BigInt(MAX_SAFE) && b <= BigInt(MAX_SAFE) ? Number(b) : b.toString();
}

/** Int64: safe-integer number, bigint, or a decimal digit string; big values come out as strings. */
export function convertInt64(raw: unknown): unknown {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return raw;
    if (!Number.isInteger(raw)) return wrong(I64_EXPECTED, raw);
    // A JS number this large may already be rounded; we cannot know, so we do not guess.
    const got = describeWords(raw);
    return new Fail('out_of_range', I64_EXPECTED, got, phrase('int64.rounded', { expected: I64_EXPECTED, got }));
  }
  if (typeof raw === 'bigint') return fromBigInt(raw, raw);
  if (typeof raw === 'string' && /^-?[0-9]{1,40}$/.test(raw)) return fromBigInt(BigInt(raw), raw);
  if (typeof raw === 'string' && /^-?[0-9]+$/.test(raw)) return new Fail('out_of_range', I64_EXPECTED, describeWords(raw));
  return wrong(I64_EXPECTED, raw);
}

export function convertFloat(raw: unknown): unknown {
  const v = typeof raw === 'bigint' ? Number(raw) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) return wrong(phrase('expect.finite'), raw);
  return v >= -F32_MAX && v <= F32_MAX ? v : new Fail('out_of_range', phrase('expect.float32'), describeWords(raw));
}

export function convertDouble(raw: unknown): unknown {
  const v = typeof raw === 'bigint' ? Number(raw) : raw;
  return typeof v === 'number' && Number.isFinite(v) ? v : wrong(phrase('expect.finite'), raw);
}

// Matches the character first, then looks around, so plain text is scanned at regex speed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|[\uDC00-\uDFFF](?<![\uD800-\uDBFF][\uDC00-\uDFFF])/;

/** UTF-8 length of a well-formed string: Milvus counts max_length in bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function makeVarChar(maxLength: number | undefined): ValueConverter {
  return (raw) => {
    if (typeof raw !== 'string') return wrong(phrase('expect.string'), raw);
    if (LONE_SURROGATE.test(raw)) {
      return new Fail('wrong_type', phrase('expect.unicode'), phrase('got.unpairedSurrogate'), phrase('unpairedSurrogate'));
    }
    // One UTF-16 unit is at most 3 UTF-8 bytes: short strings skip the count.
    if (maxLength !== undefined && raw.length * 3 > maxLength) {
      const bytes = utf8Length(raw);
      if (bytes > maxLength) return new Fail('too_long', phrase('expect.utf8Bytes', { count: maxLength }), phrase('got.utf8Bytes', { count: bytes }));
    }
    return raw;
  };
}

const JSON_VALUE = phrase('expect.jsonValue');

class JsonFail extends Fail {
  readonly path: string[] = [];
}

/** Records one path step while a failure unwinds (paths are only built on the error path). */
function at(f: JsonFail, step: string): JsonFail {
  f.path.push(step);
  return f;
}

export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function jsonValue(v: unknown, depth: number): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : new JsonFail('wrong_type', JSON_VALUE, describeWords(v));
    case 'bigint':
      return v.toString(); // JSON.stringify throws on bigint; digits are kept exactly as text
    case 'object': {
      if (v === null) return null;
      if (depth >= MAX_JSON_DEPTH) return new JsonFail('wrong_type', phrase('expect.jsonDepth', { max: MAX_JSON_DEPTH }), phrase('got.deeperNesting'));
      if (Array.isArray(v)) {
        let out: unknown[] | null = null;
        for (let i = 0; i < v.length; i++) {
          const e: unknown = v[i];
          const c = typeof e === 'string' || typeof e === 'boolean' || e === null || (typeof e === 'number' && Number.isFinite(e)) ? e : jsonValue(e, depth + 1);
          if (c instanceof JsonFail) return at(c, `[${i}]`);
          if (out === null && c !== e) out = v.slice(0, i);
          if (out !== null) out.push(c);
        }
        return out ?? v;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        return new JsonFail('wrong_type', JSON_VALUE, phrase('value.instance', { type: Object.prototype.toString.call(v).slice(8, -1) }));
      }
      const rec = v as Record<string, unknown>;
      let out: Record<string, unknown> | null = null;
      for (const k of Object.keys(rec)) {
        const e = rec[k];
        const c = jsonValue(e, depth + 1);
        if (c instanceof JsonFail) return at(c, /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k.slice(0, 30))}]`);
        if (c !== e) setOwn((out ??= { ...rec }), k, c);
      }
      return out ?? v;
    }
    default:
      return new JsonFail('wrong_type', JSON_VALUE, phrase('value.typeName', { type: typeof v }));
  }
}

/** Any JSON value; bigints become decimal strings. Input is not modified (copy on change). */
export function convertJson(raw: unknown): unknown {
  const r = jsonValue(raw, 0);
  if (!(r instanceof JsonFail)) return r;
  return r.path.length === 0 ? r : within(r, (detail) => phrase('at.path', { path: `$${r.path.reverse().join('')}`, detail }));
}

function elementConverter(t: ArrayElementType | undefined, maxLength: number | undefined): ValueConverter {
  switch (t) {
    case 'VarChar':
      return makeVarChar(maxLength);
    case undefined:
      return (raw) => new Fail('wrong_type', phrase('expect.untypedArray'), describeWords(raw));
    default:
      return scalarConverter({ dataType: t });
  }
}

function makeArray(field: Pick<FieldSchema, 'elementType' | 'maxCapacity' | 'maxLength'>): ValueConverter {
  const conv = elementConverter(field.elementType, field.maxLength);
  const cap = field.maxCapacity;
  const expected = field.elementType ? phrase('expect.arrayOf', { type: field.elementType }) : phrase('expect.arrayOfValues');
  return (raw) => {
    if (!Array.isArray(raw)) return wrong(expected, raw);
    if (cap !== undefined && raw.length > cap) return new Fail('over_capacity', phrase('expect.atMostElements', { count: cap }), phrase('got.length', { count: raw.length }));
    let out: unknown[] | null = null;
    for (let i = 0; i < raw.length; i++) {
      const e: unknown = raw[i];
      if (e === null || e === undefined) {
        return new Fail('null_not_allowed', phrase('expect.noNullElements'), phrase('value.null'), phrase('nullElement', { index: i }));
      }
      const c = conv(e);
      if (c instanceof Fail) return within(c, atElement(i));
      if (out === null && c !== e) out = raw.slice(0, i);
      if (out !== null) out.push(c);
    }
    return out ?? raw;
  };
}

/** The converter for a scalar type (VarChar and Array need their limits from the field). */
export function scalarConverter(field: Pick<FieldSchema, 'elementType' | 'maxCapacity' | 'maxLength'> & { dataType: ScalarType }): ValueConverter {
  switch (field.dataType) {
    case 'Bool':
      return convertBool;
    case 'Int8':
    case 'Int16':
    case 'Int32':
      return makeSmallInt(field.dataType);
    case 'Int64':
      return convertInt64;
    case 'Float':
      return convertFloat;
    case 'Double':
      return convertDouble;
    case 'VarChar':
      return makeVarChar(field.maxLength);
    case 'JSON':
      return convertJson;
    case 'Array':
      return makeArray(field);
  }
}
