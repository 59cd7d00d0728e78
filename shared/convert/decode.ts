// Message value bytes → parsed JSON, with the Kafka Connect envelope unwrapped. Pure; never throws.
import type { ValueFormat } from '../pipeline-config';
import { checkEnvelope, isConnectEnvelope } from './connect';
import { describeWords } from './describe';
import { hasUnsafeNumber, JsonSyntaxError, parseJsonExact } from './json-text';
import { englishPhrase, phrase, type Phrase } from './phrase';
import type { ConversionError, ConversionErrorCode, DecodeOptions, DecodeResult } from './types';

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

let utf8: InstanceType<typeof TextDecoder> | undefined;

function fail(code: ConversionErrorCode, words: Phrase): DecodeResult {
  const error: ConversionError = { code, message: englishPhrase(words), words };
  return { ok: false, error };
}

function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  // Only a value that starts with whitespace can be all whitespace: avoid trim() on every message.
  return (c === 32 || c === 9 || c === 10 || c === 13) && text.trim() === '';
}

/** Offset of the first byte that breaks UTF-8 (only computed on the error path). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; result: DecodeResult } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const exact = parseJsonExact(text);
    if (exact instanceof JsonSyntaxError) {
      const at = { reason: exact.words, position: exact.position, ...lineColumn(text, exact.position) };
      return { ok: false, result: fail('invalid_json', phrase('json.invalidAt', at)) };
    }
    return { ok: false, result: fail('invalid_json', phrase('json.invalid')) };
  }
  // JSON.parse rounded an integer beyond 2^53 (or met a float that large): re-parse exactly.
  if (hasUnsafeNumber(value)) {
    const exact = parseJsonExact(text);
    if (exact instanceof JsonSyntaxError) {
      return { ok: false, result: fail('invalid_json', phrase('json.inexact', { reason: exact.words, position: exact.position })) };
    }
    value = exact;
  }
  return { ok: true, value };
}

/**
 * Bytes (or text) of a Kafka message value → parsed JSON. Integers beyond ±(2^53−1) come back as
 * bigint. format 'connect' requires a {schema, payload} envelope, 'auto' unwraps one when present,
 * 'json' never unwraps.
 */
export function decodeValue(value: Uint8Array | string | null | undefined, format: ValueFormat, opts?: DecodeOptions): DecodeResult {
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (value === null || value === undefined) {
    return fail('empty_value', phrase('decode.tombstone'));
  }
  let text: string;
  if (typeof value === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte, so this never lets a too-large message through.
    if (value.length > maxBytes) return fail('too_large', phrase('decode.tooLargeText', { limit: maxBytes }));
    text = value;
  } else if (value instanceof Uint8Array) {
    if (value.byteLength > maxBytes) return fail('too_large', phrase('decode.tooLarge', { size: value.byteLength, limit: maxBytes }));
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    try {
      text = utf8.decode(value);
    } catch {
      return fail('invalid_utf8', phrase('decode.badUtf8', { offset: firstInvalidUtf8(value) }));
    }
  } else {
    return fail('invalid_json', phrase('decode.notBytes', { got: describeWords(value) }));
  }
  if (isBlank(text)) return fail('empty_value', phrase('decode.empty'));

  const parsed = parse(text);
  if (!parsed.ok) return parsed.result;
  const v = parsed.value;
  if (format !== 'json' && isConnectEnvelope(v)) {
    const err = checkEnvelope(v.schema, v.payload);
    if (err) return { ok: false, error: err };
    return { ok: true, value: v.payload, format: 'connect' };
  }
  if (format === 'connect') {
    return fail('envelope_mismatch', phrase('decode.notEnvelope', { got: describeWords(v) }));
  }
  return { ok: true, value: v, format: 'json' };
}
