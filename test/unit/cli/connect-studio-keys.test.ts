// studio.* extension keys in connector.properties.
import { describe, expect, it } from 'vitest';
import { configOf, errors, lines, mapFiles, MINIMAL_CONNECTOR } from './connect-helpers';

const withKeys = (...keys: string[]) => mapFiles('bootstrap.servers=b:9092', [MINIMAL_CONNECTOR, ...keys].join('\n'));

describe('studio.* keys', () => {
  it('map every setting Kafka Connect has no key for', () => {
    const c = configOf(
      withKeys(
        'studio.id=p1',
        'studio.partition=2024',
        'studio.write.mode=insert',
        'studio.batch.size=2000',
        'studio.linger.ms=0',
        'studio.max.in.flight.batches=4',
        'studio.value.format=connect',
        'studio.vector.encoding=BASE64',
        'studio.extra.fields=error',
        'studio.mapping=meta.title:title, vec:title_vector, a:b:c',
        'studio.ignore=debug, trace.id',
        'studio.retry.max.attempts=5',
        'studio.retry.initial.backoff.ms=100',
      ),
    );
    expect(c).toMatchObject({
      id: 'p1',
      partition: '2024',
      writeMode: 'insert',
      batchSize: 2000,
      lingerMs: 0,
      maxInFlightBatches: 4,
      valueFormat: 'connect',
      vectorEncoding: 'base64',
      extraFields: 'error',
      mapping: [
        { source: 'meta.title', target: 'title' },
        { source: 'vec', target: 'title_vector' },
        { source: 'a:b', target: 'c' },
      ],
      ignore: ['debug', 'trace.id'],
      retry: { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 15_000 },
    });
  });

  it.each([
    ['studio.start.position=earliest', { kind: 'earliest' }],
    ['studio.start.position=latest', { kind: 'latest' }],
    ['studio.start.position=committed', { kind: 'committed', fallback: 'earliest' }],
    ['studio.start.position=timestamp:1700000000000', { kind: 'timestamp', timestampMs: 1_700_000_000_000 }],
    ['studio.start.position=timestamp:2024-01-02T03:04:05Z', { kind: 'timestamp', timestampMs: Date.UTC(2024, 0, 2, 3, 4, 5) }],
  ])('read %s', (key, startPosition) => {
    expect(configOf(withKeys(key)).startPosition).toEqual(startPosition);
  });

  it('let studio.batch.size win over max.poll.records, with a note', () => {
    const r = withKeys('consumer.override.max.poll.records=10', 'studio.batch.size=20');
    expect(configOf(r).batchSize).toBe(20);
    expect(lines(r)).toContain('note: connector.properties: consumer.override.max.poll.records: not used: studio.batch.size takes precedence');
  });

  it.each([
    ['studio.write.mode=replace', "error: connector.properties: studio.write.mode: expected one of insert, upsert, auto, got 'replace' (line 5)"],
    ['studio.batch.size=0', 'error: connector.properties: studio.batch.size: expected a number from 1 to 100000, got 0 (line 5)'],
    ['studio.linger.ms=1.5', "error: connector.properties: studio.linger.ms: expected a whole number, got '1.5' (line 5)"],
    ['studio.value.format=avro', "error: connector.properties: studio.value.format: expected one of json, connect, auto, got 'avro' (line 5)"],
    ['studio.vector.encoding=hex', "error: connector.properties: studio.vector.encoding: expected one of array, base64, auto, got 'hex' (line 5)"],
    ['studio.extra.fields=keep', "error: connector.properties: studio.extra.fields: expected one of dynamic, drop, error, got 'keep' (line 5)"],
    ['studio.start.position=yesterday', "error: connector.properties: studio.start.position: expected committed, earliest, latest or timestamp:<epoch ms | ISO date>, got 'yesterday' (line 5)"],
    ['studio.mapping=title', "error: connector.properties: studio.mapping: expected source:target pairs separated by commas, got 'title' (line 5)"],
    ['studio.mapping=a:my-field', 'error: connector.properties: studio.mapping: names start with a letter or "_" and use letters, digits and "_" (line 5)'],
    ['studio.id=a b', 'error: connector.properties: studio.id: ids use letters, digits, "_" and "-" (line 5)'],
    ['studio.retry.initial.backoff.ms=20000', 'error: connector.properties: studio.retry.initial.backoff.ms: studio.retry.max.backoff.ms (default 15000) must be at least studio.retry.initial.backoff.ms (line 5)'],
  ])('reject %j', (key, message) => {
    expect(errors(withKeys(key))).toEqual([message]);
  });
});
