// What the main thread and the Milvus writer thread (milvus-writer-worker.ts) say to each other.
// Rows cross the thread boundary packed: every numeric array (vectors, numeric Array fields) is
// copied into one Float64Array whose buffer is transferred, not cloned. Structured clone of plain
// 768-dim rows walks every element on the sending thread; packing costs about half of that, and
// Float64 keeps every JS number exactly (so any field, vector or not, can be packed).
import type { MilvusConnection } from '../../shared/connections';
import type { CollectionSchema } from '../../shared/milvus-schema';
import type { Row } from '../../shared/convert/types';
import type { MilvusClientOptions } from './milvus-client';
import type { MilvusWriterTarget } from './milvus-writer';
import type { Failure, WriteMode, WriteResult } from './types';

/** workerData of a writer thread: what it needs to build its own client. */
export interface WriterThreadInit {
  connection: MilvusConnection;
  client: MilvusClientOptions;
  target: MilvusWriterTarget;
}

/** Shorter numeric arrays stay in the rows: packing them would cost more than cloning them. */
export const MIN_PACKED_LENGTH = 16;

export interface PackedRows {
  /** Shallow copies of the rows; packed fields hold null until unpacked (keeps key order). */
  rows: Row[];
  /** The field name of each packed array, in packing order. */
  fields: string[];
  /** [row index, length] of each packed array, in packing order. */
  layout: Uint32Array;
  /** The packed arrays, back to back. */
  values: Float64Array;
}

export type RequestBody = { op: 'write'; mode: WriteMode; batch: PackedRows } | { op: 'describe' } | { op: 'close' };
export type WriterRequest = RequestBody & { id: number };

export type WriterReply =
  | { type: 'ready' }
  | { type: 'written'; id: number; result: WriteResult }
  | { type: 'described'; id: number; schema: CollectionSchema }
  | { type: 'failed'; id: number; failure: Failure }
  | { type: 'closed'; id: number };

function isNumberArray(v: unknown): v is number[] {
  if (!Array.isArray(v) || v.length < MIN_PACKED_LENGTH) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false;
  return true;
}

/** Packs a batch for postMessage; the input rows are not modified. */
export function packRows(rows: readonly Row[]): PackedRows {
  const out: Row[] = new Array<Row>(rows.length);
  const fields: string[] = [];
  const arrays: number[][] = [];
  const layout: number[] = [];
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const copy: Row = {};
    for (const key of Object.keys(row)) {
      const v = row[key];
      if (isNumberArray(v)) {
        copy[key] = null;
        fields.push(key);
        arrays.push(v);
        layout.push(r, v.length);
        total += v.length;
      } else copy[key] = v;
    }
    out[r] = copy;
  }
  const values = new Float64Array(total);
  let offset = 0;
  for (const a of arrays) {
    values.set(a, offset);
    offset += a.length;
  }
  return { rows: out, fields, layout: Uint32Array.from(layout), values };
}

/** The buffers to list as transferables next to a packed batch. */
export function transferList(batch: PackedRows): ArrayBuffer[] {
  return [batch.values.buffer, batch.layout.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/** Restores the rows in place (they are the worker's own copies) and returns them. */
export function unpackRows(batch: PackedRows): Row[] {
  const { rows, fields, layout, values } = batch;
  let offset = 0;
  for (let s = 0; s < fields.length; s++) {
    const row = rows[layout[2 * s] as number] as Row;
    const length = layout[2 * s + 1] as number;
    // A plain loop into a fresh array: packed doubles, as JSON.parse would have made them.
    const a: number[] = [];
    for (let i = 0; i < length; i++) a.push(values[offset + i] as number);
    row[fields[s] as string] = a;
    offset += length;
  }
  return rows;
}
