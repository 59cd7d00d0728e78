// Runs one corpus entry through the pure conversion, as the engine does (decode, then convert).
import { convertRecord, decodeValue, type ConvertOptions, type ConversionError } from '../../../shared/convert';
import type { CollectionSchema } from '../../../shared/milvus-schema';
import { AUTOID_SCHEMA, CORPUS_SCHEMA, type MalformedKind } from '../corpus';

export const CORPUS_OPTIONS: ConvertOptions = { mapping: [], ignore: [], valueFormat: 'auto', vectorEncoding: 'auto', extraFields: 'error' };

export interface Schemas {
  main: CollectionSchema;
  autoid: CollectionSchema;
}

/** The conversion error for this value, or null when it converts; schemas default to the corpus'. */
export function conversionOf(k: MalformedKind, schemas: Schemas = { main: CORPUS_SCHEMA, autoid: AUTOID_SCHEMA }): ConversionError | null {
  const d = decodeValue(k.value, CORPUS_OPTIONS.valueFormat);
  if (!d.ok) return d.error;
  const c = convertRecord(d.value, schemas[k.target], CORPUS_OPTIONS);
  return c.ok ? null : c.error;
}
