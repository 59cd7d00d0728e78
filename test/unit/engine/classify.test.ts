import { describe, expect, it } from 'vitest';
import { classifyKafkaError } from '../../../electron/clients/kafka-source';
import { classifyMilvusError, classifyStatus, isSuccess } from '../../../electron/clients/milvus-errors';
import { deadLetterRecord, DLQ_HEADERS, fieldFromReason } from '../../../electron/engine/dead-letter';

describe('Milvus error classes', () => {
  it('sorts statuses into transient, permanent and fatal', () => {
    expect(isSuccess({ error_code: 'Success', code: 0 })).toBe(true);
    expect(classifyStatus({ error_code: 'RateLimit', reason: 'rate limit exceeded' }).kind).toBe('transient');
    expect(classifyStatus({ error_code: 'UnexpectedError', reason: 'x', retriable: true }).kind).toBe('transient');
    expect(classifyStatus({ error_code: 'CollectionNotExists', reason: 'collection not found[c]' }).kind).toBe('fatal');
    expect(classifyStatus({ error_code: 6, code: 6, reason: "VARCHAR field 'title' value length 40 exceeds max_length=16" }).kind).toBe('permanent');
  });

  it('sorts thrown errors by gRPC code or message', () => {
    const unavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established. (retried 3 times, 153ms)' });
    expect(classifyMilvusError(unavailable)).toEqual({ kind: 'transient', reason: 'Milvus UNAVAILABLE: No connection established.' });
    const refused = Object.assign(new Error('x'), {
      code: 14,
      details: 'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:19580 (2026-11-24T04:20:01.123Z). Resolution note: dns (retried 3 times, 153ms)',
    });
    expect(classifyMilvusError(refused).reason).toBe('Milvus UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:19580.');
    expect(classifyMilvusError(Object.assign(new Error('x'), { code: 4, details: 'Deadline exceeded' })).kind).toBe('transient');
    expect(classifyMilvusError(Object.assign(new Error('x'), { code: 16, details: 'bad token' })).kind).toBe('fatal');
    expect(classifyMilvusError(new Error('Insert fail: some field does not exist for this collection in line. 0')).kind).toBe('permanent');
    expect(classifyMilvusError({ status: { error_code: 'CollectionNotExists', reason: "can't find collection" } }).kind).toBe('fatal');
  });

  it('classifies kafkajs errors by their retriable flag', () => {
    expect(classifyKafkaError(Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError', retriable: true })).kind).toBe('transient');
    expect(classifyKafkaError(Object.assign(new Error('Topic authorization failed'), { name: 'KafkaJSProtocolError', retriable: false })).kind).toBe('fatal');
  });
});

describe('dead-letter records', () => {
  it('keep the original and add the reason headers', () => {
    const out = deadLetterRecord(
      { topic: 't', partition: 2, offset: '41', key: Buffer.from('k'), value: Buffer.from('{}'), headers: { trace: 'x', [DLQ_HEADERS.code]: 'stale' }, timestamp: 1700000000000 },
      { stage: 'convert', code: 'missing_field', field: 'title', message: 'field title: missing' },
      'my pipeline',
    );
    expect(out.key?.toString()).toBe('k');
    expect(out.value?.toString()).toBe('{}');
    expect(out.timestamp).toBe('1700000000000');
    expect(out.headers).toMatchObject({
      trace: 'x',
      [DLQ_HEADERS.topic]: 't',
      [DLQ_HEADERS.partition]: '2',
      [DLQ_HEADERS.offset]: '41',
      [DLQ_HEADERS.message]: 'field title: missing',
      [DLQ_HEADERS.field]: 'title',
      [DLQ_HEADERS.code]: 'missing_field',
      [DLQ_HEADERS.stage]: 'VALUE_CONVERTER',
    });
  });

  it('finds the field Milvus names in a rejection', () => {
    expect(fieldFromReason("Milvus: VARCHAR field 'title' value length 40 exceeds max_length=16")).toBe('title');
    expect(fieldFromReason("Milvus: FieldData 'v' float_vector data has 3 elements")).toBe('v');
    expect(fieldFromReason('Milvus: something else')).toBeUndefined();
  });
});

describe('oversized requests', () => {
  it('are permanent, so the batch is split instead of retried forever', () => {
    const e = Object.assign(new Error('8 RESOURCE_EXHAUSTED'), { code: 8, details: 'Received message larger than max (70000000 vs. 67108864)' });
    expect(classifyMilvusError(e).kind).toBe('permanent');
    expect(classifyMilvusError(Object.assign(new Error('x'), { code: 8, details: 'rate limit exceeded' })).kind).toBe('transient');
  });
});
