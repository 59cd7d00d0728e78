// Message object → row. compileSchema does all per-schema work once (source paths, converters,
// ignore and extra-field rules); the returned function is the per-record hot path.
//
// Rules (also the user-facing contract):
// - Each schema field reads the source path mapped to it (dot path, or a literal key containing dots),
//   else the top-level key of the same name. Ignored source paths are never read.
// - Fields Milvus fills itself are never put in a row: an autoID primary key and function outputs.
//   If a message carries one anyway it is dropped and listed in `dropped`, because the usual cause is
//   a producer that also writes the id for other systems; rejecting every record for that would stop
//   the pipeline for no gain. Only extraFields 'error' (the strict mode) turns it into an error
//   ('pk_on_auto_id' / 'unknown_field'). Without this the SDK would put the value into $meta
//   (dynamic collections) or reject the whole batch.
// - Extra source fields are judged at the top level: a key is "used" when any schema field (or
//   mapping) reads it or a path under it. 'dynamic' keeps extras at the top of the row (the SDK
//   moves unknown keys into $meta) when the collection has a dynamic field, else drops them;
//   'drop' drops them; both list them in `dropped`. 'error' rejects the record ('unknown_field').
//   A "$meta" object in the message is merged into the dynamic extras (top-level keys win).
import type { CollectionSchema } from '../milvus-schema';
import { Fail, OMIT, toError } from './describe';
import { englishPhrase, phrase, type Phrase } from './phrase';
import { compileField, unexpected, type FieldConverter } from './field';
import { convertJson, setOwn } from './scalars';
import type { ConversionError, ConvertOptions, ConvertResult, RecordConverter, Row } from './types';

interface Source {
  path: string;
  segs: string[] | null;
  /** The name is also a property of Object.prototype ("constructor"…): read own keys only. */
  ownOnly: boolean;
}

interface Target extends Source {
  name: string;
  conv: FieldConverter;
  omit: string[][] | null;
  ignored: boolean;
}

interface Skipped extends Source {
  name: string;
  autoId: boolean;
  ignored: boolean;
}

interface Rename extends Source {
  target: string;
  omit: string[][] | null;
}

const DYNAMIC = '$meta';

function source(path: string): Source {
  const segs = path.includes('.') ? path.split('.') : null;
  return { path, segs, ownOnly: segs !== null || path in Object.prototype };
}

function own(o: unknown, k: string): unknown {
  return typeof o === 'object' && o !== null && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;
}

function read(obj: Record<string, unknown>, s: Source): unknown {
  if (!s.ownOnly) return obj[s.path];
  if (s.segs === null || Object.hasOwn(obj, s.path)) return own(obj, s.path);
  let cur: unknown = obj;
  for (const seg of s.segs) cur = own(cur, seg);
  return cur;
}

function omitPath(v: unknown, segs: string[], i: number): unknown {
  const k = segs[i] as string;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, k)) return v;
  const rec = v as Record<string, unknown>;
  const copy = { ...rec };
  if (i === segs.length - 1) {
    delete copy[k];
    return copy;
  }
  const child = omitPath(rec[k], segs, i + 1);
  if (child === rec[k]) return v;
  setOwn(copy, k, child);
  return copy;
}

function omitAll(v: unknown, rels: string[][]): unknown {
  for (const rel of rels) v = omitPath(v, rel, 0);
  return v;
}

/** Ignore paths below `prefix`, relative to it. */
function nestedIgnores(ignore: readonly string[], prefix: string): string[][] | null {
  const rels = ignore.filter((p) => p.startsWith(`${prefix}.`)).map((p) => p.slice(prefix.length + 1).split('.'));
  return rels.length > 0 ? rels : null;
}

/** A path is ignored when it or one of its parents is listed. */
function isIgnored(ignore: ReadonlySet<string>, s: Source): boolean {
  if (ignore.has(s.path)) return true;
  if (s.segs === null) return false;
  for (let i = 1; i < s.segs.length; i++) if (ignore.has(s.segs.slice(0, i).join('.'))) return true;
  return false;
}

/** A source path read exactly as conversion reads it (the schema view uses this, so they agree). */
export function readSourcePath(value: unknown, path: string): unknown {
  return typeof value === 'object' && value !== null ? read(value as Record<string, unknown>, source(path)) : undefined;
}

/** Whether conversion ignores this path (it or a parent is on the ignore list). */
export function isIgnoredSourcePath(ignore: ReadonlySet<string>, path: string): boolean {
  return isIgnored(ignore, source(path));
}

function error(field: string, code: ConversionError['code'], text: Phrase): ConvertResult {
  return { ok: false, error: toError(new Fail(code, null, null, text), field) };
}

/** "the message value is a JSON array, …": the value is not an object. */
function notAnObject(value: unknown): ConvertResult {
  const kind = value === null ? phrase('value.null') : Array.isArray(value) ? phrase('kind.array') : phrase('kind.type', { type: typeof value });
  const words = phrase('record.notObject', { kind });
  return { ok: false, error: { code: 'not_an_object', message: englishPhrase(words), words } };
}

export function compileSchema(schema: CollectionSchema, opts: ConvertOptions): RecordConverter {
  const ignoreSet = new Set(opts.ignore);
  const mapped = new Map<string, string>();
  for (const m of opts.mapping) if (!mapped.has(m.target)) mapped.set(m.target, m.source);
  const fieldNames = new Set(schema.fields.map((f) => f.name));
  const used = new Set<string>();
  const use = (s: Source) => used.add(s.segs === null ? s.path : (s.segs[0] as string)).add(s.path);

  const targets: Target[] = [];
  const skipped: Skipped[] = [];
  for (const f of schema.fields) {
    const s = source(mapped.get(f.name) ?? f.name);
    use(s);
    if (f.isFunctionOutput || (f.isPrimaryKey && f.autoID)) {
      skipped.push({ ...s, name: f.name, autoId: !f.isFunctionOutput, ignored: isIgnored(ignoreSet, s) });
      continue;
    }
    const omit = nestedIgnores(opts.ignore, s.path);
    targets.push({ ...s, name: f.name, conv: compileField(f, opts.vectorEncoding), omit, ignored: isIgnored(ignoreSet, s) });
  }
  // Mappings to names outside the schema rename a source field into an extra field.
  const renames: Rename[] = opts.mapping
    .filter((m) => !fieldNames.has(m.target))
    .map((m) => ({ ...source(m.source), target: m.target, omit: nestedIgnores(opts.ignore, m.source) }))
    .filter((r) => !isIgnored(ignoreSet, r));
  for (const r of renames) use(r);
  for (const p of ignoreSet) used.add(p);

  const policy = opts.extraFields;
  const dynamic = policy === 'dynamic' && schema.enableDynamicField;
  const extraOmit = new Map<string, string[][]>();
  for (const p of opts.ignore) {
    const dot = p.indexOf('.');
    if (dot > 0) extraOmit.set(p.slice(0, dot), [...(extraOmit.get(p.slice(0, dot)) ?? []), p.slice(dot + 1).split('.')]);
  }

  /** Applies the extra-field policy to one source value; returns an error result or null. */
  function extra(row: Row, dropped: string[], key: string, v: unknown, from: string, rels: string[][] | null | undefined): ConvertResult | null {
    if (policy === 'error') {
      return error(from, 'unknown_field', phrase('record.extraField'));
    }
    if (!dynamic || fieldNames.has(key) || key === DYNAMIC || key === '__proto__' || Object.hasOwn(row, key)) {
      dropped.push(from);
      return null;
    }
    const c = convertJson(rels ? omitAll(v, rels) : v);
    if (c instanceof Fail) return { ok: false, error: toError(c, from) };
    row[key] = c;
    return null;
  }

  function run(value: unknown): ConvertResult {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnObject(value);
    const obj = value as Record<string, unknown>;
    const row: Row = {};
    const dropped: string[] = [];
    for (const t of targets) {
      let raw = t.ignored ? undefined : read(obj, t);
      if (t.omit !== null && raw !== undefined) raw = omitAll(raw, t.omit);
      const c = t.conv(raw);
      if (c instanceof Fail) return { ok: false, error: toError(c, t.name) };
      if (c !== OMIT) setOwn(row, t.name, c);
    }
    for (const s of skipped) {
      const v = s.ignored ? undefined : read(obj, s);
      if (v === undefined || v === null) continue;
      if (policy === 'error') {
        return s.autoId
          ? error(s.name, 'pk_on_auto_id', phrase('record.pkOnAutoId'))
          : error(s.name, 'unknown_field', phrase('record.functionOutput'));
      }
      dropped.push(s.path);
    }
    for (const key of Object.keys(obj)) {
      if (used.has(key) || (key === DYNAMIC && dynamic)) continue;
      const r = extra(row, dropped, key, obj[key], key, extraOmit.get(key));
      if (r) return r;
    }
    for (const m of renames) {
      const v = read(obj, m);
      if (v === undefined) continue;
      const r = extra(row, dropped, m.target, v, m.path, m.omit);
      if (r) return r;
    }
    if (dynamic && Object.hasOwn(obj, DYNAMIC) && !used.has(DYNAMIC)) {
      const rels = extraOmit.get(DYNAMIC);
      const meta = rels ? omitAll(obj[DYNAMIC], rels) : obj[DYNAMIC];
      if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) dropped.push(DYNAMIC);
      else {
        for (const k of Object.keys(meta)) {
          const r = extra(row, dropped, k, (meta as Record<string, unknown>)[k], `${DYNAMIC}.${k}`, null);
          if (r) return r;
        }
      }
    }
    return { ok: true, row, dropped };
  }

  return (value) => {
    try {
      return run(value);
    } catch (e) {
      return { ok: false, error: unexpected(undefined, e) };
    }
  };
}

const cache = new WeakMap<CollectionSchema, WeakMap<ConvertOptions, RecordConverter>>();

/**
 * The parsed message object → row. Compiles once per (schema, options) object pair and caches by
 * identity, so pass the same objects on the hot path (or hold on to compileSchema's function).
 */
export function convertRecord(value: unknown, schema: CollectionSchema, opts: ConvertOptions): ConvertResult {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
  let conv = bySchema.get(opts);
  if (!conv) bySchema.set(opts, (conv = compileSchema(schema, opts)));
  return conv(value);
}
