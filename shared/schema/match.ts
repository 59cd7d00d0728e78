// Topic ↔ collection matching for the schema view: one row per collection field, per extra message
// field and per ignored path, plus whole-record conversion of every sample and a verdict.
// All judgements come from the engine's converter (convertField / convertRecord), so what this
// view promises is exactly what the pipeline will do.
import { convertRecord } from '../convert';
import type { ConversionError, ConvertOptions } from '../convert/types';
import type { CollectionSchema } from '../milvus-schema';
import { explain } from './explain';
import type { InferredSchema } from './infer-types';
import { extraRows } from './match-extras';
import { fieldRow, sourceOf, type MatchContext } from './match-fields';
import { MATCH_STATUSES, type MatchReport, type MatchRow, type MatchStatus, type Verdict } from './match-types';

const MAX_RECORD_ERRORS = 5;

/**
 * `values` are the decoded sample values (DecodedSamples.values), the same ones `inferred` was
 * built from. Record indices in `recordErrors` refer to positions in `values`.
 */
export function matchSchemas(inferred: InferredSchema, values: readonly unknown[], collection: CollectionSchema, opts: ConvertOptions): MatchReport {
  const total = values.length;
  let recordsOk = 0;
  const recordOk: boolean[] = [];
  const recordErrors: { index: number; error: ConversionError }[] = [];
  values.forEach((v, index) => {
    const r = convertRecord(v, collection, opts);
    recordOk.push(r.ok);
    if (r.ok) recordsOk++;
    else if (recordErrors.length < MAX_RECORD_ERRORS) recordErrors.push({ index, error: r.error });
  });

  const ctx: MatchContext = {
    values,
    recordOk,
    opts,
    byPath: new Map(inferred.fields.map((f) => [f.path, f])),
    fields: inferred.fields,
    ignore: new Set(opts.ignore),
    sources: new Set(collection.fields.map((f) => sourceOf(f, opts))),
  };

  const rows: MatchRow[] = total === 0 ? [] : [...collection.fields.map((f) => fieldRow(f, ctx)), ...extraRows(collection, ctx)];
  const counts = { ok: 0, warning: 0, error: 0 };
  const byStatus = Object.fromEntries(MATCH_STATUSES.map((s) => [s, 0])) as Record<MatchStatus, number>;
  for (const r of rows) {
    counts[r.severity]++;
    byStatus[r.status]++;
  }

  let verdict: Verdict;
  let explanation;
  const p = { total, ok: recordsOk, warnings: counts.warning, errors: counts.error };
  if (total === 0) {
    // Nothing to judge is not a reason to block: an empty topic may fill later.
    verdict = 'warnings';
    explanation = explain('verdict_no_samples');
  } else if (counts.error > 0 || recordsOk === 0) {
    verdict = 'blocked';
    // Records can fail with no field at fault (e.g. values that are not objects): still one problem.
    explanation = explain('verdict_blocked', { ...p, errors: Math.max(1, counts.error) });
  } else if (counts.warning > 0 || recordsOk < total) {
    verdict = 'warnings';
    explanation = explain('verdict_warnings', p);
  } else {
    verdict = 'ready';
    explanation = explain('verdict_ready', p);
  }
  return { verdict, explanation, sampleCount: total, recordsOk, recordErrors, counts, byStatus, rows };
}
