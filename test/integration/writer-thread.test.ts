// The threaded Milvus writer against the real Milvus: rows land, failures are classified exactly
// as by the in-thread writer, a killed thread costs one transient result, and the main event loop
// stays free while the SDK encodes (printed, not asserted: the machine is shared and noisy).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType } from '@zilliz/milvus2-sdk-node';
import { createMilvusClient } from '../../electron/clients/milvus-client';
import { MilvusRowWriter, type MilvusWriterTarget } from '../../electron/clients/milvus-writer';
import { ThreadedMilvusRowWriter } from '../../electron/clients/milvus-writer-thread';
import type { RowWriter, WriteMode, WriteResult } from '../../electron/clients/types';
import type { Row } from '../../shared/convert/types';
import { MILVUS_ADDRESS, uid, waitFor } from './support/env';
import { countRows, dropCollection, testMilvus } from './support/milvus';

const DIM = 768;
const TOTAL = 2_000;
const BATCH = 200;
const IN_FLIGHT = 2; // the engine's default maxInFlightBatches

const milvus = testMilvus();
const collection = uid('c_wthread');
const connection = { address: MILVUS_ADDRESS };
const target: MilvusWriterTarget = { collection };
const threaded = new ThreadedMilvusRowWriter({ connection, client: {}, target });
const inline = new MilvusRowWriter(createMilvusClient(connection), target);

function rowsFrom(from: number, n: number, dim = DIM): Row[] {
  // Through JSON, as the engine's rows come from message text.
  const rows = Array.from({ length: n }, (_, i) => ({ id: from + i, v: Array.from({ length: dim }, (_, j) => Math.sin(from + i + j / 7)) }));
  return JSON.parse(JSON.stringify(rows)) as Row[];
}

interface Run {
  results: WriteResult[];
  rowsPerSec: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

/** Writes ids [0, TOTAL) in batches with IN_FLIGHT calls at a time, watching the main event loop. */
async function writeAll(writer: RowWriter, mode: WriteMode): Promise<Run> {
  const batches = Array.from({ length: TOTAL / BATCH }, (_, b) => rowsFrom(b * BATCH, BATCH));
  const h = monitorEventLoopDelay({ resolution: 10 });
  const results: WriteResult[] = [];
  const t0 = performance.now();
  h.enable();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches.length) results.push(await writer.write(batches[next++] as Row[], mode));
    }),
  );
  h.disable();
  const ms = performance.now() - t0;
  return { results, rowsPerSec: Math.round((TOTAL / ms) * 1000), loopP99Ms: h.percentile(99) / 1e6, loopMaxMs: h.max / 1e6 };
}

const report = (label: string, r: Run): void =>
  console.log(`writer-thread: ${label}: ${r.rowsPerSec} rows/s, main event-loop delay p99 ${r.loopP99Ms.toFixed(1)} ms, max ${r.loopMaxMs.toFixed(1)} ms`);

beforeAll(async () => {
  const res = await milvus.createCollection({
    collection_name: collection,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'v', data_type: DataType.FloatVector, dim: DIM },
    ],
  });
  expect(res.error_code).toBe('Success');
  await milvus.createIndex({ collection_name: collection, field_name: 'v', index_type: 'AUTOINDEX', metric_type: 'L2' });
  await milvus.loadCollection({ collection_name: collection });
});

afterAll(async () => {
  await Promise.all([threaded.close(), inline.close()]);
  await dropCollection(milvus, collection);
  await milvus.closeConnection();
});

describe('ThreadedMilvusRowWriter (real Milvus)', () => {
  it('describes the collection like the in-thread writer', async () => {
    expect(await threaded.describe()).toEqual(await inline.describe());
  });

  it(`writes ${TOTAL} rows of ${DIM}-dim vectors off the main thread`, async () => {
    const run = await writeAll(threaded, 'insert');
    report('threaded insert', run);
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    await waitFor(`${TOTAL} rows`, async () => (await countRows(milvus, collection)) === TOTAL);
    // The same rows again, in-thread, for comparison: upserts leave the count unchanged.
    const before = await writeAll(inline, 'upsert');
    report('in-thread upsert (comparison)', before);
    const after = await writeAll(threaded, 'upsert');
    report('threaded upsert', after);
    expect([...before.results, ...after.results].filter((r) => !r.ok)).toEqual([]);
    await waitFor(`still ${TOTAL} rows`, async () => (await countRows(milvus, collection)) === TOTAL);
  });

  it('classifies failures exactly as the in-thread writer does', async () => {
    const wrongDim = rowsFrom(900_000, 1, DIM - 1);
    const cases: [string, Row[], RowWriter, RowWriter][] = [
      ['wrong dim', wrongDim, threaded, inline],
      ['unknown field', [{ ...rowsFrom(900_001, 1)[0], nope: 1 }], threaded, inline],
    ];
    for (const [what, rows, a, b] of cases) {
      const [ra, rb] = [await a.write(rows, 'insert'), await b.write(rows, 'insert')];
      expect(ra, what).toEqual(rb);
      expect(ra, what).toMatchObject({ ok: false, kind: 'permanent' });
    }
    const missing = { collection: uid('c_missing') };
    const t = new ThreadedMilvusRowWriter({ connection, client: {}, target: missing });
    const i = new MilvusRowWriter(createMilvusClient(connection), missing);
    try {
      const [rt, ri] = [await t.write(rowsFrom(0, 1), 'upsert'), await i.write(rowsFrom(0, 1), 'upsert')];
      expect(rt).toEqual(ri);
      expect(rt).toMatchObject({ ok: false, kind: 'fatal' });
      const [et, ei] = [await t.describe().catch((e: unknown) => e), await i.describe().catch((e: unknown) => e)];
      expect(et).toMatchObject({ kind: (ei as { kind: string }).kind, message: (ei as Error).message });
    } finally {
      await Promise.all([t.close(), i.close()]);
    }
    // Nothing listens on port 1: transient on both sides (reasons carry timings, so kinds only).
    const down = { address: '127.0.0.1:1' };
    const downTarget = { collection: 'x', timeoutMs: 3_000 };
    const td = new ThreadedMilvusRowWriter({ connection: down, client: {}, target: downTarget });
    const id = new MilvusRowWriter(createMilvusClient(down), downTarget);
    try {
      const [rt, ri] = await Promise.all([td.write([{ id: 1 }], 'upsert'), id.write([{ id: 1 }], 'upsert')]);
      expect(rt).toMatchObject({ ok: false, kind: 'transient' });
      expect(ri).toMatchObject({ ok: false, kind: 'transient' });
    } finally {
      await Promise.all([td.close(), id.close()]);
    }
  });

  it('writes the extra fields of a collection with a dynamic field into $meta, vectors intact', async () => {
    const dynamic = uid('c_wdyn');
    const res = await milvus.createCollection({
      collection_name: dynamic,
      enable_dynamic_field: true,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
        { name: 'v', data_type: DataType.FloatVector, dim: 8 },
      ],
    });
    expect(res.error_code).toBe('Success');
    await milvus.createIndex({ collection_name: dynamic, field_name: 'v', index_type: 'AUTOINDEX', metric_type: 'L2' });
    await milvus.loadCollection({ collection_name: dynamic });
    const rows = rowsFrom(0, 20, 8).map((r, i) => ({ ...r, color: i % 2 ? 'red' : 'blue', tags: ['a', String(i)], info: { n: i } }));
    const sent = JSON.parse(JSON.stringify(rows)) as Row[];
    const t = new ThreadedMilvusRowWriter({ connection, client: {}, target: { collection: dynamic } });
    const i = new MilvusRowWriter(createMilvusClient(connection), { collection: dynamic });
    try {
      expect(await t.write(rows.slice(0, 10), 'insert')).toEqual({ ok: true });
      expect(await i.write(rows.slice(10), 'upsert')).toEqual({ ok: true });
      expect(rows, 'the rows given are left as they were').toEqual(sent);
      const back = await milvus.query({ collection_name: dynamic, filter: 'id >= 0', output_fields: ['id', 'v', 'color', 'tags', 'info'], limit: 100 });
      const byId = new Map(back.data.map((r) => [Number(r.id), r]));
      expect(byId.size).toBe(20);
      for (const r of sent) {
        // Milvus Lite returns the dynamic keys under $meta, a Milvus server at the top level.
        const got = byId.get(Number(r.id));
        const flat = { ...got, ...(got?.$meta as object | undefined) };
        expect(flat, `row ${String(r.id)}`).toMatchObject({ color: r.color, tags: r.tags, info: r.info });
        (r.v as number[]).forEach((x, j) => expect((got?.v as number[])[j]).toBeCloseTo(x, 5));
      }
    } finally {
      await Promise.all([t.close(), i.close()]);
      await dropCollection(milvus, dynamic);
    }
  });

  it('survives its thread being killed mid-write: one transient result, then writes again', async () => {
    const w = new ThreadedMilvusRowWriter({ connection, client: {}, target });
    try {
      expect(await w.write(rowsFrom(0, 10), 'upsert')).toEqual({ ok: true });
      const pending = w.write(rowsFrom(0, BATCH), 'upsert');
      // Reach into the proxy: terminating the worker is the crash as the main thread sees it.
      await (w as unknown as { thread?: { worker: { terminate(): Promise<number> } } }).thread?.worker.terminate();
      expect(await pending).toEqual({ ok: false, kind: 'transient', reason: 'writer thread exited: exit code 1' });
      expect(await w.write(rowsFrom(0, BATCH), 'upsert')).toEqual({ ok: true });
    } finally {
      await w.close();
    }
  });
});
