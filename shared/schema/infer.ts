// Topic message schema inference: decode sampled values with the same decoder the engine uses,
// walk them once, and summarise every field path (types, lengths, vector and key candidates).
import { decodeValue, messageWords } from '../convert';
import { FieldAccumulator } from './field-stats';
import type { InferOptions, InferredField, InferredSchema, PrimaryKeyCandidate, UnparseableReason } from './infer-types';

export interface Sample {
  value: Uint8Array | string | null;
  key?: string | null;
}

export interface DecodedSamples {
  /** Decoded values of the samples that parsed, in input order. */
  values: unknown[];
  /** Input index of each entry of `values`. */
  indices: number[];
  sampleCount: number;
  formats: { json: number; connect: number };
  unparseable: { count: number; reasons: UnparseableReason[] };
  keys: { present: number; unique: boolean };
}

const MAX_REASONS = 5;

/** Decode once; the result feeds both inference and matching so they see the same values. */
export function decodeSamples(samples: readonly Sample[], valueFormat: InferOptions['valueFormat'] = 'auto'): DecodedSamples {
  const out: DecodedSamples = {
    values: [],
    indices: [],
    sampleCount: samples.length,
    formats: { json: 0, connect: 0 },
    unparseable: { count: 0, reasons: [] },
    keys: { present: 0, unique: true },
  };
  const keys = new Set<string>();
  samples.forEach((s, index) => {
    if (s.key !== undefined && s.key !== null) {
      out.keys.present++;
      if (keys.has(s.key)) out.keys.unique = false;
      keys.add(s.key);
    }
    const r = decodeValue(s.value, valueFormat);
    if (r.ok) {
      out.values.push(r.value);
      out.indices.push(index);
      out.formats[r.format]++;
    } else {
      out.unparseable.count++;
      if (out.unparseable.reasons.length < MAX_REASONS) {
        const words = messageWords(r.error);
        out.unparseable.reasons.push({ index, code: r.error.code, message: r.error.message, ...(words ? { words } : {}) });
      }
    }
  });
  if (out.keys.present === 0) out.keys.unique = false;
  return out;
}

/** Infer from raw Kafka message values (and keys). */
export function inferSchema(samples: readonly Sample[], opts: InferOptions = {}): InferredSchema {
  return inferDecoded(decodeSamples(samples, opts.valueFormat), opts);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Infer from already decoded samples (see decodeSamples). */
export function inferDecoded(decoded: DecodedSamples, opts: InferOptions = {}): InferredSchema {
  const maxDepth = opts.maxDepth ?? 4;
  const maxExamples = opts.maxExamples ?? 3;
  const maxFields = opts.maxFields ?? 2000;
  const acc = new Map<string, FieldAccumulator>();
  let truncated = false;

  const walk = (obj: Record<string, unknown>, prefix: string, depth: number): void => {
    for (const key of Object.keys(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      let a = acc.get(path);
      if (!a) {
        if (acc.size >= maxFields) {
          truncated = true;
          continue;
        }
        a = new FieldAccumulator(path, depth, maxExamples);
        acc.set(path, a);
      }
      const v = obj[key];
      // Objects are kept as a JSON candidate at their own path and also flattened below it.
      if (a.add(v) === 'object' && depth < maxDepth) walk(v as Record<string, unknown>, path, depth + 1);
    }
  };

  let objects = 0;
  for (const v of decoded.values) {
    if (!isPlainObject(v)) continue;
    objects++;
    walk(v, '', 0);
  }

  const fields = [...acc.values()].map((a) => a.toField(objects));
  const { json, connect } = decoded.formats;
  const parsedCount = decoded.values.length;
  return {
    sampleCount: decoded.sampleCount,
    parsedCount,
    unparseable: decoded.unparseable,
    formats: { ...decoded.formats },
    format: parsedCount === 0 ? 'none' : json > 0 && connect > 0 ? 'mixed' : connect > 0 ? 'connect' : 'json',
    base64VectorPaths: fields.filter((f) => f.base64Vector && f.base64Vector.share >= 0.9).map((f) => f.path),
    nonObjects: parsedCount - objects,
    fields,
    primaryKeyCandidates: rankPrimaryKeys(fields, objects),
    keys: decoded.keys,
    truncated,
  };
}

const EXACT_HINTS = new Set(['id', '_id', 'pk', 'key', 'uuid', 'uid']);
/** Longer strings are text, not keys, even when they happen to be unique in a sample. */
const MAX_KEY_BYTES = 256;

function nameScore(path: string): number {
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (EXACT_HINTS.has(name.toLowerCase())) return 100;
  if (/(^|_)(id|pk|key|uuid)$/i.test(name) || /[a-z0-9](Id|ID|Key|Pk|PK)$/.test(name)) return 60;
  return 0;
}

function keyKind(f: InferredField): PrimaryKeyCandidate['kind'] | null {
  const kinds = Object.keys(f.types);
  if (kinds.every((k) => k === 'integer' || k === 'bigint')) return 'integer';
  if (kinds.length === 1 && kinds[0] === 'string' && f.string && f.string.maxBytes <= MAX_KEY_BYTES && f.string.maxBytes > 0 && !f.base64Vector) {
    return 'string';
  }
  return null;
}

function rankPrimaryKeys(fields: InferredField[], objects: number): PrimaryKeyCandidate[] {
  const out: PrimaryKeyCandidate[] = [];
  for (const f of fields) {
    if (objects === 0 || f.present !== objects || f.nulls > 0 || !f.unique) continue;
    const kind = keyKind(f);
    if (!kind) continue;
    const hint = nameScore(f.path);
    // Top-level fields need no mapping; integers make cheaper, faster Milvus keys.
    const score = hint + (f.depth === 0 ? 20 : 0) + (kind === 'integer' ? 5 : 0);
    out.push({ path: f.path, kind, score, strong: hint > 0 });
  }
  return out.sort((a, b) => b.score - a.score);
}
