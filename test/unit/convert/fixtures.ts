// Shared schema and option builders for the conversion tests.
import type { CollectionSchema, FieldSchema } from '../../../shared/milvus-schema';
import type { ConvertOptions, FieldResult } from '../../../shared/convert/types';
import { expect } from 'vitest';

export const OPTS: ConvertOptions = { mapping: [], ignore: [], valueFormat: 'auto', vectorEncoding: 'auto', extraFields: 'dynamic' };

export function opts(over: Partial<ConvertOptions> = {}): ConvertOptions {
  return { ...OPTS, ...over };
}

export function field(name: string, dataType: FieldSchema['dataType'], over: Partial<FieldSchema> = {}): FieldSchema {
  return { name, dataType, ...over };
}

export function schema(fields: FieldSchema[], enableDynamicField = true): CollectionSchema {
  return { name: 'docs', fields, enableDynamicField };
}

/** id Int64 PK, title VarChar(64), title_vector FloatVector(4). */
export const DOCS = schema([
  field('id', 'Int64', { isPrimaryKey: true }),
  field('title', 'VarChar', { maxLength: 64 }),
  field('title_vector', 'FloatVector', { dim: 4 }),
]);

export function okValue(r: FieldResult): unknown {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Asserts a failed result with this code and returns the message. */
export function failure(r: { ok: boolean; error?: { code: string; message: string } }, code: string): string {
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  return r.error?.message ?? '';
}
