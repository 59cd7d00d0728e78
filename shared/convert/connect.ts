// Kafka Connect JSON envelopes (JsonConverter with schemas.enable=true): {"schema": {...}, "payload": ...}.
// We unwrap the payload and check it against the declared top-level field types: a cheap, one-level
// check that catches producers whose schema and data disagree before Milvus sees the row.
import { describeWords } from './describe';
import { englishPhrase, phrase, type Phrase } from './phrase';
import type { ConversionError } from './types';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly the keys schema and payload, where schema declares a type. */
export function isConnectEnvelope(v: unknown): v is { schema: Obj; payload: unknown } {
  if (!isObject(v)) return false;
  let n = 0;
  for (const k in v) {
    if (k !== 'schema' && k !== 'payload') return false;
    n++;
  }
  return n === 2 && isObject(v.schema) && typeof v.schema.type === 'string';
}

const DECIMAL = 'org.apache.kafka.connect.data.Decimal';

function matchesType(type: string, logicalName: unknown, v: unknown): boolean {
  switch (type) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    case 'float32':
    case 'float64':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'bytes':
      // Bytes travel as base64 text; Decimal may be written as a JSON number (decimal.format=NUMERIC).
      return typeof v === 'string' || (logicalName === DECIMAL && typeof v === 'number');
    case 'array':
      return Array.isArray(v);
    case 'map':
      return typeof v === 'object' && v !== null;
    case 'struct':
      return isObject(v);
    default:
      return true; // a type we do not know: do not judge
  }
}

function mismatch(field: string | undefined, words: Phrase, expected: string, got: Phrase): ConversionError {
  const message = englishPhrase(words);
  const e: ConversionError = { code: 'envelope_mismatch', message: field === undefined ? message : `field ${field}: ${message}`, expected, got: englishPhrase(got) };
  if (field !== undefined) e.field = field;
  e.words = words;
  return e;
}

/** Checks a payload against its envelope schema; null when they agree. */
export function checkEnvelope(schema: Obj, payload: unknown): ConversionError | null {
  const type = schema.type as string;
  if (payload === null || payload === undefined) {
    const words = phrase('connect.nullPayload');
    return { code: 'empty_value', message: englishPhrase(words), words };
  }
  if (!matchesType(type, schema.name, payload)) {
    const got = describeWords(payload);
    return mismatch(undefined, phrase('connect.payloadType', { type, got }), type, got);
  }
  if (type !== 'struct' || !Array.isArray(schema.fields) || !isObject(payload)) return null;
  for (const def of schema.fields as unknown[]) {
    if (!isObject(def) || typeof def.field !== 'string' || typeof def.type !== 'string') continue;
    const v = payload[def.field];
    if (v === null || v === undefined) {
      if (def.optional === true || def.default !== undefined) continue;
      const got = describeWords(v);
      return mismatch(def.field, phrase('connect.required', { got }), def.type, got);
    }
    if (!matchesType(def.type, def.name, v)) {
      const got = describeWords(v);
      return mismatch(def.field, phrase('connect.fieldType', { type: def.type, got }), def.type, got);
    }
  }
  return null;
}
