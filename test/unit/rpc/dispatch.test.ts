// dispatch is the only door into the main side: every payload is validated against the contract,
// and whatever comes in, the answer is a typed result, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandArgs, type CommandName } from '../../../shared/contract';
import { AppFailure } from '../../../shared/errors';
import { createDispatch } from '../../../electron/rpc/dispatch';
import type { Handlers } from '../../../electron/rpc/types';

function recordingHandlers(calls: string[], impl?: (cmd: string) => unknown): Handlers {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      (...args: unknown[]) => {
        calls.push(name);
        return impl ? impl(name) : args;
      },
    ]),
  ) as unknown as Handlers;
}

describe('dispatch', () => {
  it('refuses names outside the contract without calling anything', async () => {
    const calls: string[] = [];
    const dispatch = createDispatch(recordingHandlers(calls));
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined, { cmd: 'app.info' }]) {
      const r = await dispatch(name, []);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_command');
    }
    expect(calls).toEqual([]);
  });

  it('names the offending path when a payload is invalid', async () => {
    const calls: string[] = [];
    const dispatch = createDispatch(recordingHandlers(calls));
    const r = await dispatch('kafka.createTopic', [{ kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' } }, { name: 'bad name!', partitions: 1, replicationFactor: 1 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_payload');
      expect(r.error.message).toContain('1.name');
    }
    expect(calls).toEqual([]);
  });

  it('passes valid payloads through and returns the value', async () => {
    const calls: string[] = [];
    const dispatch = createDispatch(recordingHandlers(calls));
    const r = await dispatch('pipeline.start', ['p1']);
    expect(r).toEqual({ ok: true, value: ['p1'] });
    expect(calls).toEqual(['pipeline.start']);
  });

  it('turns failures into typed errors: ours keep their code, others become internal', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch(
      recordingHandlers([], (cmd) => {
        if (cmd === 'pipeline.stop') throw new AppFailure('not_found', 'no pipeline p1', undefined, 'p1');
        throw new TypeError('boom');
      }),
      (cmd) => seen.push(cmd),
    );
    expect(await dispatch('pipeline.stop', ['p1'])).toEqual({ ok: false, error: { code: 'not_found', message: 'no pipeline p1', detail: undefined, where: 'p1' } });
    const r = await dispatch('pipeline.pause', ['p1']);
    expect(r.ok === false && r.error.code).toBe('internal');
    expect(seen).toEqual(['pipeline.pause']);
  });

  it('fuzz: arbitrary payloads for every command never throw and never reach a handler unvalidated', async () => {
    const calls: string[] = [];
    const dispatch = createDispatch(recordingHandlers(calls));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), async (cmd, payload) => {
        calls.length = 0;
        const r = await dispatch(cmd, payload);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) {
          // Reached the handler: the payload must have been valid for that command.
          expect(commandArgs[cmd as CommandName].safeParse(payload ?? []).success).toBe(true);
          expect(calls).toEqual([cmd]);
        } else {
          expect(r.error.code).toBe('invalid_payload');
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
