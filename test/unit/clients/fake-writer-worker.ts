// A stand-in for milvus-writer-worker.ts that needs no Milvus: the first row's `act` field says
// what to do with a write, so tests can make the thread answer, echo, hang or crash.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { unpackRows, type WriterReply, type WriterRequest, type WriterThreadInit } from '../../../electron/clients/milvus-writer-messages';

const port = parentPort;
if (!port) throw new Error('fake-writer-worker must run in a worker thread');
const init = workerData as WriterThreadInit;
if (init.target.collection === 'fail-at-start') throw new Error('cannot start: bad config');

const post = (reply: WriterReply): void => port.postMessage(reply);

port.on('message', (req: WriterRequest) => {
  if (req.op === 'close') return post({ type: 'closed', id: req.id });
  if (req.op === 'describe') {
    if (init.target.collection === 'missing') return post({ type: 'failed', id: req.id, failure: { kind: 'fatal', reason: 'Milvus: collection not found' } });
    return post({ type: 'described', id: req.id, schema: { name: init.target.collection, fields: [], enableDynamicField: false } });
  }
  const rows = unpackRows(req.batch);
  switch (rows[0]?.act) {
    case 'crash':
      // An uncaught exception ends the thread, as a bug in the SDK would.
      setImmediate(() => {
        throw new Error('boom in the writer thread');
      });
      return;
    case 'hang':
      return;
    case 'echo':
      // The rows as the worker sees them, smuggled back in a permanent failure's reason.
      return post({ type: 'written', id: req.id, result: { ok: false, kind: 'permanent', reason: JSON.stringify({ mode: req.mode, rows, threadId }) } });
    case 'slow':
      setTimeout(() => post({ type: 'written', id: req.id, result: { ok: true } }), 200);
      return;
    default:
      post({ type: 'written', id: req.id, result: { ok: true } });
  }
});
post({ type: 'ready' });
