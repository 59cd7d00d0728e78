// Each drill appends its figures to artifacts/faults/results.jsonl; zz-summary.test.ts prints them.
// Lines carry a run id (the vitest main process, parent of every forked worker) so one run's
// table never mixes with older runs.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface DrillFigures {
  drill: string;
  /** Records produced to the source topic. */
  sent: number;
  /** Distinct ids found in Milvus. */
  written: number;
  /** Distinct keys found in the dead-letter topic. */
  deadLettered: number;
  /** Records counted as skipped by the engine (tombstones). */
  skipped: number;
  /** Keys in neither Milvus nor the DLQ (nor skipped). */
  lost: number;
  /** Rows beyond upsert semantics: Milvus rows minus distinct ids, plus keys both written and dead-lettered. */
  duplicated: number;
  malformedKinds: number;
  /** Engine processes that died on their own, or pipelines that ended 'failed'. */
  crashes: number;
  seconds: number;
  notes?: string;
}

export const RESULTS_FILE = join(new URL('../../../', import.meta.url).pathname, 'artifacts', 'faults', 'results.jsonl');

export function runId(): string {
  return String(process.env.FAULTS_RUN_ID ?? process.ppid);
}

/** What a drill judged with verify.ts's `account` knows at its end. */
export interface AccountedDrill {
  drill: string;
  sent: number;
  accounting: { written: number; deadLettered: number; lost: readonly number[]; duplicated: number };
  /** Tombstones the engine skipped (its counters). */
  skipped: number;
  crashes: number;
  /** Date.now() when the drill began. */
  started: number;
  notes: string;
}

/** Appends the figures of a drill judged by `account` (no malformed kinds: those have their own drill). */
export function appendAccounted(d: AccountedDrill): void {
  const a = d.accounting;
  appendResult({
    drill: d.drill,
    sent: d.sent,
    written: a.written,
    deadLettered: a.deadLettered,
    skipped: d.skipped,
    lost: a.lost.length,
    duplicated: a.duplicated,
    malformedKinds: 0,
    crashes: d.crashes,
    seconds: Math.round((Date.now() - d.started) / 1000),
    notes: d.notes,
  });
}

export function appendResult(f: DrillFigures): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, `${JSON.stringify({ run: runId(), at: new Date().toISOString(), ...f })}\n`);
  console.info(`[${f.drill}] ${JSON.stringify(f)}`);
}

/** This run's figures, last entry per drill. */
export function readResults(): DrillFigures[] {
  if (!existsSync(RESULTS_FILE)) return [];
  const mine = new Map<string, DrillFigures>();
  for (const line of readFileSync(RESULTS_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as DrillFigures & { run?: string };
      if (o.run === runId()) mine.set(o.drill, o);
    } catch {
      // a torn line from an aborted run
    }
  }
  return [...mine.values()];
}
