// Test-message templates from a collection schema: a valid value for every field type, a random
// unit vector of the right dimension, a unique primary key, and, when Milvus generates the key
// (autoID), a field to find the row by. Pure: randomness and time are injectable.
import { CORPUS, linkFor, randomUnitVector, type CorpusEntry } from '../generator';
import { isVectorType, primaryKeyField, type ArrayElementType, type CollectionSchema, type FieldSchema } from '../../shared/milvus-schema';

/** The dynamic key added to messages of autoID collections with a dynamic field. */
export const NONCE_KEY = 'studio_nonce';
const NONCE_SUFFIX = / #studio-[0-9a-z]+$/;

export interface TemplateContext {
  random: () => number;
  now: () => number;
}

const defaultContext: TemplateContext = { random: Math.random, now: Date.now };

let lastInt64 = 0;
/** Unique, increasing Int64 keys: the time in µs, bumped past the last one (< 2^53 until 2255). */
export function uniqueInt64(now: number = Date.now()): number {
  lastInt64 = Math.max(lastInt64 + 1, Math.floor(now) * 1000);
  return lastInt64;
}

export function nonce(ctx: TemplateContext = defaultContext): string {
  const rand = Array.from({ length: 6 }, () => Math.floor(ctx.random() * 36).toString(36)).join('');
  return `${Math.floor(ctx.now()).toString(36)}${rand}`;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes (Milvus counts VarChar length in bytes). */
export function clipBytes(s: string, maxBytes: number | undefined): string {
  if (maxBytes === undefined) return s;
  const enc = new TextEncoder();
  if (enc.encode(s).length <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = enc.encode(ch).length;
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const intIn = (ctx: TemplateContext, lo: number, hi: number) => lo + Math.floor(ctx.random() * (hi - lo + 1));

function textFor(field: Pick<FieldSchema, 'name' | 'maxLength'>, entry: CorpusEntry, id: number | string): string {
  const n = field.name.toLowerCase();
  let s: string;
  if (/link|url|href|uri/.test(n)) s = linkFor(entry, id);
  else if (/title|headline|name|subject|text|content|body|summary|description|sentence|question|answer/.test(n)) s = entry.title;
  else if (/email/.test(n)) s = 'ada@example.com';
  else if (/lang|locale/.test(n)) s = 'en';
  else if (/category|topic|tag|genre|section|kind|type/.test(n)) s = entry.topic;
  else s = `sample ${field.name}`;
  return clipBytes(s, field.maxLength);
}

function scalarValue(t: ArrayElementType, field: FieldSchema, ctx: TemplateContext, entry: CorpusEntry, id: number | string): unknown {
  switch (t) {
    case 'Bool':
      return ctx.random() < 0.5;
    case 'Int8':
      return intIn(ctx, 0, 100);
    case 'Int16':
      return intIn(ctx, 0, 10_000);
    case 'Int32':
      return intIn(ctx, 0, 1_000_000);
    case 'Int64':
      return intIn(ctx, 0, 1_000_000_000);
    case 'Float':
    case 'Double':
      return round(ctx.random(), 4);
    case 'VarChar':
      return textFor(field, entry, id);
  }
}

/** A valid value for a vector field. */
export function vectorValue(field: FieldSchema, ctx: TemplateContext = defaultContext): unknown {
  const dim = field.dim ?? 8;
  switch (field.dataType) {
    case 'BinaryVector':
      return Array.from({ length: Math.ceil(dim / 8) }, () => intIn(ctx, 0, 255));
    case 'Int8Vector':
      return Array.from({ length: dim }, () => intIn(ctx, -127, 127));
    case 'SparseFloatVector': {
      const out: Record<string, number> = {};
      while (Object.keys(out).length < 3) out[String(intIn(ctx, 0, 9_999))] = round(0.1 + ctx.random() * 0.9, 4);
      return out;
    }
    default:
      return randomUnitVector(dim, ctx.random);
  }
}

/** A valid value for any field (the primary key gets a unique one). */
export function fieldValue(field: FieldSchema, ctx: TemplateContext, entry: CorpusEntry, id: number | string): unknown {
  if (field.isPrimaryKey) return field.dataType === 'VarChar' ? clipBytes(`msg-${nonce(ctx)}`, field.maxLength) : uniqueInt64(ctx.now());
  if (isVectorType(field.dataType)) return vectorValue(field, ctx);
  if (field.dataType === 'JSON') return { source: 'kafka-milvus-studio', topic: entry.topic, sentAt: new Date(ctx.now()).toISOString() };
  if (field.dataType === 'Array') {
    const t = field.elementType ?? 'Int64';
    return Array.from({ length: Math.min(3, field.maxCapacity ?? 3) }, () => scalarValue(t, field, ctx, entry, id));
  }
  return scalarValue(field.dataType, field, ctx, entry, id);
}

export type TrackChoice = { field: string; by: 'primary-key' | 'field' | 'dynamic' } | { untrackable: string };

/** How a sent row will be found: its primary key, else a nonce in the dynamic field or a text/integer field. */
export function chooseTrackField(schema: CollectionSchema): TrackChoice {
  const pk = primaryKeyField(schema);
  if (pk && !pk.autoID) return { field: pk.name, by: 'primary-key' };
  if (schema.enableDynamicField) return { field: NONCE_KEY, by: 'dynamic' };
  const usable = schema.fields.filter((f) => !f.isPrimaryKey && !f.isFunctionOutput);
  const text = usable.filter((f) => f.dataType === 'VarChar' && (f.maxLength ?? 65_535) >= 24);
  const byName = text.find((f) => /nonce|uuid|request|trace|correlation|event_?id|message_?id|msg_?id/i.test(f.name));
  const choice = byName ?? text[0] ?? usable.find((f) => f.dataType === 'Int64');
  if (choice) return { field: choice.name, by: 'field' };
  return { untrackable: 'the primary key is generated by Milvus (autoID) and the collection has no dynamic field, text field or Int64 field to tag the message with' };
}

/** A fresh tracking value for a non-key field: a nonce appended to text, or a unique integer. */
export function trackValue(field: FieldSchema | undefined, current: unknown, ctx: TemplateContext = defaultContext): unknown {
  if (!field) return `studio-${nonce(ctx)}`;
  if (field.dataType === 'Int64') return uniqueInt64(ctx.now());
  const base = typeof current === 'string' ? current.replace(NONCE_SUFFIX, '') : '';
  const tag = ` #studio-${nonce(ctx)}`;
  return `${clipBytes(base, Math.max(0, (field.maxLength ?? 65_535) - tag.length))}${tag}`.trimStart();
}

export interface BuiltTemplate {
  value: Record<string, unknown>;
  trackField?: string;
  untrackable?: string;
}

export function buildTemplate(schema: CollectionSchema, ctx: TemplateContext = defaultContext): BuiltTemplate {
  const entry = CORPUS[Math.floor(ctx.random() * CORPUS.length)] as CorpusEntry;
  const value: Record<string, unknown> = {};
  const pk = primaryKeyField(schema);
  const pkValue = pk && !pk.autoID ? fieldValue(pk, ctx, entry, 0) : nonce(ctx);
  for (const f of schema.fields) {
    if (f.isFunctionOutput || (f.isPrimaryKey && f.autoID)) continue;
    value[f.name] = f.isPrimaryKey ? pkValue : fieldValue(f, ctx, entry, typeof pkValue === 'number' || typeof pkValue === 'string' ? pkValue : 0);
  }
  const track = chooseTrackField(schema);
  if ('untrackable' in track) return { value, untrackable: track.untrackable };
  if (track.by === 'dynamic') value[NONCE_KEY] = `studio-${nonce(ctx)}`;
  if (track.by === 'field') value[track.field] = trackValue(schema.fields.find((f) => f.name === track.field), value[track.field], ctx);
  return { value, trackField: track.field };
}

/** Per-message changes of "send N": a new key or tracking value, and new random vectors. */
export function varyMessage(
  msg: Record<string, unknown>,
  schema: CollectionSchema,
  trackField: string | undefined,
  vary: { keys: boolean; vectors: boolean },
  ctx: TemplateContext = defaultContext,
): Record<string, unknown> {
  const out = { ...msg };
  if (vary.keys && trackField !== undefined) {
    const field = schema.fields.find((f) => f.name === trackField);
    if (field?.isPrimaryKey) out[trackField] = field.dataType === 'VarChar' ? clipBytes(`msg-${nonce(ctx)}`, field.maxLength) : uniqueInt64(ctx.now());
    else out[trackField] = trackValue(field, msg[trackField], ctx);
  }
  if (vary.vectors) {
    for (const f of schema.fields) if (isVectorType(f.dataType) && !f.isFunctionOutput && f.name in out) out[f.name] = vectorValue(f, ctx);
  }
  return out;
}

/** JSON with 2-space indents, but arrays of plain values on one line (vectors stay readable). */
export function formatMessage(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatMessage(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatMessage(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
