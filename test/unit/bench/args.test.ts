import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../bench/args';

describe('bench options', () => {
  it('defaults: 50k records, 768 dims, 3 partitions, one run, scale-out on', () => {
    const o = parseBenchArgs([]);
    expect(o).toMatchObject({ records: 50_000, dim: 768, partitions: 3, runs: 1, scaleOut: true, profile: false, sweepRecords: 6_000 });
    expect(o.sweepBatches).toEqual([100, 250, 500, 1000, 2000]);
    expect(o.sweepConcurrency).toEqual([1, 2, 4]);
    expect(o.engineBatch).toBeUndefined();
  });

  it('the quick run scales the sweep down', () => {
    const o = parseBenchArgs(['--records', '5000', '--runs', '3']);
    expect(o).toMatchObject({ records: 5000, runs: 3, sweepRecords: 2000 });
    expect(parseBenchArgs(['--records', '1000']).sweepRecords).toBe(1000);
  });

  it('parses lists and flags', () => {
    const o = parseBenchArgs(['--sweep-batches', '1000, 250,250', '--no-scale-out', '--profile', '--engine-batch', '100', '--sdk-json-stub']);
    expect(o.sweepBatches).toEqual([250, 1000]);
    expect(o).toMatchObject({ scaleOut: false, profile: true, engineBatch: 100, sdkJsonStub: true, renderer: true, rendererOnly: false });
    expect(parseBenchArgs(['--no-renderer']).renderer).toBe(false);
  });

  it('rejects bad values with the option name', () => {
    expect(() => parseBenchArgs(['--records', '0'])).toThrow(/--records/);
    expect(() => parseBenchArgs(['--runs', '1.5'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--sweep-concurrency', '1,x'])).toThrow(/--sweep-concurrency/);
    expect(() => parseBenchArgs(['--nope'])).toThrow();
  });
});
