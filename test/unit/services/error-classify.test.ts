// The classifier against error shapes captured from the real clients (fixtures/capture-errors.ts),
// plus texts real Milvus servers send that the local stack cannot produce.
import { describe, expect, it } from 'vitest';
import { AppFailure, type ErrorCode } from '../../../shared/errors';
import { DeadlineExceeded, classifyKafkaError, classifyMilvusError, isUnimplemented } from '../../../electron/services/error-classify';
import captured from './fixtures/captured-errors.json';

type Case = [fixture: string, code: ErrorCode, message: RegExp, protocol?: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL'];
const kafkaShapes = captured.kafka as Record<string, unknown>;
const milvusShapes = captured.milvus as Record<string, unknown>;

const kafkaCases: Case[] = [
  ['refused', 'kafka_refused', /^Nothing is listening on 127\.0\.0\.1:9099: check the port or start the broker$/],
  ['dns', 'kafka_dns', /^Cannot resolve the host name nohost\.invalid: /],
  ['tlsToPlaintext', 'kafka_tls', /did not complete a TLS handshake: .*choose PLAINTEXT or SASL_PLAINTEXT/, 'SSL'],
  ['plaintextToTls', 'kafka_tls', /closed the connection at once: if its listener uses TLS, choose SSL or SASL_SSL/, 'PLAINTEXT'],
  ['tlsWithoutSasl', 'kafka_error', /after the TLS handshake: if its listener requires SASL, choose SASL_SSL/, 'SSL'],
  ['saslWrongPassword', 'kafka_sasl_failed', /rejected the SASL credentials: check the username, the password and the mechanism/, 'SASL_SSL'],
  ['untrusted', 'kafka_tls_untrusted', /is not signed by a trusted CA: add the CA certificate/, 'SASL_SSL'],
  ['hostname', 'kafka_tls_hostname', /not valid for that host name \(it lists IP Address:127\.0\.0\.1, DNS:localhost\)/, 'SASL_SSL'],
  ['unsupportedMechanism', 'kafka_sasl_failed', /does not accept this SASL mechanism/, 'SASL_SSL'],
  ['saslToPlainListener', 'kafka_sasl_failed', /does not expect SASL authentication/, 'SASL_PLAINTEXT'],
  ['requestTimeout', 'kafka_timeout', /^No answer from 127\.0\.0\.1:\d+ in time/],
  ['silentServerAfterRetry', 'kafka_timeout', /did not answer as a Kafka broker/],
];

const milvusCases: Case[] = [
  ['refused', 'milvus_refused', /^Nothing is listening on 127\.0\.0\.1:19599: check the port or start Milvus$/],
  ['dns', 'milvus_dns', /^Cannot resolve the host name nohost\.invalid: /],
  ['tlsToPlaintext', 'milvus_tls', /does not speak TLS: use an http:\/\/ address/],
  ['plaintextToTls', 'milvus_tls', /did not answer plain gRPC: if it uses TLS, use an https:\/\/ address/],
  ['wrongToken', 'milvus_unauthenticated', /rejected the credentials: check the token/],
  ['untrusted', 'milvus_tls', /is not signed by a trusted CA/],
  ['hostname', 'milvus_tls', /not valid for that host name/],
  ['databaseNotFound', 'milvus_database_not_found', /^Database "nope" does not exist on /],
  ['describeDatabaseNotFound', 'milvus_database_not_found', /^Database "nope" does not exist on /],
  ['collectionNotFound', 'milvus_error', /collection 'nope_nope' does not exist/],
  ['deadline', 'milvus_timeout', /^No answer from .* in time/],
];

/** Returned (not thrown) statuses were captured as { returned: status }: the services throw the response. */
const asThrown = (shape: unknown): unknown => (shape && typeof shape === 'object' && 'returned' in shape ? { status: shape.returned } : shape);

describe('Kafka error classification (captured kafkajs errors)', () => {
  it.each(kafkaCases)('%s → %s', (fixture, code, message, protocol) => {
    const shape = kafkaShapes[fixture];
    expect(shape, `fixture ${fixture}`).toBeTypeOf('object');
    const f = classifyKafkaError(shape, { endpoint: '127.0.0.1:9192', securityProtocol: protocol ?? 'PLAINTEXT' });
    expect(f).toBeInstanceOf(AppFailure);
    expect(f.code).toBe(code);
    expect(f.message).toMatch(message);
    expect(f.message.split(': ').length).toBeLessThanOrEqual(4); // one sentence, not a stack
    expect(f.detail).toBeTruthy();
  });

  it('names the configured endpoint when the error does not', () => {
    expect(classifyKafkaError(kafkaShapes.saslWrongPassword, { endpoint: 'b1:9096, b2:9096' }).message).toMatch(/^b1:9096, b2:9096 rejected/);
  });

  it('reports our own deadline as a timeout, with the seconds', () => {
    const f = classifyKafkaError(new DeadlineExceeded(8000), { endpoint: '10.0.0.1:9092' });
    expect(f).toMatchObject({ code: 'kafka_timeout', message: expect.stringMatching(/^No answer from 10\.0\.0\.1:9092 within 8 s/) });
  });

  it('classifies DNS failures reported as EAI_AGAIN and plain Node errors', () => {
    const eai = Object.assign(new Error('getaddrinfo EAI_AGAIN broker.example'), { code: 'EAI_AGAIN' });
    expect(classifyKafkaError(eai, { endpoint: 'broker.example:9092' })).toMatchObject({ code: 'kafka_dns', message: expect.stringContaining('broker.example') });
    expect(classifyKafkaError(new Error('unable to get local issuer certificate'), { endpoint: 'x:1' }).code).toBe('kafka_tls_untrusted');
    expect(classifyKafkaError(new Error('something odd'), { endpoint: 'x:1' })).toMatchObject({ code: 'kafka_error', message: 'Kafka error from x:1: something odd' });
  });

  it('keeps AppFailures as they are and scrubs secrets from the detail', () => {
    const own = new AppFailure('conflict', 'exists');
    expect(classifyKafkaError(own, { endpoint: 'x:1' })).toBe(own);
    const leaky = new Error('SASL PLAIN authentication failed for password hunter2-secret');
    const f = classifyKafkaError(leaky, { endpoint: 'x:1', secrets: ['hunter2-secret'] });
    expect(f.detail).not.toContain('hunter2-secret');
    expect(f.detail).toContain('***');
  });
});

describe('Milvus error classification (captured SDK errors)', () => {
  it.each(milvusCases)('%s → %s', (fixture, code, message) => {
    const shape = asThrown(milvusShapes[fixture]);
    expect(shape, `fixture ${fixture}`).toBeTypeOf('object');
    const f = classifyMilvusError(shape, { endpoint: 'https://127.0.0.1:19543', database: 'nope' });
    expect(f.code).toBe(code);
    expect(f.message).toMatch(message);
    expect(f.detail).toBeTruthy();
  });

  it('recognises what real Milvus and Zilliz Cloud send for bad credentials and databases', () => {
    const ctx = { endpoint: 'https://in01.zillizcloud.com:443', database: 'prod' };
    const authStatus = { status: { error_code: 'UnexpectedError', code: 1800, reason: 'auth check failure, please check username and password are correct' } };
    expect(classifyMilvusError(authStatus, ctx).code).toBe('milvus_unauthenticated');
    const http401 = Object.assign(new Error('13 INTERNAL: Received HTTP status code 401'), { code: 13, details: 'Received HTTP status code 401' });
    expect(classifyMilvusError(http401, ctx).code).toBe('milvus_unauthenticated');
    expect(classifyMilvusError(new Error('invalid token'), ctx).code).toBe('milvus_unauthenticated');
    const dbStatus = { status: { error_code: 'UnexpectedError', code: 800, reason: 'database not found[database=prod]' } };
    expect(classifyMilvusError(dbStatus, ctx)).toMatchObject({ code: 'milvus_database_not_found', message: expect.stringContaining('"prod"') });
  });

  it('does not read Milvus status codes as gRPC codes', () => {
    // status code 16 is not gRPC UNAUTHENTICATED
    const f = classifyMilvusError({ status: { error_code: 'UnexpectedError', code: 16, reason: 'segment not loaded' } }, { endpoint: 'x:1' });
    expect(f.code).toBe('milvus_error');
  });

  it('spots UNIMPLEMENTED, which Milvus Lite and old servers answer for some RPCs', () => {
    expect(isUnimplemented(Object.assign(new Error('12 UNIMPLEMENTED: Method not found'), { code: 12, details: 'Method not found' }))).toBe(true);
    expect(isUnimplemented(asThrown(milvusShapes.refused))).toBe(false);
  });
});
