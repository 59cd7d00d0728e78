// The thread proxy's lifecycle against a fake worker: replies, crashes, hangs, start failures and
// close. The real worker against the real Milvus is covered in test/integration/writer-thread.
import { afterEach, describe, expect, it } from 'vitest';
import { resolveWorkerEntry, ThreadedMilvusRowWriter, typeScriptEntry, type ThreadedWriterConfig } from '../../../electron/clients/milvus-writer-thread';
import { ClassifiedError, type RowWriter, type WriteResult } from '../../../electron/clients/types';
import type { Row } from '../../../shared/convert/types';

const entry = typeScriptEntry(new URL('./fake-writer-worker.ts', import.meta.url));
const writers: ThreadedMilvusRowWriter[] = [];

function fakeWriter(collection = 'c', extra: Partial<ThreadedWriterConfig> = {}): ThreadedMilvusRowWriter {
  const w = new ThreadedMilvusRowWriter({ connection: { address: '127.0.0.1:1' }, client: {}, target: { collection }, entry, ...extra });
  writers.push(w);
  return w;
}

afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
});

const vector = (n: number): number[] => Array.from({ length: n }, (_, i) => i / n - 0.5);

function echoed(r: WriteResult): { mode: string; rows: Row[]; threadId: number } {
  if (r.ok) throw new Error('expected the echo failure');
  return JSON.parse(r.reason) as { mode: string; rows: Row[]; threadId: number };
}

describe('resolveWorkerEntry', () => {
  it('runs the TypeScript entry through tsx when this module is TypeScript', () => {
    const e = resolveWorkerEntry(new URL('../../../electron/clients/milvus-writer-thread.ts', import.meta.url).href);
    expect(e.eval).toBe(true);
    expect(String(e.script)).toContain(new URL('../../../electron/clients/milvus-writer-worker.ts', import.meta.url).href);
    expect(String(e.script)).toMatch(/^import\("file:\/\/\/.*\/tsx\/dist\/esm\/api\//);
  });

  it('uses the sibling file with the same extension otherwise', () => {
    expect(resolveWorkerEntry('file:///opt/app/dist/cli/cli.mjs')).toEqual({ script: new URL('file:///opt/app/dist/cli/milvus-writer-worker.mjs') });
    expect(resolveWorkerEntry('file:///opt/app/dist/electron/main.cjs')).toEqual({ script: new URL('file:///opt/app/dist/electron/milvus-writer-worker.cjs') });
  });
});

describe('ThreadedMilvusRowWriter', () => {
  it('sends rows and mode intact and returns the thread’s result', async () => {
    const w = fakeWriter();
    const rows: Row[] = [
      { act: 'echo', id: '12345678901234567', v: vector(768), tags: ['a', 'b'] },
      { act: 'x', id: 2, v: vector(768), sparse: { 1: 0.5 } },
    ];
    const out = echoed(await w.write(rows, 'upsert'));
    expect(out.mode).toBe('upsert');
    expect(out.rows).toEqual(rows);
    expect(await w.write([{ act: 'ok' }], 'insert')).toEqual({ ok: true });
    expect(await w.write([], 'insert')).toEqual({ ok: true });
  });

  it('runs concurrent calls on one thread', async () => {
    const w = fakeWriter();
    const results = await Promise.all([w.write([{ act: 'slow' }], 'insert'), w.write([{ act: 'ok' }], 'insert'), w.describe()]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { name: 'c', fields: [], enableDynamicField: false }]);
  });

  it('turns a thread crash into a transient failure and starts a new thread for the next call', async () => {
    const w = fakeWriter();
    const first = echoed(await w.write([{ act: 'echo' }], 'insert')).threadId;
    const [crashed, inFlight] = await Promise.all([w.write([{ act: 'crash' }], 'insert'), w.write([{ act: 'hang' }], 'insert')]);
    expect(crashed).toEqual({ ok: false, kind: 'transient', reason: 'writer thread exited: boom in the writer thread' });
    expect(inFlight).toEqual(crashed);
    const second = echoed(await w.write([{ act: 'echo' }], 'insert')).threadId;
    expect(second).not.toBe(first);
  });

  it('replaces a thread that stops answering', async () => {
    // Long enough for a new thread to start (tsx compiles on the fly) on a loaded machine.
    const w = fakeWriter('c', { replyTimeoutMs: 3_000 });
    expect(await w.write([{ act: 'hang' }], 'insert')).toEqual({ ok: false, kind: 'transient', reason: 'writer thread exited: no reply within 3000 ms' });
    expect(await w.write([{ act: 'ok' }], 'insert')).toEqual({ ok: true });
  });

  it('passes describe failures on as ClassifiedError', async () => {
    const err = await fakeWriter('missing')
      .describe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifiedError);
    expect(err).toMatchObject({ kind: 'fatal', message: 'Milvus: collection not found' });
  });

  it('reports a thread that cannot start as fatal', async () => {
    const w = fakeWriter('fail-at-start');
    const err = await w.describe().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'fatal', message: 'writer thread failed to start: cannot start: bad config' });
    expect(await w.write([{ act: 'ok' }], 'insert')).toEqual({ ok: false, kind: 'fatal', reason: 'writer thread failed to start: cannot start: bad config' });
  });

  it('hands every call to the fallback writer, once, when a thread cannot start', async () => {
    const calls: string[] = [];
    const told: string[] = [];
    const inline: RowWriter = {
      describe: () => (calls.push('describe'), Promise.resolve({ name: 'c', fields: [], enableDynamicField: false })),
      write: (rows, mode) => (calls.push(`${mode} ${rows.length}`), Promise.resolve({ ok: true })),
      close: () => (calls.push('close'), Promise.resolve()),
    };
    let made = 0;
    const w = fakeWriter('fail-at-start', { fallback: () => (made++, inline), onFallback: (why) => told.push(why) });
    await expect(w.describe()).resolves.toMatchObject({ name: 'c' });
    expect(await w.write([{ act: 'ok' }, { act: 'ok' }], 'upsert')).toEqual({ ok: true });
    await w.close();
    expect(calls).toEqual(['describe', 'upsert 2', 'close']);
    expect(made).toBe(1);
    expect(told).toEqual(['writer thread failed to start: cannot start: bad config']);
  });

  it('keeps a thread that crashes after starting: no fallback, a transient failure', async () => {
    let made = 0;
    const w = fakeWriter('c', { fallback: () => (made++, { describe: () => Promise.reject(new Error('unused')), write: () => Promise.resolve({ ok: true }), close: () => Promise.resolve() }) });
    expect(await w.write([{ act: 'crash' }], 'insert')).toMatchObject({ ok: false, kind: 'transient' });
    expect(made).toBe(0);
  });

  it('rejects rows structured clone cannot carry as permanent, without losing the thread', async () => {
    const w = fakeWriter();
    const r = await w.write([{ act: 'ok', f: () => 1 }], 'insert');
    expect(r).toMatchObject({ ok: false, kind: 'permanent' });
    expect(!r.ok && r.reason).toMatch(/^rows cannot be sent to the writer thread: /);
    expect(await w.write([{ act: 'ok' }], 'insert')).toEqual({ ok: true });
  });

  it('close() ends the thread, fails what was in flight as transient, and refuses later calls', async () => {
    const w = fakeWriter();
    const hanging = w.write([{ act: 'hang' }], 'insert');
    await w.write([{ act: 'ok' }], 'insert');
    await w.close();
    expect(await hanging).toEqual({ ok: false, kind: 'transient', reason: 'writer thread exited: writer closed' });
    expect(await w.write([{ act: 'ok' }], 'insert')).toEqual({ ok: false, kind: 'fatal', reason: 'Milvus writer is closed' });
    await w.close(); // idempotent
  });

  it('close() without any call starts no thread', async () => {
    await fakeWriter().close();
  });
});
