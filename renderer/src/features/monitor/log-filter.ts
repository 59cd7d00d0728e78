// Event-log filtering, pure: by kind, level, pipeline and text; newest first, bounded.
import type { LogEntry } from '../../../../shared/pipeline-status';

export const LOG_KINDS = ['state', 'retry', 'config', 'dead-letter', 'info'] as const satisfies readonly LogEntry['kind'][];

export interface LogFilter {
  kinds: readonly LogEntry['kind'][];
  /** 'problems' keeps warnings and errors. */
  level: 'all' | 'problems';
  /** A pipeline id, or null for every pipeline (and app-wide entries). */
  pipelineId: string | null;
  text: string;
}

export const DEFAULT_FILTER: LogFilter = { kinds: LOG_KINDS, level: 'all', pipelineId: null, text: '' };

/** How an entry reads on screen; the text filter matches it as well as the English line. */
export type Wording = (e: LogEntry) => string;

export function matches(e: LogEntry, f: LogFilter, wording?: Wording): boolean {
  if (!f.kinds.includes(e.kind)) return false;
  if (f.level === 'problems' && e.level === 'info') return false;
  if (f.pipelineId !== null && e.pipelineId !== f.pipelineId) return false;
  const q = f.text.trim().toLowerCase();
  if (!q) return true;
  if (e.message.toLowerCase().includes(q)) return true;
  if (wording?.(e).toLowerCase().includes(q)) return true;
  return Object.values(e.detail ?? {}).some((v) => String(v).toLowerCase().includes(q));
}

/** Matching entries, newest first, at most `limit`; `total` counts every match. */
export function filterLog(entries: readonly LogEntry[], f: LogFilter, limit = 300, wording?: Wording): { shown: LogEntry[]; total: number } {
  const shown: LogEntry[] = [];
  let total = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as LogEntry;
    if (!matches(e, f, wording)) continue;
    total++;
    if (shown.length < limit) shown.push(e);
  }
  return { shown, total };
}

/** Entries per kind under the other filters, for the filter buttons. */
export function countByKind(entries: readonly LogEntry[], f: LogFilter, wording?: Wording): Record<LogEntry['kind'], number> {
  const out: Record<LogEntry['kind'], number> = { state: 0, retry: 0, config: 0, 'dead-letter': 0, info: 0 };
  const all = { ...f, kinds: LOG_KINDS };
  for (const e of entries) if (matches(e, all, wording)) out[e.kind]++;
  return out;
}
