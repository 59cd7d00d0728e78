// The schema view's pure model: decode the sampled texts once, run the shared matcher, annotate
// rows for display (kind, stable key, tone, icon), filter them, and edit the mapping.
import type { TopicSample } from '../../../../shared/contract-schema';
import type { ConvertOptions } from '../../../../shared/convert/types';
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import type { FieldMapping, ValueFormat } from '../../../../shared/pipeline-config';
import { decodeSamples, matchSchemas, type MatchReport, type MatchRow, type MatchStatus, type Severity } from '../../../../shared/schema';

export interface ViewRow {
  row: MatchRow;
  /** 'field': a collection field (in schema order); 'extra': a message field it does not declare. */
  kind: 'field' | 'extra';
  key: string;
  /** Lower-cased names for the filter box. */
  haystack: string;
}

export interface MatchView {
  report: MatchReport;
  rows: ViewRow[];
}

/** Decoded values of the sampled messages, with the same decoder (and format) the engine uses. */
export function decodeSample(sample: TopicSample, valueFormat: ValueFormat): unknown[] {
  return decodeSamples(
    sample.messages.map((m) => ({ value: m.value, key: m.key })),
    valueFormat,
  ).values;
}

export function buildMatchView(sample: TopicSample, values: readonly unknown[], collection: CollectionSchema, opts: ConvertOptions): MatchView {
  const report = matchSchemas(sample.inferred, values, collection, opts);
  const fieldCount = collection.fields.length;
  const rows = report.rows.map((row, i): ViewRow => {
    const kind = i < fieldCount ? 'field' : 'extra';
    const key = kind === 'field' ? `f:${row.target ?? i}` : `${row.status === 'ignored' ? 'i' : 'x'}:${row.source.join(',')}`;
    return { row, kind, key, haystack: `${row.source.join(' ')} ${row.target ?? ''}`.toLowerCase() };
  });
  return { report, rows };
}

/** A subset of the Chip tones and icons (kept here so this model stays free of JSX modules). */
export interface StatusLook {
  tone: 'ok' | 'warn' | 'danger' | 'info' | 'neutral';
  icon: 'checkCircle' | 'alert' | 'error' | 'box' | 'zap' | 'x' | 'info';
}

/** Colour, icon and (in the catalog) text together: never colour alone. */
export function statusLook(status: MatchStatus, severity: Severity): StatusLook {
  if (severity === 'error') return { tone: 'danger', icon: 'error' };
  if (severity === 'warning') return { tone: 'warn', icon: 'alert' };
  switch (status) {
    case 'match':
      return { tone: 'ok', icon: 'checkCircle' };
    case 'extra_dynamic':
      return { tone: 'info', icon: 'box' };
    case 'function_output':
      return { tone: 'info', icon: 'zap' };
    case 'ignored':
    case 'extra_dropped':
      return { tone: 'neutral', icon: 'x' };
    default:
      return { tone: 'neutral', icon: 'info' };
  }
}

export type RowFilter = 'all' | 'problems';

export function filterRows(rows: readonly ViewRow[], text: string, which: RowFilter): readonly ViewRow[] {
  const q = text.trim().toLowerCase();
  if (!q && which === 'all') return rows;
  return rows.filter((r) => (which === 'all' || r.row.severity !== 'ok') && (!q || r.haystack.includes(q)));
}

/** Source path a collection field reads (first mapping to it, else its own name). */
export function sourceFor(opts: Pick<ConvertOptions, 'mapping'>, target: string): string {
  return opts.mapping.find((m) => m.target === target)?.source ?? target;
}

/** Collection field `target` reads `source` (its own name: no mapping needed). */
export function mapTarget(mapping: readonly FieldMapping[], target: string, source: string): FieldMapping[] {
  const rest = mapping.filter((m) => m.target !== target);
  return source === target ? rest : [...rest, { source, target }];
}

/** Message field `source` feeds `target`, or nothing more than its own name (null). */
export function mapSource(mapping: readonly FieldMapping[], source: string, target: string | null): FieldMapping[] {
  const rest = mapping.filter((m) => m.source !== source && (target === null || m.target !== target));
  return target === null || target === source ? rest : [...rest, { source, target }];
}

export function toggleIgnore(ignore: readonly string[], path: string): string[] {
  return ignore.includes(path) ? ignore.filter((p) => p !== path) : [...ignore, path];
}

/** Message paths a collection field could read: top level first, in order of appearance. */
export function sourceChoices(sample: TopicSample): string[] {
  return sample.inferred.fields
    .filter((f) => f.present > 0)
    .sort((a, b) => a.depth - b.depth)
    .map((f) => f.path);
}
