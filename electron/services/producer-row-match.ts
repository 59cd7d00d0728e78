// Is the row read back from Milvus the one we sent? Compares the row the pipeline's conversion rules
// expect with what a query returns: Int64 as text, floats within float16 precision, JSON deeply,
// dynamic fields from `$meta`. Pure.
import type { Row } from '../../shared/convert/types';

const REL_TOL = 2e-3;

function numeric(v: unknown): v is number | bigint | string {
  return typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(v));
}

function sameNumber(a: number | bigint | string, b: number | bigint | string): boolean {
  const isInt = (v: number | bigint | string) => typeof v === 'bigint' || (typeof v === 'string' ? /^-?\d+$/.test(v) : Number.isInteger(v));
  if (isInt(a) && isInt(b)) {
    try {
      return BigInt(a) === BigInt(b);
    } catch {
      return false;
    }
  }
  const x = Number(a);
  const y = Number(b);
  return Math.abs(x - y) <= REL_TOL * Math.max(1e-3, Math.abs(x), Math.abs(y));
}

function parseMaybe(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

export function sameValue(expected: unknown, actual: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (expected === undefined || expected === null) return actual === undefined || actual === null;
  if (numeric(expected) && numeric(actual) && (typeof expected !== 'string' || typeof actual !== 'string')) return sameNumber(expected, actual);
  if (typeof expected !== 'object') return expected === actual;
  const act = parseMaybe(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(act) || act.length !== expected.length) return false;
    return expected.every((v, i) => sameValue(v, act[i], depth + 1));
  }
  if (act === null || typeof act !== 'object' || Array.isArray(act)) return false;
  const e = expected as Record<string, unknown>;
  const a = act as Record<string, unknown>;
  const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
  for (const k of keys) if (!sameValue(e[k], a[k], depth + 1)) return false;
  return true;
}

/** A queried row with its dynamic fields (`$meta`) lifted to the top, as people think of them. */
export function flattenRow(row: Record<string, unknown>): Record<string, unknown> {
  const { $meta, ...rest } = row;
  const meta = parseMaybe($meta);
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    for (const [k, v] of Object.entries(meta as Record<string, unknown>)) if (!(k in rest)) rest[k] = v;
  }
  return rest;
}

/** Fields where the row differs from the expected one (empty: it is the row we sent). */
export function rowDifferences(expected: Row, actual: Record<string, unknown>): string[] {
  const flat = flattenRow(actual);
  return Object.keys(expected).filter((k) => !sameValue(expected[k], flat[k]));
}
