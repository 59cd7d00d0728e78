// The schema view's model: one row per collection field or message field, each with a status,
// a severity and an explanation; plus an overall verdict. Plain data, safe to send over IPC.
import type { ConversionError } from '../convert/types';
import type { Explanation } from './explain';

export const MATCH_STATUSES = [
  'match',
  'type_mismatch',
  'dimension_mismatch',
  'missing_required',
  'missing_optional',
  'extra_dynamic',
  'extra_dropped',
  'pk_on_auto_id',
  'pk_missing',
  'function_output',
  'ignored',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type Severity = 'ok' | 'warning' | 'error';
export type Verdict = 'ready' | 'warnings' | 'blocked';

export interface MatchRow {
  /** Message path(s) feeding this row (for a collection field: where it is read from, even if absent). */
  source: string[];
  /** Collection field; '$meta' for dynamic extras; absent for dropped or ignored message fields. */
  target?: string;
  /** Collection type for display, e.g. "FloatVector(8)", "VarChar(512)". */
  targetType?: string;
  /** What messages carry, e.g. "array-of-numbers[768]", "string ≤ 88 B", "integer, null". */
  sourceType?: string;
  status: MatchStatus;
  severity: Severity;
  explanation: Explanation;
  /** A follow-up suggestion (e.g. a similarly named message field to map). */
  hint?: Explanation;
  /** A few sampled source values, shortened. */
  samples: string[];
  /** Samples carrying the source path. */
  present: number;
  /** Share of samples whose value converts for this field (convertField); null when not applicable. */
  okFraction: number | null;
  /** First conversion error seen for this field, as the engine would report it. */
  firstError?: ConversionError;
}

export interface MatchReport {
  verdict: Verdict;
  explanation: Explanation;
  /** Parsed samples that were checked. */
  sampleCount: number;
  /** Samples that convert as whole records (convertRecord), i.e. would be written. */
  recordsOk: number;
  /** First few whole-record errors with the sample index, as the dead-letter queue would show them. */
  recordErrors: { index: number; error: ConversionError }[];
  counts: { ok: number; warning: number; error: number };
  byStatus: Record<MatchStatus, number>;
  rows: MatchRow[];
}
