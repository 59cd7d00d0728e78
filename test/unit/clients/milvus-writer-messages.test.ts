// Rows cross the thread boundary packed: what arrives must equal what was sent, key order included.
import { describe, expect, it } from 'vitest';
import { MIN_PACKED_LENGTH, packRows, transferList, unpackRows, type PackedRows } from '../../../electron/clients/milvus-writer-messages';
import type { Row } from '../../../shared/convert/types';

const vector = (n: number, seed = 1): number[] => Array.from({ length: n }, (_, i) => Math.sin(seed * 1000 + i) / 3);

/** The way a batch reaches the worker: structured clone with the buffers transferred. */
function throughThread(rows: Row[]): Row[] {
  const packed = packRows(rows);
  return unpackRows(structuredClone(packed, { transfer: transferList(packed) }));
}

describe('packRows / unpackRows', () => {
  it('moves numeric arrays into one Float64Array and restores them exactly', () => {
    const rows: Row[] = [
      { id: 1, v: vector(768, 1), title: 'a' },
      { id: '9007199254740993', v: vector(768, 2), title: 'b' },
    ];
    const packed = packRows(rows);
    expect(packed.values).toBeInstanceOf(Float64Array);
    expect(packed.values.length).toBe(2 * 768);
    expect(packed.fields).toEqual(['v', 'v']);
    expect([...packed.layout]).toEqual([0, 768, 1, 768]);
    expect(packed.rows).toEqual([
      { id: 1, v: null, title: 'a' },
      { id: '9007199254740993', v: null, title: 'b' },
    ]);
    expect(throughThread(rows)).toEqual(rows);
  });

  it('keeps values that are not JSON-exact for float32: doubles, big integers, -0', () => {
    const odd = [0.1, 1e-300, 2 ** 53 - 1, -(2 ** 53 - 1), -0, 3.4028234663852886e38, ...vector(MIN_PACKED_LENGTH)];
    const out = throughThread([{ a: odd }]);
    expect(out[0]?.a).toEqual(odd);
    expect(Object.is((out[0]?.a as number[])[4], -0)).toBe(true);
  });

  it('leaves short, mixed, nested and non-array values in the row', () => {
    const rows: Row[] = [
      {
        short: [1, 2, 3],
        mixed: [...vector(MIN_PACKED_LENGTH), 'x'],
        strings: Array.from({ length: 20 }, (_, i) => `s${i}`),
        sparse: { 3: 0.5, 17: 0.25 },
        json: { nested: vector(32) },
        nothing: null,
        flag: true,
      },
    ];
    const packed = packRows(rows);
    expect(packed.fields).toEqual([]);
    expect(packed.values.length).toBe(0);
    expect(throughThread(rows)).toEqual(rows);
  });

  it('packs several arrays per row, keeps key order and does not touch the input', () => {
    const row: Row = { id: 7, dense: vector(32, 1), name: 'n', bf16: vector(16, 2), ints: Array.from({ length: 20 }, (_, i) => i - 10) };
    const before = structuredClone(row);
    const out = throughThread([row, { id: 8, dense: vector(32, 3), name: 'm', bf16: vector(16, 4), ints: [] }]);
    expect(row).toEqual(before);
    expect(Object.keys(out[0] ?? {})).toEqual(['id', 'dense', 'name', 'bf16', 'ints']);
    expect(out[0]).toEqual(row);
    expect(out[1]?.ints).toEqual([]);
    expect(out[1]?.dense).toEqual(vector(32, 3));
  });

  it('handles an empty batch', () => {
    const packed: PackedRows = packRows([]);
    expect(packed.rows).toEqual([]);
    expect(throughThread([])).toEqual([]);
  });

  it('transfers the buffers instead of copying them', () => {
    const packed = packRows([{ v: vector(768) }]);
    const list = transferList(packed);
    expect(list).toHaveLength(2);
    structuredClone(packed, { transfer: list });
    expect(packed.values.byteLength).toBe(0); // detached: ownership moved to the receiver
  });
});
