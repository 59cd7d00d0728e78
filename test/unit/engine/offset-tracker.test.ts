import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetTracker } from '../../../electron/engine/offset-tracker';

describe('OffsetTracker', () => {
  it('commits only the contiguous finished prefix, as last + 1', () => {
    const t = new OffsetTracker();
    const [a, b, c] = ['10', '11', '12'].map((o) => t.take('t', 0, o));
    expect(t.committable()).toEqual([]);
    t.finish(b!);
    expect(t.committable()).toEqual([]);
    t.finish(a!);
    expect(t.committable()).toEqual([{ topic: 't', partition: 0, offset: '12' }]);
    t.markCommitted(t.committable());
    expect(t.committable()).toEqual([]);
    t.finish(c!);
    expect(t.committable()).toEqual([{ topic: 't', partition: 0, offset: '13' }]);
  });

  it('keeps partitions apart and filters by ownership', () => {
    const t = new OffsetTracker();
    t.finish(t.take('a', 0, '0'));
    t.finish(t.take('a', 1, '5'));
    t.finish(t.take('b', 0, '7'));
    expect(t.committable((topic, p) => topic === 'a' && p === 1)).toEqual([{ topic: 'a', partition: 1, offset: '6' }]);
    t.retain((topic) => topic === 'b');
    expect(t.committable()).toEqual([{ topic: 'b', partition: 0, offset: '8' }]);
  });

  it('starts over when Kafka rewinds; tickets of the old run no longer move commits', () => {
    const t = new OffsetTracker();
    const old5 = t.take('t', 0, '5');
    const old6 = t.take('t', 0, '6');
    const again5 = t.take('t', 0, '5'); // redelivered after a rebalance
    t.finish(old5);
    t.finish(old6);
    expect(t.committable()).toEqual([]);
    t.finish(again5);
    expect(t.committable()).toEqual([{ topic: 't', partition: 0, offset: '6' }]);
  });

  it('tolerates gaps in offsets (compaction, transaction markers)', () => {
    const t = new OffsetTracker();
    const a = t.take('t', 0, '3');
    const b = t.take('t', 0, '9');
    t.finish(a);
    expect(t.committable()[0]?.offset).toBe('4');
    t.finish(b);
    expect(t.committable()[0]?.offset).toBe('10');
    expect(t.pending()).toBe(0);
  });

  it('never commits past an unfinished offset, whatever the finishing order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.nat(), { maxLength: 300 }), (n, order) => {
        const t = new OffsetTracker();
        const tickets = Array.from({ length: n }, (_, i) => t.take('t', 0, String(100 + i)));
        const finished = new Set<number>();
        const ids = order.map((x) => x % n);
        for (const i of ids) {
          t.finish(tickets[i]!);
          finished.add(i);
          let prefix = 0;
          while (finished.has(prefix)) prefix++;
          const c = t.committable();
          if (prefix === 0) expect(c).toEqual([]);
          else expect(c[0]?.offset).toBe(String(100 + prefix));
        }
      }),
    );
  });
});
