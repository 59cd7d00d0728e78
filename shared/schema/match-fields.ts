// One match row per collection field: read the mapped source path from every sample, run the
// engine's convertField on it, and classify the outcome. The converter is the judge; this file
// only counts and explains its verdicts.
import { convertField } from '../convert';
import type { ConversionError, ConversionErrorCode, ConvertOptions } from '../convert/types';
import { decodeBase64 } from '../convert/base64';
import type { FieldSchema } from '../milvus-schema';
import { explain } from './explain';
import type { InferredField } from './infer-types';
import { similarField, sourceTypeLabel, targetTypeLabel } from './match-format';
import type { MatchRow, MatchStatus, Severity } from './match-types';
import { displayValue, getPath, isIgnoredPath, utf8Length } from './text';

export interface MatchContext {
  values: readonly unknown[];
  /** Whether each sample converted as a whole record (convertRecord). */
  recordOk: readonly boolean[];
  opts: ConvertOptions;
  byPath: ReadonlyMap<string, InferredField>;
  fields: readonly InferredField[];
  ignore: ReadonlySet<string>;
  /** Source paths read by some collection field (for the similar-name hint). */
  sources: ReadonlySet<string>;
}

const MAX_SAMPLES = 3;

/** Source path of a collection field: the first mapping to it, else the same name. */
export function sourceOf(field: FieldSchema, opts: ConvertOptions): string {
  return opts.mapping.find((m) => m.target === field.name)?.source ?? field.name;
}

function samplesOf(raws: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const r of raws) {
    if (out.length >= MAX_SAMPLES) break;
    if (r !== undefined && r !== null) out.push(displayValue(r));
  }
  return out;
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const x of items) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestN) [best, bestN] = [x, n];
  }
  return best;
}

/** Numbers per element of a base64 vector payload, as the converter decodes it. */
function bytesPerNumber(t: FieldSchema['dataType']): number {
  if (t === 'FloatVector') return 4;
  return t === 'Float16Vector' || t === 'BFloat16Vector' ? 2 : 1;
}

/** How many numbers a failing vector value carries: array length, or decoded base64 size. */
function carriedLength(raw: unknown, f: FieldSchema): number | undefined {
  if (Array.isArray(raw)) return raw.length;
  if (typeof raw !== 'string') return undefined;
  const bytes = decodeBase64(raw);
  return bytes ? Math.floor(bytes.byteLength / bytesPerNumber(f.dataType)) : undefined;
}

export function fieldRow(f: FieldSchema, ctx: MatchContext): MatchRow {
  const { values, opts } = ctx;
  const total = values.length;
  const source = sourceOf(f, opts);
  const ignored = isIgnoredPath(ctx.ignore, source);
  const raws = values.map((v) => (ignored ? undefined : getPath(v, source)));
  let present = 0;
  let nonNull = 0;
  for (const r of raws) {
    if (r !== undefined) present++;
    if (r !== undefined && r !== null) nonNull++;
  }
  const info = ignored ? undefined : ctx.byPath.get(source);
  const base = {
    source: [source],
    target: f.name,
    targetType: targetTypeLabel(f),
    samples: samplesOf(raws),
    present,
  };
  const sourceType = sourceTypeLabel(info);
  const row = (status: MatchStatus, severity: Severity, explanation: MatchRow['explanation'], okFraction: number | null): MatchRow =>
    sourceType === undefined ? { ...base, status, severity, explanation, okFraction } : { ...base, sourceType, status, severity, explanation, okFraction };
  const p = { target: f.name, source, total, present: nonNull };
  const strict = opts.extraFields === 'error';

  // Milvus fills these itself; the converter drops message values for them, or rejects in strict mode.
  if (f.isFunctionOutput) {
    if (nonNull === 0) return row('function_output', 'ok', explain('function_output', p), null);
    return row('function_output', strict ? 'error' : 'warning', explain('function_output_supplied', { ...p, outcome: strict ? 'rejected' : 'ignored' }), null);
  }
  if (f.isPrimaryKey && f.autoID) {
    if (nonNull === 0) return row('match', 'ok', explain('auto_id_generated', p), null);
    return row('pk_on_auto_id', strict ? 'error' : 'warning', explain('pk_on_auto_id', { ...p, outcome: strict ? 'rejected' : 'ignored' }), null);
  }

  let ok = 0;
  const failures: { raw: unknown; error: ConversionError }[] = [];
  raws.forEach((raw, i) => {
    // A record that converted whole had this field converted by the engine already.
    if (ctx.recordOk[i]) {
      ok++;
      return;
    }
    const r = convertField(f, raw, opts);
    if (r.ok) ok++;
    else failures.push({ raw, error: r.error });
  });
  const okFraction = total ? ok / total : null;
  const severity: Severity = ok === 0 ? 'error' : 'warning';
  // The dominant failure decides the status; its first instance is what the engine would report.
  const code = mostCommon(failures.map((x) => x.error.code)) as ConversionErrorCode | undefined;
  const dominant = failures.filter((x) => x.error.code === code);
  const firstError = dominant[0]?.error;
  const withError = (r: MatchRow): MatchRow => (firstError ? { ...r, firstError } : r);
  const hintFor = (r: MatchRow): MatchRow => {
    const candidate = similarField(f.name, ctx.fields, ctx.sources);
    return candidate ? { ...r, hint: explain('hint_similar_name', { candidate, target: f.name }) } : r;
  };
  const missing = total - nonNull;

  if (f.isPrimaryKey && missing > 0) return hintFor(withError(row('pk_missing', severity, explain('pk_missing', { ...p, missing }), okFraction)));
  if (present === 0 && ok === total) {
    const optional = row('missing_optional', 'ok', explain(f.defaultValue !== undefined ? 'missing_optional_default' : 'missing_optional_null', { ...p, default: String(f.defaultValue) }), okFraction);
    const hinted = hintFor(optional);
    // A field nobody fills is normal; one a similarly named message key could fill is likely a typo.
    return hinted.hint ? { ...hinted, severity: 'warning' } : hinted;
  }
  if (ok === total) {
    if (missing === 0) return row('match', 'ok', explain('match', p), okFraction);
    return row('match', 'ok', explain('match_partial_null', { ...p, missing, fill: f.defaultValue !== undefined ? 'default' : 'null' }), okFraction);
  }

  const bad = failures.length;
  const failingRaws = dominant.map((x) => x.raw);
  switch (code) {
    case 'missing_field':
    case 'null_not_allowed': {
      const r = present === 0 ? explain('missing_required', p) : explain('missing_required_some', { ...p, missing: bad });
      return hintFor(withError(row('missing_required', severity, r, okFraction)));
    }
    case 'wrong_dimension': {
      const got = mostCommon(failingRaws.map((x) => carriedLength(x, f)).filter((n): n is number => n !== undefined)) ?? '?';
      const expected = f.dataType === 'BinaryVector' && f.dim !== undefined ? f.dim / 8 : (f.dim ?? '?');
      return withError(row('dimension_mismatch', severity, explain('dimension_mismatch', { ...p, got, expected, bad }), okFraction));
    }
    case 'too_long': {
      const longest = Math.max(0, ...failingRaws.map((x) => (typeof x === 'string' ? utf8Length(x) : 0)));
      return withError(row('type_mismatch', severity, explain('too_long', { ...p, bad, expected: f.maxLength ?? '?', got: longest }), okFraction));
    }
    case 'wrong_type': {
      const got = sourceType ?? firstError?.got ?? '?';
      return withError(row('type_mismatch', severity, explain('type_mismatch', { ...p, bad, got, expected: targetTypeLabel(f) }), okFraction));
    }
    default:
      return withError(row('type_mismatch', severity, explain('convert_failed', { ...p, bad, detail: firstError?.message ?? code ?? '?' }), okFraction));
  }
}
