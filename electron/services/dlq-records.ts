// Dead-letter records as the browser shows them, pure: payloads as text (or base64), the reason from
// the Kafka Connect / Studio error headers, and the original headers to send back on redrive.
import type { DlqPayload, DlqReason, DlqRecord } from '../../shared/contract-monitor';
import { phraseFromJson } from '../../shared/convert';
import { DLQ_HEADERS } from '../engine/dead-letter';

export type RawHeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type RawHeaders = Record<string, RawHeaderValue>;

export interface RawRecord {
  partition: number;
  offset: string;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeaders;
}

/** Payload text sent to the renderer per key/value; the rest stays in Kafka. */
export const MAX_PAYLOAD_CHARS = 32_768;

const ERROR_PREFIXES = ['__connect.errors.', '__studio.errors.'];

export function isErrorHeader(name: string): boolean {
  return ERROR_PREFIXES.some((p) => name.startsWith(p));
}

export function headerText(v: RawHeaderValue): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => x.toString()).join(',');
  return v.toString();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function payloadView(buf: Buffer | null, maxChars = MAX_PAYLOAD_CHARS): DlqPayload | null {
  if (buf === null) return null;
  try {
    const text = utf8.decode(buf);
    return { text: text.length > maxChars ? text.slice(0, maxChars) : text, encoding: 'utf8', bytes: buf.length, truncated: text.length > maxChars };
  } catch {
    const slice = buf.subarray(0, Math.floor((maxChars * 3) / 4));
    return { text: slice.toString('base64'), encoding: 'base64', bytes: buf.length, truncated: slice.length < buf.length };
  }
}

export function reasonOf(headers: RawHeaders): DlqReason {
  const h = (name: string): string => headerText(headers[name]);
  const reason: DlqReason = {
    code: h(DLQ_HEADERS.code) || 'unknown',
    field: h(DLQ_HEADERS.field),
    message: h(DLQ_HEADERS.message),
    stage: h(DLQ_HEADERS.stage),
    exceptionClass: h(DLQ_HEADERS.exceptionClass),
    connector: h(DLQ_HEADERS.connector),
  };
  // Headers come from whoever wrote to the topic: the words are checked, and dropped if odd.
  const words = phraseFromJson(h(DLQ_HEADERS.words));
  if (words) reason.words = words;
  return reason;
}

export function sourceOf(headers: RawHeaders): DlqRecord['source'] {
  const topic = headerText(headers[DLQ_HEADERS.topic]);
  const partition = headerText(headers[DLQ_HEADERS.partition]);
  const offset = headerText(headers[DLQ_HEADERS.offset]);
  return {
    topic: topic || null,
    partition: /^\d+$/.test(partition) ? Number(partition) : null,
    offset: /^\d+$/.test(offset) ? offset : null,
  };
}

export function toDlqRecord(r: RawRecord, redrivenAt?: number): DlqRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (!isErrorHeader(k) && v !== undefined) headers[k] = headerText(v).slice(0, 1000);
  const out: DlqRecord = {
    partition: r.partition,
    offset: r.offset,
    timestamp: r.timestamp,
    key: payloadView(r.key),
    value: payloadView(r.value),
    headers,
    source: sourceOf(r.headers),
    reason: reasonOf(r.headers),
  };
  if (redrivenAt !== undefined) out.redrivenAt = redrivenAt;
  return out;
}

/** The original record's headers: everything except the error headers the dead-lettering added. */
export function redriveHeaders(headers: RawHeaders): Record<string, Buffer | string | (Buffer | string)[]> {
  const out: Record<string, Buffer | string | (Buffer | string)[]> = {};
  for (const [k, v] of Object.entries(headers)) if (!isErrorHeader(k) && v !== undefined) out[k] = v;
  return out;
}

export const recordKey = (partition: number, offset: string): string => `${partition}:${offset}`;
