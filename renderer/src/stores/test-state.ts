// State of one "Test connection" run, keyed by what was tested so a result can be shown as stale
// once the form changes.
import type { AppError } from '../../../shared/errors';

export type TestState<R> =
  | { status: 'idle' }
  | { status: 'running'; key: string }
  | { status: 'ok'; key: string; result: R }
  | { status: 'error'; key: string; error: AppError };

export const IDLE: TestState<never> = { status: 'idle' };

/** A stable key for a tested target (JSON with sorted keys). */
export function targetKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
