// The Milvus writer on a worker thread, behind RowWriter. The SDK's synchronous work per batch
// (row → column flattening, protobuf encoding, its interceptors) takes hundreds of ms for 768-dim
// vectors; on the engine's thread that stalls Kafka heartbeats, IPC and WebSocket traffic. Here the
// main thread only packs rows (see milvus-writer-messages.ts) and waits for the thread's verdict.
// A thread that dies fails its in-flight calls as transient and the next call starts a fresh one:
// the engine retries those batches and counts them once, when a write succeeds (a batch Milvus took
// just before the crash is written again, as after any lost reply: at-least-once, upsert-safe).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CollectionSchema } from '../../shared/milvus-schema';
import type { Row } from '../../shared/convert/types';
import { packRows, transferList, type RequestBody, type WriterReply, type WriterThreadInit } from './milvus-writer-messages';
import { ClassifiedError, oneLine, type FailureKind, type RowWriter, type WriteMode, type WriteResult } from './types';

// Set by scripts/build-main.mjs: the file name of the worker bundle that sits next to this bundle.
declare const __MILVUS_WRITER_WORKER__: string | undefined;

export interface WorkerEntry {
  /** A file (URL) or, with `eval`, the code of the worker. */
  script: string | URL;
  eval?: boolean;
}

/** Where the worker code is, whether this module runs bundled (ESM or CJS) or from source. */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (typeof __MILVUS_WRITER_WORKER__ === 'string') return { script: new URL(`./${__MILVUS_WRITER_WORKER__}`, moduleUrl) };
  const ext = /\.[cm]?[jt]s$/.exec(new URL(moduleUrl).pathname)?.[0] ?? '.js';
  const script = new URL(`./milvus-writer-worker${ext}`, moduleUrl);
  return ext.endsWith('ts') ? typeScriptEntry(script) : { script };
}

/**
 * A TypeScript worker run from source (tsx, vitest). In Node 20 the hooks of `--import tsx` do not
 * reach worker threads, so the worker registers tsx itself before importing the entry.
 */
export function typeScriptEntry(script: URL): WorkerEntry {
  const tsx = pathToFileURL(createRequire(script).resolve('tsx/esm/api')).href;
  return { script: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script.href)}); });`, eval: true };
}

export interface ThreadedWriterConfig extends WriterThreadInit {
  /** Defaults to resolveWorkerEntry(); tests substitute their own workers. */
  entry?: WorkerEntry;
  /** A thread that has not answered a call by then is presumed stuck and replaced. */
  replyTimeoutMs?: number;
  /**
   * Where the work goes when a thread cannot start at all (a runtime without worker threads for
   * this bundle, a missing worker file): that writer then takes this call and every later one.
   */
  fallback?: () => RowWriter;
  /** Told once, with the reason, when the fallback takes over. */
  onFallback?: (reason: string) => void;
}

type Lost = { type: 'lost'; kind: FailureKind; reason: string; startFailed?: boolean };
type Outcome = WriterReply | Lost;

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Why we ended it, when we did. */
  stopReason?: string;
  error?: Error;
  pending: Map<number, (o: Outcome) => void>;
}

const DEFAULT_REPLY_TIMEOUT_MS = 300_000;
const CLOSE_GRACE_MS = 2_000;

export class ThreadedMilvusRowWriter implements RowWriter {
  private thread: Thread | undefined;
  private nextId = 1;
  private closing: Promise<void> | undefined;
  /** Set once a thread could not start and a fallback writer took over. */
  private fallen: RowWriter | undefined;

  constructor(private readonly config: ThreadedWriterConfig) {}

  async describe(): Promise<CollectionSchema> {
    if (this.fallen) return this.fallen.describe();
    const o = await this.request({ op: 'describe' });
    const fallback = this.fallBack(o);
    if (fallback) return fallback.describe();
    if (o.type === 'described') return o.schema;
    const f = o.type === 'failed' ? o.failure : o.type === 'lost' ? o : unexpected(o);
    throw new ClassifiedError(f.kind, f.reason);
  }

  async write(rows: Row[], mode: WriteMode): Promise<WriteResult> {
    if (!rows.length) return { ok: true };
    if (this.fallen) return this.fallen.write(rows, mode);
    const batch = packRows(rows);
    const o = await this.request({ op: 'write', mode, batch }, transferList(batch));
    const fallback = this.fallBack(o);
    if (fallback) return fallback.write(rows, mode);
    if (o.type === 'written') return o.result;
    const f = o.type === 'lost' ? o : unexpected(o);
    return { ok: false, kind: f.kind, reason: f.reason };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /** The fallback writer when `o` says the thread could not start and one is configured. */
  private fallBack(o: Outcome): RowWriter | undefined {
    if (this.fallen || o.type !== 'lost' || !o.startFailed || !this.config.fallback || this.closing) return this.fallen;
    this.config.onFallback?.(o.reason);
    this.fallen = this.config.fallback();
    return this.fallen;
  }

  private async shutdown(): Promise<void> {
    await this.fallen?.close();
    const thread = this.thread;
    if (!thread) return;
    this.thread = undefined;
    // Let the thread close its gRPC channel, but never wait long on a stuck one.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
    await Promise.race([this.send(thread, { op: 'close' }), grace]);
    clearTimeout(timer);
    thread.stopReason ??= 'writer closed';
    await thread.worker.terminate().catch(() => undefined);
  }

  private request(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<Outcome> {
    if (this.closing) return Promise.resolve<Lost>({ type: 'lost', kind: 'fatal', reason: 'Milvus writer is closed' });
    try {
      this.thread ??= this.spawn();
    } catch (e) {
      return Promise.resolve<Lost>({ type: 'lost', kind: 'fatal', reason: `writer thread failed to start: ${oneLine(String((e as Error)?.message ?? e))}`, startFailed: true });
    }
    return this.send(this.thread, body, transfer);
  }

  private send(thread: Thread, body: RequestBody, transfer: ArrayBuffer[] = []): Promise<Outcome> {
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const timeoutMs = this.config.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
      const timer = setTimeout(() => this.stop(thread, `no reply within ${timeoutMs} ms`), timeoutMs);
      timer.unref();
      thread.pending.set(id, (o) => {
        clearTimeout(timer);
        thread.pending.delete(id);
        // An idle thread must not keep the process alive; a busy one must.
        if (!thread.pending.size) thread.worker.unref();
        resolve(o);
      });
      thread.worker.ref();
      try {
        thread.worker.postMessage({ ...body, id }, transfer);
      } catch (e) {
        // Only values structured clone rejects (functions, symbols) get here: the rows are at fault.
        const reason = `rows cannot be sent to the writer thread: ${oneLine(String((e as Error)?.message ?? e))}`;
        thread.pending.get(id)?.({ type: 'lost', kind: 'permanent', reason });
      }
    });
  }

  private spawn(): Thread {
    const { entry = resolveWorkerEntry(), connection, client, target } = this.config;
    const workerData: WriterThreadInit = { connection, client, target };
    const worker = new Worker(entry.script, { eval: entry.eval === true, workerData });
    const thread: Thread = { worker, ready: false, pending: new Map() };
    worker.unref();
    worker.on('message', (m: WriterReply) => {
      if (m.type === 'ready') thread.ready = true;
      else thread.pending.get(m.id)?.(m);
    });
    worker.on('error', (e) => (thread.error ??= e));
    worker.on('messageerror', (e) => this.stop(thread, `unreadable reply: ${oneLine(e.message)}`));
    worker.on('exit', (code) => this.onExit(thread, code));
    return thread;
  }

  /** Ends a thread we no longer trust; its exit fails whatever it still had in flight. */
  private stop(thread: Thread, reason: string): void {
    thread.stopReason ??= reason;
    if (this.thread === thread) this.thread = undefined;
    void thread.worker.terminate().catch(() => undefined);
  }

  private onExit(thread: Thread, code: number): void {
    if (this.thread === thread) this.thread = undefined;
    const why = thread.stopReason ?? (thread.error ? oneLine(thread.error.message) : `exit code ${code}`);
    // A thread that never came up will not come up next time either (missing bundle, bad config).
    const lost: Lost = thread.ready || thread.stopReason ? { type: 'lost', kind: 'transient', reason: `writer thread exited: ${why}` } : { type: 'lost', kind: 'fatal', reason: `writer thread failed to start: ${why}`, startFailed: true };
    for (const settle of [...thread.pending.values()]) settle(lost);
  }
}

function unexpected(o: Outcome): Lost {
  return { type: 'lost', kind: 'transient', reason: `writer thread: unexpected reply ${o.type}` };
}
