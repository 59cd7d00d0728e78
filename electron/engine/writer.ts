// Writing one batch: retry transient failures with backoff (never dropping anything), and when
// Milvus rejects the batch for what is in it, split it in halves recursively until the bad rows
// are isolated; only those are reported back for the dead-letter topic.
import type { RetryPolicy } from '../../shared/pipeline-config';
import type { Row } from '../../shared/convert/types';
import { englishLogLine, type LogText } from '../../shared/log-text';
import { ClassifiedError, oneLine, type Failure, type RowWriter, type WriteMode, type WriteResult } from '../clients/types';
import { backoffDelay, mayRetry, sleep } from './retry';

export interface RetryHooks {
  signal: AbortSignal;
  policy: RetryPolicy;
  /** A transient failure; the next attempt follows in `delayMs`. `source` groups causes (milvus, dlq). */
  onRetry(source: string, reason: string, attempt: number, delayMs: number): void;
  /** The call succeeded after at least one retry. */
  onRecovered(source: string): void;
}

export type Attempted = WriteResult | { ok: false; kind: 'aborted'; reason: string };

/** Calls `op` until it succeeds, fails for good, the policy gives up, or the signal aborts. */
export async function withRetry(source: string, op: () => Promise<WriteResult>, hooks: RetryHooks): Promise<Attempted> {
  let attempts = 0;
  for (;;) {
    if (hooks.signal.aborted) return { ok: false, kind: 'aborted', reason: 'stopped' };
    const r = await op();
    attempts++;
    if (r.ok || r.kind !== 'transient') {
      if (attempts > 1) hooks.onRecovered(source);
      return r;
    }
    if (!mayRetry(attempts, hooks.policy)) {
      const text: LogText = { code: 'cause.gaveUp', params: { attempts, reason: r.reason } };
      return { ok: false, kind: 'fatal', reason: englishLogLine(text), text };
    }
    const delay = backoffDelay(attempts, hooks.policy);
    hooks.onRetry(source, r.reason, attempts, delay);
    if (!(await sleep(delay, hooks.signal))) return { ok: false, kind: 'aborted', reason: 'stopped' };
  }
}

/** Like withRetry for calls that throw (describe, connect): ClassifiedError and kafkajs' `retriable` decide. */
export async function callWithRetry<T>(source: string, op: () => Promise<T>, classify: (e: unknown) => Failure, hooks: RetryHooks): Promise<T> {
  let value: T | undefined;
  const r = await withRetry(
    source,
    async () => {
      try {
        value = await op();
        return { ok: true };
      } catch (e) {
        const f: Failure = e instanceof ClassifiedError ? { kind: e.kind, reason: e.message, ...(e.text ? { text: e.text } : {}) } : classify(e);
        return { ok: false, kind: f.kind === 'transient' ? 'transient' : 'fatal', reason: oneLine(f.reason), ...(f.text ? { text: f.text } : {}) };
      }
    },
    hooks,
  );
  if (!r.ok) throw new ClassifiedError(r.kind === 'aborted' ? 'fatal' : r.kind, r.reason, 'text' in r ? r.text : undefined);
  return value as T;
}

export interface Rejected<T> {
  item: T;
  reason: string;
}

export type BatchOutcome<T> = { kind: 'written'; rejected: Rejected<T>[] } | { kind: 'fatal'; reason: string; text?: LogText } | { kind: 'aborted' };

export interface BatchWriteDeps {
  writer: RowWriter;
  mode: WriteMode;
  hooks: RetryHooks;
  /** Time of each successful write call, ms. */
  onLatency(ms: number): void;
  now?: () => number;
}

/** Writes the rows of `items`; rows Milvus rejects for their content come back in `rejected`. */
export async function writeIsolating<T>(items: T[], rowOf: (item: T) => Row, deps: BatchWriteDeps): Promise<BatchOutcome<T>> {
  if (!items.length) return { kind: 'written', rejected: [] };
  const now = deps.now ?? Date.now;
  let started = 0;
  const r = await withRetry(
    'milvus',
    () => {
      started = now();
      return deps.writer.write(items.map(rowOf), deps.mode);
    },
    deps.hooks,
  );
  if (r.ok) {
    deps.onLatency(now() - started);
    return { kind: 'written', rejected: [] };
  }
  if (r.kind === 'aborted') return { kind: 'aborted' };
  if (r.kind === 'fatal' || r.kind === 'transient') return { kind: 'fatal', reason: r.reason, ...(r.text ? { text: r.text } : {}) };
  if (items.length === 1) return { kind: 'written', rejected: [{ item: items[0] as T, reason: r.reason }] };
  const mid = Math.ceil(items.length / 2);
  const left = await writeIsolating(items.slice(0, mid), rowOf, deps);
  if (left.kind !== 'written') return left;
  const right = await writeIsolating(items.slice(mid), rowOf, deps);
  if (right.kind !== 'written') return right;
  return { kind: 'written', rejected: [...left.rejected, ...right.rejected] };
}

/** Upsert semantics inside one call: for duplicate primary keys only the last row counts. */
export function keepLastByKey<T>(items: T[], keyOf: (item: T) => string | undefined): { kept: T[]; superseded: T[] } {
  const last = new Map<string, number>();
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (k !== undefined) last.set(k, i);
  });
  if (last.size === items.length) return { kept: items, superseded: [] };
  const kept: T[] = [];
  const superseded: T[] = [];
  items.forEach((item, i) => {
    const k = keyOf(item);
    (k === undefined || last.get(k) === i ? kept : superseded).push(item);
  });
  return { kept, superseded };
}
