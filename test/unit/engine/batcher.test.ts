import { describe, expect, it } from 'vitest';
import { Batcher, type Timers } from '../../../electron/engine/batcher';

function fakeTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    set: (fn, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clear: (h) => {
      timers = timers.filter((t) => t.id !== h);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pending: () => timers.length,
  };
}

describe('Batcher', () => {
  it('reports full at the batch size and hands out at most size items', () => {
    const b = new Batcher<number>(3, 100, () => undefined, fakeTimers());
    expect(b.add(1)).toBe(false);
    expect(b.add(2)).toBe(false);
    expect(b.add(3)).toBe(true);
    b.add(4);
    expect(b.take()).toEqual([1, 2, 3]);
    expect(b.take()).toEqual([4]);
    expect(b.length).toBe(0);
  });

  it('calls onDue once the first item waited lingerMs', () => {
    const timers = fakeTimers();
    let due = 0;
    const b = new Batcher<number>(10, 50, () => due++, timers);
    b.add(1);
    timers.advance(30);
    b.add(2);
    expect(b.due).toBe(false);
    timers.advance(20);
    expect(due).toBe(1);
    expect(b.due).toBe(true);
    expect(b.take()).toEqual([1, 2]);
    expect(timers.pending()).toBe(0);
  });

  it('starts a new linger period for leftovers and none when empty', () => {
    const timers = fakeTimers();
    let due = 0;
    const b = new Batcher<number>(2, 50, () => due++, timers);
    [1, 2, 3].forEach((x) => b.add(x));
    b.take();
    expect(timers.pending()).toBe(1);
    timers.advance(50);
    expect(due).toBe(1);
    b.take();
    b.dispose();
    expect(timers.pending()).toBe(0);
  });
});
