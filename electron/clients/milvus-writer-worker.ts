// Entry of a Milvus writer thread (see milvus-writer-thread.ts). It owns its own SDK client and
// runs the in-thread MilvusRowWriter, so requests (toJSON placeholder included) and the
// classification of every outcome are exactly those of the in-thread writer; only the SDK's
// synchronous encoding work moves off the engine's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createMilvusClient } from './milvus-client';
import { classifyMilvusError } from './milvus-errors';
import { unpackRows, type WriterReply, type WriterRequest, type WriterThreadInit } from './milvus-writer-messages';
import { MilvusRowWriter } from './milvus-writer';
import { ClassifiedError, type Failure } from './types';

function failureOf(e: unknown): Failure {
  return e instanceof ClassifiedError ? { kind: e.kind, reason: e.message } : classifyMilvusError(e);
}

async function handle(writer: MilvusRowWriter, req: WriterRequest): Promise<WriterReply> {
  const { id } = req;
  try {
    switch (req.op) {
      case 'write':
        return { type: 'written', id, result: await writer.write(unpackRows(req.batch), req.mode) };
      case 'describe':
        return { type: 'described', id, schema: await writer.describe() };
      case 'close':
        await writer.close();
        return { type: 'closed', id };
    }
  } catch (e) {
    // write() classifies its own failures; this catches describe() and anything unexpected.
    const failure = failureOf(e);
    return req.op === 'write' ? { type: 'written', id, result: { ok: false, ...failure } } : { type: 'failed', id, failure };
  }
}

function start(): void {
  const port = parentPort;
  if (!port) throw new Error('milvus-writer-worker must run in a worker thread');
  const init = workerData as WriterThreadInit;
  const writer = new MilvusRowWriter(createMilvusClient(init.connection, init.client), init.target);
  port.on('message', (req: WriterRequest) => {
    void handle(writer, req).then((reply) => port.postMessage(reply));
  });
  port.postMessage({ type: 'ready' } satisfies WriterReply);
}

start();
