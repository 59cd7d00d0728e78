// Turns what kafkajs and the Milvus SDK throw into typed AppFailures: a stable code the renderer
// translates, one actionable English sentence naming the endpoint, and the raw error text as detail
// (secrets scrubbed). Pure: the unit tests feed it error shapes captured from the real clients.
import type { KafkaConnection } from '../../shared/connections';
import { AppFailure, type ErrorCode } from '../../shared/errors';

export interface ErrorContext {
  /** The endpoint as the user typed it: "127.0.0.1:9092, b2:9092" or "https://host:19530". */
  endpoint: string;
  /** Kafka: the chosen protocol, which explains a connection the broker closes at once. */
  securityProtocol?: KafkaConnection['securityProtocol'];
  /** Milvus: the database asked for. */
  database?: string;
  /** Values to scrub from the detail text (passwords, tokens). */
  secrets?: readonly string[];
}

/** Our own overall deadline fired (the clients' retry loops can take much longer). */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

interface Facts {
  texts: string[];
  names: Set<string>;
  codes: Set<string>;
  grpcCodes: Set<number>;
}

/** Everything an error chain says: kafkajs nests causes, gRPC errors carry code + details. */
export function collectFacts(err: unknown): Facts {
  const facts: Facts = { texts: [], names: new Set(), codes: new Set(), grpcCodes: new Set() };
  const visit = (e: unknown, depth: number): void => {
    if (depth > 5 || e === null || e === undefined) return;
    if (typeof e !== 'object') {
      facts.texts.push(String(e));
      return;
    }
    const o = e as Record<string, unknown>;
    for (const key of ['message', 'details', 'reason'] as const) {
      const t = o[key];
      if (typeof t === 'string' && t && !facts.texts.includes(t)) facts.texts.push(t);
    }
    if (typeof o.name === 'string') facts.names.add(o.name);
    if (typeof o.type === 'string') facts.codes.add(o.type);
    if (typeof o.code === 'string') facts.codes.add(o.code);
    if (typeof o.error_code === 'string' && o.error_code !== 'Success') facts.codes.add(o.error_code);
    // grpc-js errors carry a numeric code with `details`; Milvus statuses and kafkajs protocol errors
    // have numeric codes of their own, which must not be read as gRPC ones.
    if (typeof o.code === 'number' && typeof o.details === 'string') facts.grpcCodes.add(o.code);
    visit(o.status, depth + 1);
    visit(o.originalError, depth + 1);
    if (o.cause !== e) visit(o.cause, depth + 1);
    if (Array.isArray(o.errors)) for (const x of o.errors.slice(0, 5)) visit(x, depth + 1);
  };
  visit(err, 0);
  return facts;
}

function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join('***');
  return out;
}

const UNTRUSTED_CODES = ['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE'];
const UNTRUSTED_TEXT = /self[- ]signed certificate|unable to verify the first certificate|unable to verify leaf signature|unable to get (?:local )?issuer certificate|certificate (?:is )?not trusted/i;
const HOSTNAME_TEXT = /ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames/i;
const NOT_TLS_TEXT = /before secure TLS connection was established|wrong version number|packet length too long|unknown protocol|ssl3_get_record|http request/i;
const EXPIRED_TEXT = /CERT_HAS_EXPIRED|certificate has expired|CERT_NOT_YET_VALID/i;
const OTHER_TLS_TEXT = /\bSSL\b|\bTLS\b|certificate|handshake/i;
const TIMEOUT_TEXT = /timed? ?out|timeout|ETIMEDOUT|deadline exceeded/i;

interface Probe {
  facts: Facts;
  all: string;
  has(code: string): boolean;
}

function probe(err: unknown): Probe {
  const facts = collectFacts(err);
  return { facts, all: facts.texts.join('\n'), has: (code) => facts.codes.has(code) };
}

const untrusted = (p: Probe) => UNTRUSTED_CODES.some(p.has) || UNTRUSTED_TEXT.test(p.all);
const hostname = (p: Probe) => p.has('ERR_TLS_CERT_ALTNAME_INVALID') || HOSTNAME_TEXT.test(p.all);
const dns = (p: Probe) => p.has('ENOTFOUND') || p.has('EAI_AGAIN') || /getaddrinfo|ENOTFOUND|EAI_AGAIN|Name resolution failed/i.test(p.all);
const refused = (p: Probe) => p.has('ECONNREFUSED') || /ECONNREFUSED/.test(p.all);

/** host:port named in the error (e.g. "connect ECONNREFUSED 127.0.0.1:9099"), else the endpoint. */
function peer(all: string, fallback: string): string {
  return /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)\s+(\S+:\d+)/.exec(all)?.[1] ?? fallback;
}

/** The host that did not resolve, from "getaddrinfo ENOTFOUND h" or "target dns:h:port". */
function unresolvedHost(all: string, fallback: string): string {
  const m = /(?:ENOTFOUND|EAI_AGAIN)\s+([^\s,]+)/.exec(all) ?? /target dns:([^\s:]+)/.exec(all);
  return m?.[1] ?? fallback.replace(/^\w+:\/\//, '').replace(/:\d+.*$/, '');
}

function altNames(all: string): string {
  // "... is not in the cert's altnames: IP Address:127.0.0.1, DNS:localhost[. Resolution note ...]"
  const m = /cert's altnames: (.+?)(?:\.\s|\.?$)/m.exec(all);
  return m?.[1] ? ` (it lists ${m[1].trim()})` : '';
}

function failure(code: ErrorCode, message: string, p: Probe, ctx: ErrorContext): AppFailure {
  return new AppFailure(code, message, scrub(p.facts.texts.join('\n') || 'no error text', ctx.secrets));
}

const firstLine = (p: Probe) => (p.facts.texts[0] ?? 'unknown error').split('\n')[0]?.replace(/\s*\(retried \d+ times, \d+ms\)/, '') ?? '';

export function classifyKafkaError(err: unknown, ctx: ErrorContext): AppFailure {
  if (err instanceof AppFailure) return err;
  const p = probe(err);
  const at = peer(p.all, ctx.endpoint);
  const f = (code: ErrorCode, message: string) => failure(code, message, p, ctx);
  if (err instanceof DeadlineExceeded) {
    return f('kafka_timeout', `No answer from ${ctx.endpoint} within ${Math.round(err.ms / 1000)} s: check the address, the port, firewalls and the security protocol`);
  }
  if (p.facts.names.has('KafkaJSSASLAuthenticationError') || /SASL .*authentication failed|Authentication failed during authentication/i.test(p.all)) {
    return f('kafka_sasl_failed', `${at} rejected the SASL credentials: check the username, the password and the mechanism`);
  }
  if (p.has('UNSUPPORTED_SASL_MECHANISM')) {
    return f('kafka_sasl_failed', `${at} does not accept this SASL mechanism: choose one the broker enables (ask its admin, often SCRAM-SHA-512)`);
  }
  if (p.has('ILLEGAL_SASL_STATE')) return f('kafka_sasl_failed', `${at} does not expect SASL authentication on this listener: choose PLAINTEXT or SSL`);
  if (p.has('SASL_AUTHENTICATION_FAILED')) return f('kafka_sasl_failed', `${at} rejected the SASL credentials: check the username, the password and the mechanism`);
  if (dns(p)) return f('kafka_dns', `Cannot resolve the host name ${unresolvedHost(p.all, ctx.endpoint)}: check the broker address (and DNS or VPN)`);
  if (refused(p)) return f('kafka_refused', `Nothing is listening on ${at}: check the port or start the broker`);
  if (hostname(p)) {
    return f('kafka_tls_hostname', `The certificate of ${at} is not valid for that host name${altNames(p.all)}: connect with a name the certificate lists`);
  }
  if (untrusted(p)) {
    return f('kafka_tls_untrusted', `The certificate of ${at} is not signed by a trusted CA: add the CA certificate (PEM), or skip verification for testing only`);
  }
  if (EXPIRED_TEXT.test(p.all)) return f('kafka_tls', `The certificate of ${at} has expired or is not valid yet: renew it on the broker`);
  if (NOT_TLS_TEXT.test(p.all)) {
    return f('kafka_tls', `${at} did not complete a TLS handshake: it probably does not use TLS, so choose PLAINTEXT or SASL_PLAINTEXT (or use its TLS port)`);
  }
  if (p.facts.names.has('KafkaJSConnectionClosedError') || /Closed connection/i.test(p.all)) {
    const proto = ctx.securityProtocol ?? '';
    if (proto === 'PLAINTEXT' || proto === 'SASL_PLAINTEXT') {
      return f('kafka_tls', `${at} closed the connection at once: if its listener uses TLS, choose SSL or SASL_SSL`);
    }
    if (proto === 'SSL') return f('kafka_error', `${at} closed the connection after the TLS handshake: if its listener requires SASL, choose SASL_SSL`);
    return f('kafka_error', `${at} closed the connection: check the port and the security protocol`);
  }
  if (p.facts.names.has('KafkaJSRequestTimeoutError') || p.has('ETIMEDOUT') || TIMEOUT_TEXT.test(p.all)) {
    return f('kafka_timeout', `No answer from ${at} in time: check the address, the port, firewalls and the security protocol`);
  }
  // kafkajs' words after a request timed out and its retry found the socket gone
  if (/Broker not connected/i.test(p.all)) {
    return f('kafka_timeout', `${at} accepted the connection but did not answer as a Kafka broker: check the port and the security protocol`);
  }
  if (OTHER_TLS_TEXT.test(p.all)) return f('kafka_tls', `TLS with ${at} failed: ${firstLine(p)}`);
  return f('kafka_error', `Kafka error from ${at}: ${firstLine(p)}`);
}

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNIMPLEMENTED = 12;
const GRPC_UNAUTHENTICATED = 16;
const GRPC_PERMISSION_DENIED = 7;

export function classifyMilvusError(err: unknown, ctx: ErrorContext): AppFailure {
  if (err instanceof AppFailure) return err;
  const p = probe(err);
  const at = ctx.endpoint;
  const f = (code: ErrorCode, message: string) => failure(code, message, p, ctx);
  const grpc = (code: number) => p.facts.grpcCodes.has(code);
  if (err instanceof DeadlineExceeded) return f('milvus_timeout', `No answer from ${at} within ${Math.round(err.ms / 1000)} s: check the address and the port`);
  if (grpc(GRPC_UNAUTHENTICATED) || /UNAUTHENTICATED|\b401\b|invalid token|auth(?:entication)? ?(?:check )?fail|unauthori[sz]ed|incorrect (?:user|password)/i.test(p.all)) {
    return f('milvus_unauthenticated', `${at} rejected the credentials: check the token (or the user name and password)`);
  }
  if (grpc(GRPC_PERMISSION_DENIED) || /PERMISSION_DENIED|permission denied/i.test(p.all)) {
    return f('milvus_unauthenticated', `${at} accepted the credentials but this user lacks a privilege: ${firstLine(p)}`);
  }
  const db = /database ['"]?([^'"\s]+)['"]? (?:does not exist|not found)|database not (?:found|exist)[^[]*\[database=([^\]]+)\]/i.exec(p.all);
  if (db || /database not (?:found|exist)/i.test(p.all)) {
    const name = db?.[1] ?? db?.[2] ?? ctx.database ?? '';
    return f('milvus_database_not_found', `Database "${name}" does not exist on ${at}: choose an existing database or create it`);
  }
  if (dns(p)) return f('milvus_dns', `Cannot resolve the host name ${unresolvedHost(p.all, at)}: check the Milvus address (and DNS or VPN)`);
  if (refused(p)) return f('milvus_refused', `Nothing is listening on ${peer(p.all, at)}: check the port or start Milvus`);
  if (hostname(p)) return f('milvus_tls', `The certificate of ${at} is not valid for that host name${altNames(p.all)}: connect with a name it lists or set the TLS server name`);
  if (untrusted(p)) return f('milvus_tls', `The certificate of ${at} is not signed by a trusted CA: add the CA certificate (PEM), or skip verification for testing only`);
  if (EXPIRED_TEXT.test(p.all)) return f('milvus_tls', `The certificate of ${at} has expired or is not valid yet: renew it on the server`);
  if (NOT_TLS_TEXT.test(p.all)) return f('milvus_tls', `${at} does not speak TLS: use an http:// address (or none) instead of https://`);
  if (/Last error: Protocol error/i.test(p.all)) return f('milvus_tls', `${at} did not answer plain gRPC: if it uses TLS, use an https:// address`);
  if (grpc(GRPC_DEADLINE_EXCEEDED) || TIMEOUT_TEXT.test(p.all)) return f('milvus_timeout', `No answer from ${at} in time: check the address, the port and firewalls`);
  if (grpc(GRPC_UNIMPLEMENTED)) return f('milvus_error', `${at} does not implement this call: ${firstLine(p)}`);
  if (OTHER_TLS_TEXT.test(p.all)) return f('milvus_tls', `TLS with ${at} failed: ${firstLine(p)}`);
  return f('milvus_error', `Milvus error from ${at}: ${firstLine(p)}`);
}

/** True for gRPC UNIMPLEMENTED (Milvus Lite and old servers lack some RPCs). */
export function isUnimplemented(err: unknown): boolean {
  const p = probe(err);
  return p.facts.grpcCodes.has(GRPC_UNIMPLEMENTED) || /UNIMPLEMENTED|not implemented|unimplemented/i.test(p.all);
}
