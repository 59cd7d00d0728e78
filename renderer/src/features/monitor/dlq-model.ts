// Dead-letter browser helpers, pure: reasons present (for the filter), filtering, and selection keys.
import type { DlqRecord } from '../../../../shared/contract-monitor';

export const dlqKey = (r: Pick<DlqRecord, 'partition' | 'offset'>): string => `${r.partition}:${r.offset}`;

/** "too_long · title": the code, and the field when there is one. */
export const reasonId = (r: DlqRecord): string => (r.reason.field ? `${r.reason.code} · ${r.reason.field}` : r.reason.code);

export interface ReasonCount {
  id: string;
  code: string;
  field?: string;
  count: number;
}

export function reasonsOf(records: readonly DlqRecord[]): ReasonCount[] {
  const counts = new Map<string, ReasonCount>();
  for (const r of records) {
    const id = reasonId(r);
    const seen = counts.get(id);
    if (seen) seen.count++;
    else counts.set(id, { id, code: r.reason.code, ...(r.reason.field ? { field: r.reason.field } : {}), count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export function filterRecords(records: readonly DlqRecord[], reason: string | null, hideRedriven: boolean): DlqRecord[] {
  return records.filter((r) => (reason === null || reasonId(r) === reason) && !(hideRedriven && r.redrivenAt !== undefined));
}

/** Preview of a payload: the first `max` characters on one line. */
export function preview(text: string, max = 140): { text: string; cut: boolean } {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? { text: `${one.slice(0, max)}…`, cut: true } : { text: one, cut: false };
}

const isFlat = (v: unknown): boolean => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');

/** JSON pretty-printed when it parses (vectors and other flat arrays kept on one line), else the text. */
export function pretty(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const flat: string[] = [];
  const keep = (v: unknown[]): string => `\u0000${flat.push(`[${v.map((x) => JSON.stringify(x)).join(', ')}]`) - 1}`;
  const json = JSON.stringify(parsed, (_k, v: unknown) => (isFlat(v) && (v as unknown[]).length > 0 ? keep(v as unknown[]) : v), 2);
  return json.replace(/"\\u0000(\d+)"/g, (_m, i: string) => flat[Number(i)] ?? '');
}
