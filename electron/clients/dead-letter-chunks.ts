// Dead letters must fit the dead-letter topic whatever their size: Kafka limits a whole record batch
// (max.message.bytes), so sends are split by size, and a record that alone exceeds the limit keeps
// its key, headers and reason but not its value (the original stays in the source topic, at the
// topic/partition/offset its headers name).
import type { OutRecord } from './types';

export const VALUE_TRUNCATED_HEADER = '__studio.errors.value.truncated';
export const VALUE_BYTES_HEADER = '__studio.errors.value.bytes';
/** Room for the record batch header and per-record framing. */
const OVERHEAD = 512;

export function recordBytes(r: OutRecord): number {
  let n = 64 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  for (const [k, v] of Object.entries(r.headers)) n += k.length + 16 + (typeof v === 'string' ? Buffer.byteLength(v) : (v?.length ?? 0));
  return n;
}

/** The record without its value, saying so in headers. */
export function withoutValue(r: OutRecord): OutRecord {
  return {
    ...r,
    value: null,
    headers: { ...r.headers, [VALUE_TRUNCATED_HEADER]: 'true', [VALUE_BYTES_HEADER]: String(r.value?.length ?? 0) },
  };
}

/** Groups of records whose size together stays under `limit` bytes, in order. */
export function chunkBySize(records: readonly OutRecord[], limit: number): OutRecord[][] {
  const budget = Math.max(1024, limit - OVERHEAD);
  const chunks: OutRecord[][] = [];
  let current: OutRecord[] = [];
  let size = 0;
  for (const original of records) {
    const r = recordBytes(original) > budget ? withoutValue(original) : original;
    const n = recordBytes(r);
    if (current.length > 0 && size + n > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
