// Live validation of the message against the collection schema, with the same conversion rules the
// pipeline applies (shared/convert): JSON syntax with line and column, every field's problem (not
// only the first), extra fields that would not be stored, and Kafka's 1 MiB message limit.
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from '../../../../shared/contract-producer';
import { convertField, convertRecord, decodeValue, type ConversionError, type ConvertOptions, type Phrase } from '../../../../shared/convert';
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import { utf8Bytes } from './message-text';

export type Issue =
  | { kind: 'json'; message: string; words?: Phrase; line?: number; column?: number }
  | { kind: 'field'; error: ConversionError }
  | { kind: 'size'; bytes: number };

export interface Validation {
  ok: boolean;
  issues: Issue[];
  /** Source fields the pipeline would not store (extra fields, autoID keys). */
  dropped: string[];
  bytes: number;
}

export function validateMessage(text: string, schema: CollectionSchema | null, opts: ConvertOptions, extraBytes = 0): Validation {
  const bytes = utf8Bytes(text) + extraBytes;
  const issues: Issue[] = [];
  if (bytes > KAFKA_DEFAULT_MAX_MESSAGE_BYTES) issues.push({ kind: 'size', bytes });
  const decoded = decodeValue(text, opts.valueFormat, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!decoded.ok) {
    if (decoded.error.code === 'invalid_json' || decoded.error.code === 'empty_value') {
      const at = /line (\d+), column (\d+)/.exec(decoded.error.message);
      const issue: Issue = { kind: 'json', message: decoded.error.message };
      if (decoded.error.words) issue.words = decoded.error.words;
      if (at) Object.assign(issue, { line: Number(at[1]), column: Number(at[2]) });
      issues.push(issue);
    } else issues.push({ kind: 'field', error: decoded.error });
    return { ok: false, issues, dropped: [], bytes };
  }
  if (!schema) return { ok: issues.length === 0, issues, dropped: [], bytes };

  const result = convertRecord(decoded.value, schema, opts);
  const obj = decoded.value;
  // Without a mapping each field reads its own key: check them all, so every problem shows at once.
  if (!result.ok && opts.mapping.length === 0 && typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    const seen = new Set<string>();
    for (const f of schema.fields) {
      if (f.isFunctionOutput || (f.isPrimaryKey && f.autoID) || opts.ignore.includes(f.name)) continue;
      const r = convertField(f, (obj as Record<string, unknown>)[f.name], opts);
      if (!r.ok) {
        issues.push({ kind: 'field', error: r.error });
        seen.add(f.name);
      }
    }
    if (!result.error.field || !seen.has(result.error.field)) issues.push({ kind: 'field', error: result.error });
  } else if (!result.ok) issues.push({ kind: 'field', error: result.error });
  return { ok: issues.length === 0, issues, dropped: result.ok ? result.dropped : [], bytes };
}
