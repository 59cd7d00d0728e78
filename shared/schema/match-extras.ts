// Rows for message fields the collection does not declare (extras and renames) and for ignored
// paths. What happens to an extra (kept in $meta, dropped, or rejected) is asked of the engine's
// own convertRecord, on a probe record against a relaxed copy of the collection in which every
// declared field accepts anything, so only the extra-field rules can speak.
import { convertField, convertRecord } from '../convert';
import type { CollectionSchema, FieldSchema } from '../milvus-schema';
import { explain } from './explain';
import { sourceOf, type MatchContext } from './match-fields';
import { sourceTypeLabel } from './match-format';
import type { MatchRow, Severity } from './match-types';
import { displayValue, getPath } from './text';

type Outcome = 'dynamic' | 'dropped' | 'rejected' | 'failed' | 'used';

interface Candidate {
  /** Message path: the row's source, and the name the engine lists in `dropped` or errors. */
  path: string;
  /** Top-level key carried by the probe record. */
  probeKey: string;
  /** Key the value would have in the row (the mapping target for renames). */
  rowKey: string;
  present: { index: number; value: unknown; probeValue: unknown }[];
  samples: string[];
  /** The policy outcome, once a probe value was not itself a conversion failure. */
  outcome?: Outcome;
  /** Values that failed conversion before the outcome was known. */
  failed: number;
  /** Set when the key is a collection field's name but that field reads another (mapped) path. */
  shadows?: string;
}

const relaxedCache = new WeakMap<CollectionSchema, CollectionSchema>();

function relaxed(schema: CollectionSchema): CollectionSchema {
  let r = relaxedCache.get(schema);
  if (!r) {
    const loosen = (f: FieldSchema): FieldSchema =>
      f.isFunctionOutput || (f.isPrimaryKey && f.autoID) ? f : { name: f.name, dataType: 'JSON', nullable: true };
    r = { ...schema, fields: schema.fields.map(loosen) };
    relaxedCache.set(schema, r);
  }
  return r;
}

function candidate(ctx: MatchContext, path: string, rowKey: string): Candidate {
  const literal = !path.includes('.') || ctx.values.some((v) => typeof v === 'object' && v !== null && Object.hasOwn(v, path));
  const probeKey = literal ? path : path.slice(0, path.indexOf('.'));
  const c: Candidate = { path, probeKey, rowKey, present: [], samples: [], failed: 0 };
  ctx.values.forEach((v, index) => {
    const value = getPath(v, path);
    if (value === undefined) return;
    c.present.push({ index, value, probeValue: literal ? value : getPath(v, probeKey) });
    if (c.samples.length < 3 && value !== null) c.samples.push(displayValue(value));
  });
  return c;
}

/**
 * The policy outcome for a key does not depend on its value, so all candidates go into one probe
 * record. A failing probe names its field: that candidate is retried with its next value, or
 * settled as rejected; the rest are probed again.
 */
function resolve(schema: CollectionSchema, ctx: MatchContext, cands: Candidate[]): void {
  let pending = cands.filter((c) => c.present.length > 0);
  while (pending.length > 0) {
    const rec: Record<string, unknown> = {};
    for (const c of pending) {
      const probeValue = (c.present[c.failed] as Candidate['present'][number]).probeValue;
      Object.defineProperty(rec, c.probeKey, { value: probeValue, enumerable: true, writable: true, configurable: true });
    }
    const r = convertRecord(rec, schema, ctx.opts);
    if (r.ok) {
      // Declared fields appear in the probe row too (as null), so only other keys count as kept.
      const declared = new Set(schema.fields.map((f) => f.name));
      const dropped = new Set(r.dropped);
      for (const c of pending) {
        c.outcome = dropped.has(c.path) ? 'dropped' : Object.hasOwn(r.row, c.rowKey) && !declared.has(c.rowKey) ? 'dynamic' : 'used';
      }
      return;
    }
    const field = r.error.field ?? '';
    // "$meta.k" errors belong to a message's own $meta object.
    const c = pending.find((x) => x.path === field || field.startsWith(`${x.path}.`));
    if (!c) {
      // Not attributable to one field: be pessimistic rather than promise a write.
      for (const x of pending) x.outcome = 'failed';
      return;
    }
    if (r.error.code === 'unknown_field') c.outcome = 'rejected';
    else if (++c.failed >= c.present.length) c.outcome = 'failed';
    if (c.outcome) pending = pending.filter((x) => x !== c);
  }
}

/** Per-value outcomes. Values kept in $meta are fine in every record that converted as a whole; the others are checked with convertField as JSON, the converter the engine applies to dynamic extras. */
function tally(ctx: MatchContext, c: Candidate): Map<Outcome, number> {
  const t = new Map<Outcome, number>();
  const count = (o: Outcome, n = 1) => n > 0 && t.set(o, (t.get(o) ?? 0) + n);
  count('failed', c.failed);
  const outcome = c.outcome ?? 'used';
  if (outcome !== 'dynamic') {
    count(outcome, c.present.length - c.failed);
    return t;
  }
  const asJson: FieldSchema = { name: c.rowKey, dataType: 'JSON', nullable: true };
  for (let i = c.failed; i < c.present.length; i++) {
    const { index, value } = c.present[i] as Candidate['present'][number];
    count(ctx.recordOk[index] || convertField(asJson, value, ctx.opts).ok ? 'dynamic' : 'failed');
  }
  return t;
}

function extraRow(ctx: MatchContext, c: Candidate): MatchRow | null {
  const { path, rowKey: target } = c;
  const outcomes = tally(ctx, c);
  const present = c.present.length;
  let best: Outcome = 'used';
  let bestN = 0;
  for (const [o, n] of outcomes) if (n > bestN) [best, bestN] = [o, n];
  if (best === 'used' || present === 0) return null;
  const total = ctx.values.length;
  const fine = (outcomes.get('dynamic') ?? 0) + (outcomes.get('dropped') ?? 0);
  const okFraction = present ? fine / present : null;
  const sourceType = sourceTypeLabel(ctx.byPath.get(path));
  const p = { source: path, target, total, present };
  const row = (status: MatchRow['status'], severity: Severity, explanation: MatchRow['explanation'], tgt?: string): MatchRow => ({
    source: [path],
    ...(tgt !== undefined ? { target: tgt } : {}),
    ...(sourceType !== undefined ? { sourceType } : {}),
    status,
    severity,
    explanation,
    samples: c.samples,
    present,
    okFraction,
  });
  switch (best) {
    case 'dynamic':
      return row('extra_dynamic', 'ok', explain('extra_dynamic', p), target === path ? '$meta' : target);
    case 'dropped':
      // An explicit 'drop' policy is the user's choice; dropping for lack of a dynamic field may not be.
      if (c.shadows !== undefined) return row('extra_dropped', 'warning', explain('extra_dropped_shadowed', { ...p, mapped: c.shadows }));
      return ctx.opts.extraFields === 'drop'
        ? row('extra_dropped', 'ok', explain('extra_dropped_policy', p))
        : row('extra_dropped', 'warning', explain('extra_dropped_no_dynamic', p));
    case 'rejected':
      return row('extra_dropped', 'error', explain('extra_rejected', p));
    default:
      return row('type_mismatch', fine > 0 ? 'warning' : 'error', explain('convert_failed', { ...p, target: path, bad: present - fine, detail: 'the value cannot be stored as JSON' }));
  }
}

/** Rows for renames (mappings to names outside the collection), top-level extras, then ignored paths. */
export function extraRows(collection: CollectionSchema, ctx: MatchContext): MatchRow[] {
  const schema = relaxed(collection);
  const names = new Set(collection.fields.map((f) => f.name));
  const rows: MatchRow[] = [];
  // Renames are probed one by one (two may share a top-level key); top-level extras all at once.
  const seen = new Set<string>();
  for (const m of ctx.opts.mapping) {
    if (names.has(m.target) || seen.has(m.source) || ctx.ignore.has(m.source)) continue;
    seen.add(m.source);
    const c = candidate(ctx, m.source, m.target);
    resolve(schema, ctx, [c]);
    const r = extraRow(ctx, c);
    if (r) rows.push(r);
  }
  const extras = ctx.fields
    .filter((f) => f.depth === 0 && !seen.has(f.path) && !ctx.sources.has(f.path) && !ctx.ignore.has(f.path))
    .map((f) => {
      const c = candidate(ctx, f.path, f.path);
      const field = collection.fields.find((x) => x.name === f.path);
      if (field) c.shadows = sourceOf(field, ctx.opts);
      return c;
    });
  resolve(schema, ctx, extras);
  for (const c of extras) {
    const r = extraRow(ctx, c);
    if (r) rows.push(r);
  }
  for (const path of new Set(ctx.opts.ignore)) {
    const info = ctx.byPath.get(path);
    if (!info || info.present === 0) continue;
    const sourceType = sourceTypeLabel(info);
    rows.push({
      source: [path],
      ...(sourceType !== undefined ? { sourceType } : {}),
      status: 'ignored',
      severity: 'ok',
      explanation: explain('ignored', { source: path }),
      samples: info.examples,
      present: info.present,
      okFraction: null,
    });
  }
  return rows;
}
