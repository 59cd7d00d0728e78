// Property-based robustness (fast-check), no services needed:
// - the corpus says exactly what the pure conversion reports, kind by kind;
// - decodeValue/convertRecord never throw on arbitrary bytes, text, mutated records or JS values,
//   and every failure is a known code with a bounded, one-line message;
// - the IPC dispatch never throws past the boundary: over the real handler set (app-handlers.ts),
//   and over a recording handler set whose handlers throw hostile values.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { convertRecord, decodeValue, type ConvertOptions, type ConversionError } from '../../shared/convert';
import { COMMAND_NAMES, commandArgs, type CommandName } from '../../shared/contract';
import { AppFailure } from '../../shared/errors';
import { buildHandlers } from '../../electron/rpc/app-handlers';
import { createDispatch, type Dispatch } from '../../electron/rpc/dispatch';
import { createEventBus } from '../../electron/rpc/event-bus';
import type { Handlers } from '../../electron/rpc/types';
import { createFileSecretCipher } from '../../electron/services/file-secret-cipher';
import { AUTOID_SCHEMA, buildCorpus, CORPUS_SCHEMA } from './corpus';
import { conversionOf } from './support/corpus-check';
import { goodValue } from './support/dataset';
import { appendResult } from './support/results';

const CODES = new Set(['invalid_json', 'invalid_utf8', 'empty_value', 'not_an_object', 'envelope_mismatch', 'missing_field', 'null_not_allowed', 'wrong_type', 'out_of_range', 'too_long', 'wrong_dimension', 'invalid_vector', 'over_capacity', 'unknown_field', 'pk_on_auto_id', 'too_large']);
const RUNS = Number(process.env.FAULT_PROPERTY_RUNS ?? 1500);
const corpus = buildCorpus();
let checks = 0;

function expectWellFormed(e: ConversionError): void {
  checks++;
  expect(CODES.has(e.code), e.code).toBe(true);
  expect(typeof e.message).toBe('string');
  expect(e.message.length).toBeGreaterThan(0);
  expect(e.message.length).toBeLessThan(1_000);
  expect(e.message).not.toMatch(/\n/);
}

const allOptions: fc.Arbitrary<ConvertOptions> = fc.record({
  mapping: fc.constant([]),
  ignore: fc.constantFrom([], ['meta'], ['tags.x']),
  valueFormat: fc.constantFrom('json', 'connect', 'auto'),
  vectorEncoding: fc.constantFrom('array', 'base64', 'auto'),
  extraFields: fc.constantFrom('dynamic', 'drop', 'error'),
});

/** Decode then convert, as the engine does; both must return, never throw. */
function pipelineOf(value: Uint8Array | string | null, opts: ConvertOptions, autoid = false): void {
  const d = decodeValue(value, opts.valueFormat);
  if (!d.ok) return expectWellFormed(d.error);
  const c = convertRecord(d.value, autoid ? AUTOID_SCHEMA : CORPUS_SCHEMA, opts);
  if (!c.ok) expectWellFormed(c.error);
  else checks++;
}

describe('conversion', () => {
  it(`the corpus has at least 30 kinds and each reports exactly its code and field`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((k) => k.kind)).size).toBe(corpus.length);
    const wrong = corpus.filter((k) => {
      const e = conversionOf(k);
      return (e?.code ?? undefined) !== k.code || (k.code !== undefined && (e?.field ?? '') !== (k.field ?? ''));
    });
    expect(wrong.map((k) => k.kind)).toEqual([]);
  });

  it('never throws on arbitrary bytes or text, in every format', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2_048 }), fc.string({ unit: 'binary', maxLength: 512 }), fc.constant(null)), allOptions, fc.boolean(), (v, o, autoid) => pipelineOf(v, o, autoid)),
      { numRuns: RUNS },
    );
  });

  it('never throws on byte-level mutations of good and malformed records', () => {
    const seeds = [...corpus.filter((k) => k.value && k.value.length < 100_000).map((k) => k.value as Buffer), Buffer.from(JSON.stringify({ ...goodValue(7), flag: true, tags: ['a'], meta: { a: [1, { b: 2 }] } }))];
    const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), op: fc.constantFrom('flip', 'insert', 'delete', 'truncate') });
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 }), allOptions, (seed, muts, o) => {
        let b = Buffer.from(seed);
        for (const m of muts) {
          const at = b.length ? m.at % b.length : 0;
          if (m.op === 'flip') b[at] = m.byte;
          else if (m.op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
          else if (m.op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
          else b = b.subarray(0, at);
        }
        pipelineOf(b, o);
      }),
      { numRuns: RUNS },
    );
  });

  it('convertRecord never throws on arbitrary JS values (prototype-less, bigint, typed arrays…)', () => {
    const value = fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: true, withDate: true });
    const shaped = fc.record({ id: value, title: value, vec: fc.oneof(value, fc.array(fc.double(), { minLength: 8, maxLength: 8 })), flag: value, score: value, tags: value, meta: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(value, shaped), allOptions, fc.boolean(), (v, o, autoid) => {
        const c = convertRecord(v, autoid ? AUTOID_SCHEMA : CORPUS_SCHEMA, o);
        if (!c.ok) expectWellFormed(c.error);
        else checks++;
      }),
      { numRuns: RUNS },
    );
  });
});

/** Values a buggy handler might throw: the boundary must turn every one into a typed error. */
const hostile = (): [string, unknown][] => [
  ['TypeError', new TypeError('boom')],
  ['AppFailure', new AppFailure('not_found', 'nothing here')],
  ['a string', 'a plain string'],
  ['undefined', undefined],
  ['null', null],
  ['a bigint', 42n],
  ['a null-prototype object', Object.create(null)],
  ['an object whose toString throws', { toString: () => { throw new Error('no toString'); } }],
  ['a Proxy that throws on every read', new Proxy({}, { get: () => { throw new Error('no get'); }, getPrototypeOf: () => { throw new Error('no proto'); } })],
  ['an Error whose message getter throws', Object.defineProperty(new Error('x'), 'message', { get: () => { throw new Error('no message'); } })],
  ['an Error whose stack getter throws', Object.defineProperty(new Error('y'), 'stack', { get: () => { throw new Error('no stack'); } })],
];

function throwingHandlers(pick: () => unknown): Handlers {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      () => {
        throw pick();
      },
    ]),
  ) as unknown as Handlers;
}

async function expectTyped(dispatch: Dispatch, cmd: unknown, args: unknown): Promise<void> {
  let r: Awaited<ReturnType<Dispatch>>;
  try {
    r = await dispatch(cmd, args);
  } catch (e) {
    throw new Error(`dispatch threw past the boundary for ${String(cmd)}: ${String((e as Error)?.message ?? 'unprintable')}`);
  }
  checks++;
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(typeof r.error.code).toBe('string');
    expect(typeof r.error.message).toBe('string');
    expect(() => structuredClone(r)).not.toThrow(); // crosses Electron IPC
    expect(() => JSON.stringify(r)).not.toThrow(); // crosses the WebSocket
  }
}

// Commands whose valid payloads reach the network, processes or the OS: only invalid payloads are
// sent to them here (their validation path); everything else runs for real in a temp data dir.
const OUTSIDE = /^(sandbox|kafka|milvus|schema|producer\.(send|verify|sendMany|template$)|generator\.start|monitor|dlq)|^app\.openExternal$|^pipeline\.(start|planOffsetReset|resetOffsets)$/;

describe('IPC dispatch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-faults-rpc-'));
  const real = buildHandlers({ host: 'browser', dataDir, appRoot: process.cwd(), version: '0.0.0-faults', events: createEventBus(), secrets: createFileSecretCipher(dataDir) });
  afterAll(async () => {
    await real.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
    appendResult({ drill: 'property-based', sent: 0, written: 0, deadLettered: 0, skipped: 0, lost: 0, duplicated: 0, malformedKinds: 0, crashes: 0, seconds: 0, notes: `${checks} property checks passed (${RUNS} runs per property)` });
  });

  it('never throws past the boundary over the real handler set (app-handlers.ts)', async () => {
    const dispatch = createDispatch(real.commands, () => undefined);
    const cmd = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COMMAND_NAMES) }, fc.string(), fc.anything());
    const args = fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), fc.tuple(fc.string({ maxLength: 70 })), fc.tuple(fc.string({ maxLength: 70 }), fc.integer()));
    await fc.assert(
      fc.asyncProperty(cmd, args, async (c, a) => {
        const valid = typeof c === 'string' && (COMMAND_NAMES as string[]).includes(c) && commandArgs[c as CommandName].safeParse(a ?? []).success;
        fc.pre(!(valid && OUTSIDE.test(c as string)));
        await expectTyped(dispatch, c, a);
      }),
      { numRuns: RUNS },
    );
  });

  it('turns every hostile thrown value into a typed error (recording handler set)', async () => {
    const escaped: string[] = [];
    for (const [label, thrown] of hostile()) {
      const dispatch = createDispatch(throwingHandlers(() => thrown), () => undefined);
      for (const name of COMMAND_NAMES) {
        const args = commandArgs[name].safeParse([]).success ? [] : ['p1'];
        try {
          await expectTyped(dispatch, name, args);
        } catch {
          escaped.push(label);
          break;
        }
      }
    }
    expect(escaped, 'thrown values that escaped dispatch (electron/rpc/dispatch.ts toAppError)').toEqual([]);
  });
});
