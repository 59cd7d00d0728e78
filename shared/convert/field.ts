// One field: missing/null rules, then the type converter. Compiled once per field and reused.
import { isVectorType, type FieldSchema } from '../milvus-schema';
import type { VectorEncoding } from '../pipeline-config';
import { Fail, OMIT, toError } from './describe';
import { phrase, type Phrase } from './phrase';
import { scalarConverter } from './scalars';
import type { ConversionError, ConvertOptions, FieldResult } from './types';
import { vectorConverter } from './vectors';

/** Returns the SDK-ready value, OMIT (leave the key out of the row), or a Fail. */
export type FieldConverter = (raw: unknown) => unknown;

/** "FloatVector(8)", "Array<Int32>", "Int64 primary key". */
export function describeFieldWords(f: FieldSchema): Phrase {
  const dim = f.dim !== undefined ? `(${f.dim})` : '';
  const el = f.dataType === 'Array' && f.elementType ? `<${f.elementType}>` : '';
  return phrase(f.isPrimaryKey ? 'field.primaryKey' : 'field.type', { type: `${f.dataType}${el}${dim}` });
}

/**
 * Missing (undefined) and null follow Milvus semantics as the SDK sends them: a field with a default
 * value is left out of the row, so the SDK marks it invalid in valid_data and Milvus fills the
 * default; a nullable field gets null (same valid_data=false, stored as NULL); otherwise it is an error.
 */
export function compileField(field: FieldSchema, encoding: VectorEncoding): FieldConverter {
  const conv = isVectorType(field.dataType)
    ? vectorConverter({ dim: field.dim, dataType: field.dataType }, encoding)
    : scalarConverter({ ...field, dataType: field.dataType });
  const hasDefault = field.defaultValue !== undefined && field.defaultValue !== null;
  const nullable = field.nullable === true;
  const what = describeFieldWords(field);
  const missing = new Fail('missing_field', what, phrase('value.nothing'), phrase('field.missing', { type: what }));
  const isNull = new Fail('null_not_allowed', what, phrase('value.null'), phrase('field.null', { type: what }));
  if (hasDefault) return (raw) => (raw === undefined || raw === null ? OMIT : conv(raw));
  if (nullable) return (raw) => (raw === undefined || raw === null ? null : conv(raw));
  return (raw) => (raw === undefined ? missing : raw === null ? isNull : conv(raw));
}

const compiled = new WeakMap<FieldSchema, Partial<Record<VectorEncoding, FieldConverter>>>();

function cachedField(field: FieldSchema, encoding: VectorEncoding): FieldConverter {
  let byEncoding = compiled.get(field);
  if (!byEncoding) compiled.set(field, (byEncoding = {}));
  return (byEncoding[encoding] ??= compileField(field, encoding));
}

/**
 * One value → the value to hand to the Milvus Node SDK. `{ ok: true, value: undefined }` means "leave
 * the field out of the row" (it has a default value that Milvus fills).
 */
export function convertField(field: FieldSchema, raw: unknown, opts: Pick<ConvertOptions, 'vectorEncoding'>): FieldResult {
  try {
    const c = cachedField(field, opts.vectorEncoding)(raw);
    if (c instanceof Fail) return { ok: false, error: toError(c, field.name) };
    return { ok: true, value: c === OMIT ? undefined : c };
  } catch (e) {
    return { ok: false, error: unexpected(field.name, e) };
  }
}

/** Last-resort error for values that throw while being read (getters, proxies, stack overflow). */
export function unexpected(field: string | undefined, e: unknown): ConversionError {
  let why: string | Phrase;
  try {
    why = (e instanceof Error ? e.message : String(e)).slice(0, 80);
  } catch {
    why = phrase('field.unknownError');
  }
  return toError(new Fail('wrong_type', phrase('expect.jsonValue'), phrase('got.unreadable'), phrase('field.unreadable', { why })), field);
}
