// Is the queried row the one we sent: Int64 as text, float32/float16 rounding, JSON, $meta.
import { describe, expect, it } from 'vitest';
import { flattenRow, rowDifferences, sameValue } from '../../../electron/services/producer-row-match';
import { trackFilter } from '../../../electron/services/producer-verify';

describe('row matching', () => {
  it('accepts what Milvus returns for the row we sent', () => {
    const expected = { id: 1_750_000_000_000_001, title: 'A', title_vector: [0.041732933, -0.027564144], meta: { a: [1, 2] }, big: '9007199254740993' };
    const actual = { id: '1750000000000001', title: 'A', title_vector: [Math.fround(0.041732933), Math.fround(-0.027564144)], meta: '{"a":[1,2]}', big: '9007199254740993' };
    expect(rowDifferences(expected, actual)).toEqual([]);
  });

  it('names the fields that differ', () => {
    expect(rowDifferences({ id: 1, title: 'A', v: [0.5, 0.5] }, { id: '1', title: 'B', v: [0.5, 0.4] })).toEqual(['title', 'v']);
    expect(sameValue(1000, 1001)).toBe(false);
    expect(sameValue('9007199254740993', '9007199254740992')).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
  });

  it('lifts dynamic fields out of $meta', () => {
    expect(flattenRow({ id: '1', $meta: { studio_nonce: 'x', id: 'shadowed' } })).toEqual({ id: '1', studio_nonce: 'x' });
    expect(rowDifferences({ id: 1, studio_nonce: 'x' }, { id: '1', $meta: '{"studio_nonce":"x"}' })).toEqual([]);
  });

  it('builds filters that quote text but not Int64 digits', () => {
    expect(trackFilter('id', 42, false)).toBe('id == 42');
    expect(trackFilter('id', '9007199254740993', false)).toBe('id == 9007199254740993');
    expect(trackFilter('pk', '123', true)).toBe('pk == "123"');
    expect(trackFilter('title', 'say "hi" #studio-1', true)).toBe('title == "say \\"hi\\" #studio-1"');
  });
});
