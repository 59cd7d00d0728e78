import { describe, expect, it } from 'vitest';
import { makeRecord, makeRecords, mulberry32, recordSeed } from '../../../bench/data';
import { convertRecord, decodeValue, type ConvertOptions } from '../../../shared/convert';
import { benchSchema } from '../../../bench/convert-cost';

describe('bench data set', () => {
  it('the PRNG is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(xs[0]);
  });

  it('records are reproducible one by one and differ by index and seed', () => {
    expect(makeRecord(123, 16)).toEqual(makeRecord(123, 16));
    expect(makeRecords(5, 16)[3]).toEqual(makeRecord(3, 16));
    expect(makeRecord(1, 16).title_vector).not.toEqual(makeRecord(2, 16).title_vector);
    expect(makeRecord(1, 16, 1).title_vector).not.toEqual(makeRecord(1, 16, 2).title_vector);
    expect(recordSeed(42, 0)).not.toBe(recordSeed(42, 1));
  });

  it('has the seed example shape with 9-decimal vector components', () => {
    const r = makeRecord(42, 768);
    expect(Object.keys(r)).toEqual(['id', 'title', 'title_vector', 'link']);
    expect(r.id).toBe(42);
    expect(r.title_vector).toHaveLength(768);
    expect(r.title_vector.every((v) => v >= -0.1 && v <= 0.1 && Math.abs(v * 1e9 - Math.round(v * 1e9)) < 1e-3)).toBe(true);
    expect(r.link).toMatch(/^https:\/\/medium\.com\/bench\/[a-z-]+-2a$/);
    expect(r.title.length).toBeLessThan(512);
  });

  it('every record converts cleanly with the shared converter (nothing would be dead-lettered)', () => {
    const schema = benchSchema(32);
    const opts: ConvertOptions = { mapping: [], ignore: [], valueFormat: 'auto', vectorEncoding: 'auto', extraFields: 'dynamic' };
    for (const rec of makeRecords(200, 32)) {
      const d = decodeValue(Buffer.from(JSON.stringify(rec)), 'auto');
      expect(d.ok).toBe(true);
      const c = convertRecord(d.ok ? d.value : null, schema, opts);
      expect(c.ok && c.row).toEqual(rec);
    }
  });
});
