import { describe, expect, it } from 'vitest';
import { chunkBySize, recordBytes, VALUE_BYTES_HEADER, VALUE_TRUNCATED_HEADER } from '../../../electron/clients/dead-letter-chunks';
import type { OutRecord } from '../../../electron/clients/types';

const rec = (key: string, valueBytes: number): OutRecord => ({ key: Buffer.from(key), value: Buffer.alloc(valueBytes, 120), headers: { reason: 'x' } });

describe('dead-letter chunks', () => {
  it('splits sends so each stays under the topic limit, keeping order', () => {
    const records = Array.from({ length: 100 }, (_, i) => rec(`k${i}`, 20 * 1024));
    const chunks = chunkBySize(records, 1_000_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.reduce((n, r) => n + recordBytes(r), 0)).toBeLessThanOrEqual(1_000_000);
    expect(chunks.flat().map((r) => r.key?.toString())).toEqual(records.map((r) => r.key?.toString()));
    expect(chunks.flat().every((r) => r.value?.length === 20 * 1024)).toBe(true);
  });

  it('keeps key and reason of a record too big for the topic, and says the value was left out', () => {
    const [[big, small]] = chunkBySize([rec('big', 2_000_000), rec('small', 10)], 1_000_000) as [[OutRecord, OutRecord]];
    expect(big.value).toBeNull();
    expect(big.key?.toString()).toBe('big');
    expect(big.headers).toMatchObject({ reason: 'x', [VALUE_TRUNCATED_HEADER]: 'true', [VALUE_BYTES_HEADER]: '2000000' });
    expect(small.value?.length).toBe(10);
  });
});
