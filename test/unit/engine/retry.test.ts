import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/pipeline-status';
import { ClassifiedError } from '../../../electron/clients/types';
import { backoffDelay, mayRetry, sleep, within } from '../../../electron/engine/retry';
import { PipelineStateMachine } from '../../../electron/engine/state';
import { callWithRetry, withRetry } from '../../../electron/engine/writer';

const policy = { initialBackoffMs: 100, maxBackoffMs: 1_000 };

describe('backoff', () => {
  it('doubles per attempt, caps at the maximum, jitters within [d/2, d]', () => {
    expect([1, 2, 3, 4, 5, 30].map((a) => backoffDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, policy);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });

  it('retries forever with maxAttempts 0, otherwise up to the limit', () => {
    expect(mayRetry(1_000_000, { maxAttempts: 0 })).toBe(true);
    expect(mayRetry(2, { maxAttempts: 3 })).toBe(true);
    expect(mayRetry(3, { maxAttempts: 3 })).toBe(false);
  });

  it('sleep ends early on abort; within times out without rejecting', async () => {
    const ac = new AbortController();
    const p = sleep(10_000, ac.signal);
    ac.abort();
    expect(await p).toBe(false);
    expect(await sleep(1)).toBe(true);
    expect(await within(new Promise(() => undefined), 10)).toEqual({ ok: false, reason: 'timeout' });
    expect(await within(Promise.resolve(5), 10)).toEqual({ ok: true, value: 5 });
    expect((await within(Promise.reject(new Error('x')), 10)).ok).toBe(false);
  });
});

describe('giving up', () => {
  const hooks = (maxAttempts: number) => ({
    signal: new AbortController().signal,
    policy: { maxAttempts, initialBackoffMs: 1, maxBackoffMs: 1 },
    onRetry: () => undefined,
    onRecovered: () => undefined,
  });

  it('says so in words the UI can translate, quoting the last reason', async () => {
    const r = await withRetry('milvus', async () => ({ ok: false, kind: 'transient', reason: 'Milvus: connect ECONNREFUSED' }), hooks(2));
    expect(r).toEqual({
      ok: false,
      kind: 'fatal',
      reason: 'Gave up after 2 attempts: Milvus: connect ECONNREFUSED',
      text: { code: 'cause.gaveUp', params: { attempts: 2, reason: 'Milvus: connect ECONNREFUSED' } },
    });
  });

  it('keeps the code of a failure in our words through callWithRetry', async () => {
    const text = { code: 'cause.topicMissing', params: { topics: 'orders' } } as const;
    const err = await callWithRetry('kafka', () => Promise.reject(ClassifiedError.of('fatal', text)), () => ({ kind: 'fatal', reason: 'unused' }), hooks(3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifiedError);
    expect(err).toMatchObject({ kind: 'fatal', message: 'Topic orders does not exist', text });
  });
});

describe('state machine', () => {
  it('keeps a failure’s code for the UI and logs it with the change of state; retry causes stay raw', () => {
    const logs: Omit<LogEntry, 'at' | 'pipelineId'>[] = [];
    const sm = new PipelineStateMachine('p', () => undefined, (e) => void logs.push(e));
    sm.set('running');
    sm.retry('milvus', 'Milvus: UNAVAILABLE');
    expect([sm.state, sm.cause, sm.causeText]).toEqual(['retrying', 'Milvus: UNAVAILABLE', undefined]);
    const text = { code: 'cause.gaveUp', params: { attempts: 5, reason: 'Milvus: UNAVAILABLE' } } as const;
    sm.set('failed', 'Gave up after 5 attempts: Milvus: UNAVAILABLE', text);
    sm.set('stopped');
    expect([sm.state, sm.causeText]).toEqual(['failed', text]);
    expect(logs.at(-1)).toMatchObject({ kind: 'state', text: { code: 'state.changedCause', params: { from: 'retrying', to: 'failed', causeText: text } } });
  });
});
