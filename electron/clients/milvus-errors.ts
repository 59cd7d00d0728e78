// Sorts Milvus failures into: transient (retry with backoff), permanent (the rows are at fault:
// split the batch and dead-letter the bad ones) and fatal (nothing will work: stop the pipeline).
import type { Failure } from './types';
import { oneLine } from './types';

interface StatusLike {
  error_code?: string | number;
  code?: number;
  reason?: string;
  detail?: string;
  retriable?: boolean;
}

// gRPC status codes (grpc-js `status`), named to keep the table readable.
const GRPC = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

const TRANSIENT_GRPC = new Set<number>([GRPC.CANCELLED, GRPC.UNKNOWN, GRPC.DEADLINE_EXCEEDED, GRPC.RESOURCE_EXHAUSTED, GRPC.ABORTED, GRPC.INTERNAL, GRPC.UNAVAILABLE]);
const FATAL_GRPC = new Set<number>([GRPC.NOT_FOUND, GRPC.PERMISSION_DENIED, GRPC.UNIMPLEMENTED, GRPC.UNAUTHENTICATED]);

const TRANSIENT_CODES = new Set<string>([
  'RateLimit',
  'ForceDeny',
  'NotReadyServe',
  'NotReadyCoordActivating',
  'MemoryQuotaExhausted',
  'DiskQuotaExhausted',
  'TimeTickLongDelay',
  'NoReplicaAvailable',
  'NotShardLeader',
  'DDRequestRace',
]);
const FATAL_CODES = new Set<string>(['CollectionNotExists', 'PermissionDenied', 'UpsertAutoIDTrue', 'CollectionNameNotFound']);

const TRANSIENT_TEXT = /rate ?limit|quota|not ready|unavailable|deadline|timed? ?out|too many requests|ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|connection (?:refused|reset|closed)|No connection established|busy|try again/i;
const FATAL_TEXT = /collection not (?:found|exist)|can't find collection|database not (?:found|exist)|permission denied|unauthenticated|auth(?:entication|orization)? fail|invalid token|unimplemented/i;

const TOO_LARGE_TEXT = /larger than max|message too large|exceeds? (?:the )?max(?:imum)? (?:message|request) size/i;

export function isSuccess(status: StatusLike | undefined): boolean {
  if (!status) return true;
  return (status.error_code === 'Success' || status.error_code === 0 || status.error_code === undefined) && !status.code;
}

function statusReason(s: StatusLike): string {
  return oneLine(s.reason || s.detail || `error ${String(s.error_code ?? s.code ?? 'unknown')}`);
}

/** A non-success status returned (not thrown) by an RPC. */
export function classifyStatus(s: StatusLike): Failure {
  const reason = `Milvus: ${statusReason(s)}`;
  const code = typeof s.error_code === 'string' ? s.error_code : '';
  if (s.retriable === true || TRANSIENT_CODES.has(code) || TRANSIENT_TEXT.test(reason)) return { kind: 'transient', reason };
  if (FATAL_CODES.has(code) || FATAL_TEXT.test(reason)) return { kind: 'fatal', reason };
  return { kind: 'permanent', reason };
}

/** Anything thrown by the SDK: gRPC errors, status-bearing responses, or client-side validation. */
export function classifyMilvusError(e: unknown): Failure {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; details?: unknown; message?: unknown; status?: StatusLike };
    // The SDK throws the whole DescribeCollection response when the collection is missing.
    if (o.status && typeof o.status === 'object' && !isSuccess(o.status)) return classifyStatus(o.status);
    if (typeof o.code === 'number' && (typeof o.details === 'string' || typeof o.message === 'string')) {
      // The SDK appends "(retried 3 times, 153ms)": drop it so a cause stays the same across attempts.
      // gRPC adds a timestamp and a resolver note to UNAVAILABLE: noise that hides the cause.
      const text = oneLine(
        String(o.details || o.message)
          .replace(/\s*\(retried \d+ times, \d+ms\)/, '')
          .replace(/\s*Resolution note:.*$/s, '')
          .replace(/\s*\(\d{4}-\d\d-\d\dT[\d:.]+Z\)/g, ''),
      );
      const reason = `Milvus ${grpcName(o.code)}: ${text}`;
      // An oversized request (RESOURCE_EXHAUSTED) heals by splitting the batch, not by waiting.
      if (TOO_LARGE_TEXT.test(text)) return { kind: 'permanent', reason };
      if (TRANSIENT_GRPC.has(o.code)) return { kind: 'transient', reason };
      if (FATAL_GRPC.has(o.code)) return { kind: 'fatal', reason };
      return { kind: FATAL_TEXT.test(text) ? 'fatal' : 'permanent', reason };
    }
    if (typeof o.message === 'string') {
      const reason = `Milvus: ${oneLine(o.message)}`;
      if (TRANSIENT_TEXT.test(o.message)) return { kind: 'transient', reason };
      if (FATAL_TEXT.test(o.message)) return { kind: 'fatal', reason };
      // Client-side validation in the SDK (unknown field, wrong binary dim): the rows are at fault.
      return { kind: 'permanent', reason };
    }
  }
  return { kind: 'permanent', reason: `Milvus: ${oneLine(String(e))}` };
}

function grpcName(code: number): string {
  const entry = Object.entries(GRPC).find(([, v]) => v === code);
  return entry ? entry[0] : `code ${code}`;
}
