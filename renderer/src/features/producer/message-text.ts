// Pure helpers for the message editor: formatting (vectors on one line), a fresh key after each
// send, reading a pasted vector, and the bytes a message takes.
import type { FieldSchema } from '../../../../shared/milvus-schema';

/** JSON with 2-space indents, but arrays of plain values on one line (vectors stay readable). */
export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Reformats JSON text; null when it does not parse or holds integers JSON.parse would round. */
export function reformat(text: string): string | null {
  if (/(?<![\d.eE])-?\d{16,}(?![\d.eE])/.test(text)) return null;
  try {
    return formatJson(JSON.parse(text));
  } catch {
    return null;
  }
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

let lastKey = 0;
/** Unique, increasing Int64 keys from the clock in µs (below 2^53 until 2255). */
export function uniqueKey(now: number = Date.now()): number {
  lastKey = Math.max(lastKey + 1, Math.floor(now) * 1000);
  return lastKey;
}

const nonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function freshValue(field: FieldSchema | undefined, current: string): string {
  if (field?.dataType === 'Int64') return String(uniqueKey());
  if (field?.isPrimaryKey) return JSON.stringify(`msg-${nonce()}`);
  let text = '';
  try {
    text = String(JSON.parse(current));
  } catch {
    // not a string: start afresh
  }
  const base = text.replace(/ ?#studio-[0-9a-z]+$/, '');
  return JSON.stringify(base.startsWith('studio-') || base === '' ? `studio-${nonce()}` : `${base} #studio-${nonce()}`);
}

/**
 * The text with a new value for the tracking field (a unique primary key, or a new nonce), changed
 * in place so the rest of the user's formatting stays. Unchanged when the field is not found.
 */
export function withFreshKey(text: string, fieldName: string, field: FieldSchema | undefined): string {
  const name = JSON.stringify(fieldName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(${name}\\s*:\\s*)(-?\\d+(?:\\.\\d+)?|"(?:[^"\\\\]|\\\\.)*")`);
  return text.replace(re, (_m, head: string, value: string) => `${head}${freshValue(field, value)}`);
}

/** Numbers from a pasted vector: JSON array, or numbers separated by commas or spaces. */
export function parseVector(text: string): number[] | null {
  const body = text.trim().replace(/^\[|\]$/g, '').trim();
  if (!body) return null;
  const parts = body.split(/[\s,]+/).filter(Boolean);
  const out = parts.map(Number);
  return out.every((n) => Number.isFinite(n)) ? out : null;
}
