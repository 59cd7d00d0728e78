// "Send N at R msg/s": paced batches with a new key and vector per message when asked, progress
// events coalesced to at most 4 per second, cancel at any time. The last message goes on its own
// so its exact offset is known and the UI can verify it.
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { JobProgress, SendManyRequest, SendReceipt } from '../../shared/contract-producer';
import { decodeValue } from '../../shared/convert';
import { AppFailure, type AppError } from '../../shared/errors';
import { RateLimiter, sleep } from '../generator';
import { checkSize, kafkaMessage, messageBytes, prepare, produce, sendContext, type SendDeps } from './producer-send';
import { varyMessage } from './producer-template';
import type { SentRecord } from './producer-verify';

const PROGRESS_MS = 250;
const MAX_BATCH = 500;

/** JSON text of a value parsed exactly (bigints are written back as plain digits). */
export function stringifyExact(value: unknown): string {
  const MARK = '\u0000bigint:';
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v.toString()}` : v)).replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

export interface JobDeps extends SendDeps {
  emit(p: JobProgress): void;
  remember(rec: SentRecord): void;
}

interface Job {
  progress: JobProgress;
  abort: AbortController;
}

export function createJobs(deps: JobDeps) {
  const jobs = new Map<string, Job>();

  async function run(job: Job, req: SendManyRequest): Promise<void> {
    const { target, message } = req;
    const p = job.progress;
    let lastEmit = 0;
    const emit = (force = false) => {
      p.ratePerSec = Math.round((p.sent * 10_000) / Math.max(1, Date.now() - p.startedAt)) / 10;
      if (!force && Date.now() - lastEmit < PROGRESS_MS) return;
      lastEmit = Date.now();
      deps.emit({ ...p });
    };
    try {
      const ctx = await sendContext(deps, target, message.partition);
      const decoded = decodeValue(message.value, 'json');
      const obj = decoded.ok && typeof decoded.value === 'object' && decoded.value !== null && !Array.isArray(decoded.value) ? (decoded.value as Record<string, unknown>) : undefined;
      const schema = ctx.schema;
      const trackField = message.trackField ?? (schema ? prepare(message.value, schema, ctx.opts, undefined).track?.field : undefined);
      const vary = obj && schema && (req.vary.keys || req.vary.vectors);
      const next = (): string => (vary ? stringifyExact(varyMessage(obj, schema, trackField, req.vary)) : message.value);
      const limiter = new RateLimiter(req.ratePerSec);
      while (p.sent < p.total && !job.abort.signal.aborted) {
        const wait = limiter.waitMs();
        if (wait > 0) {
          await sleep(Math.min(wait, PROGRESS_MS), job.abort.signal);
          continue;
        }
        const left = p.total - p.sent;
        // the last message alone, so its offset (and its receipt) is exact
        const n = left === 1 ? 1 : Math.min(limiter.available(), left - 1, MAX_BATCH);
        const now = Date.now();
        const values = Array.from({ length: n }, next);
        for (const v of values) checkSize(messageBytes({ ...message, value: v }));
        const batch: Message[] = values.map((v) => kafkaMessage(message, v, now));
        const res = await produce(deps, target, ctx.k, batch);
        limiter.take(n);
        p.sent += n;
        if (p.sent === p.total) {
          const [meta] = res;
          const value = values[0] as string;
          const prep = prepare(value, ctx.schema, ctx.opts, message.trackField, ctx.schemaError);
          const receipt: SendReceipt = { id: randomUUID(), topic: target.topic, partition: meta?.partition ?? 0, offset: meta?.baseOffset ?? '0', timestamp: now, bytes: Buffer.byteLength(value), conversion: prep.conversion };
          if (prep.track) receipt.track = prep.track;
          const rec: SentRecord = { receipt, target, dlqMarks: ctx.dlqMarks, preexisting: req.vary.keys ? 'none' : 'same' };
          if (prep.expected) rec.expected = prep.expected;
          if (prep.filter) rec.filter = prep.filter;
          if (prep.untrackable) rec.untrackable = prep.untrackable;
          deps.remember(rec);
          p.lastReceipt = receipt;
        }
        emit();
      }
      p.state = p.sent >= p.total ? 'done' : 'cancelled';
    } catch (err) {
      p.state = 'failed';
      p.error = err instanceof AppFailure ? err.toJSON() : ({ code: 'internal', message: err instanceof Error ? err.message : String(err) } satisfies AppError);
    }
    emit(true);
    setTimeout(() => jobs.delete(p.jobId), 60_000).unref();
  }

  return {
    start(req: SendManyRequest): JobProgress {
      const progress: JobProgress = { jobId: randomUUID(), state: 'running', total: req.count, sent: 0, startedAt: Date.now(), ratePerSec: 0 };
      const job: Job = { progress, abort: new AbortController() };
      jobs.set(progress.jobId, job);
      void run(job, req);
      return { ...progress };
    },
    cancel(jobId: string): JobProgress {
      const job = jobs.get(jobId);
      if (!job) throw new AppFailure('not_found', `no send job ${jobId} (it may have finished a while ago)`, undefined, 'jobId');
      job.abort.abort();
      return { ...job.progress };
    },
    cancelAll(): void {
      for (const j of jobs.values()) j.abort.abort();
    },
  };
}
