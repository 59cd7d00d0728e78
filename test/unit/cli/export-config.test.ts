// Export to Kafka Connect files and JSON; importing the export gives the same pipeline back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectToPipeline } from '../../../electron/cli/connect-config';
import { exportJson, exportProperties } from '../../../electron/cli/export-config';
import { parseProperties } from '../../../electron/cli/properties';
import { PIPELINE_DEFAULTS, PipelineConfig } from '../../../shared/pipeline-config';
import { CERT, CERT2, KEY } from './connect-helpers';

const base: PipelineConfig = {
  ...PIPELINE_DEFAULTS,
  id: 'zilliz-kafka-sink',
  name: 'zilliz-kafka-sink',
  kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' },
  topics: { names: ['topic_0'] },
  groupId: 'connect-zilliz-kafka-sink',
  milvus: { address: 'http://127.0.0.1:19530', token: 'root:Milvus' },
  collection: 'topic_0',
  errorTolerance: 'all',
  deadLetterTopic: 'topic_0-dlq',
};

function reimport(config: PipelineConfig) {
  const out = exportProperties(config);
  const r = connectToPipeline(parseProperties(out.worker, 'worker.properties'), parseProperties(out.connector, 'connector.properties'), {
    readFile: () => {
      throw new Error('no files needed');
    },
  });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.key}: ${d.message}`).join('\n'));
  return { config: r.config, warnings: r.diagnostics.filter((d) => d.level !== 'note'), out };
}

describe('exportProperties', () => {
  it('writes the official connector keys', () => {
    const { worker, connector, notes } = exportProperties(base);
    expect(notes).toEqual([]);
    expect(connector).toBe(
      [
        '# Milvus sink connector for the pipeline "zilliz-kafka-sink", exported by Kafka-Milvus Studio.',
        '',
        'name=zilliz-kafka-sink',
        'connector.class=com.milvus.io.kafka.MilvusSinkConnector',
        'tasks.max=1',
        'topics=topic_0',
        '',
        '# Milvus / Zilliz Cloud target',
        'public.endpoint=http://127.0.0.1:19530',
        'token=root:Milvus',
        'collection.name=topic_0',
        '',
        '# Records that cannot be written',
        'errors.tolerance=all',
        'errors.deadletterqueue.topic.name=topic_0-dlq',
        'errors.deadletterqueue.context.headers.enable=true',
        '',
        'key.converter=org.apache.kafka.connect.storage.StringConverter',
        'value.converter=org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable=false',
        '',
      ].join('\n'),
    );
    expect(worker).toContain('bootstrap.servers=127.0.0.1:9092\nsecurity.protocol=PLAINTEXT\n');
    expect(worker).toContain('offset.storage.file.filename=/tmp/connect.offsets');
    expect(worker).not.toContain('consumer.security.protocol');
  });

  it('repeats security settings for the consumer, producer and admin clients and inlines PEM', () => {
    const { worker } = exportProperties({
      ...base,
      kafka: { brokers: ['b:9093'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-256', username: 'u', password: 'p"w' }, tls: { caPem: CERT } },
    });
    const props = parseProperties(worker, 'w').entries;
    const jaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p\\"w";';
    for (const prefix of ['', 'consumer.', 'producer.', 'admin.']) {
      expect(props.get(`${prefix}sasl.jaas.config`)?.value).toBe(jaas);
      expect(props.get(`${prefix}ssl.truststore.type`)?.value).toBe('PEM');
      expect(props.get(`${prefix}ssl.truststore.certificates`)?.value).toBe(CERT.trim());
    }
  });

  it('notes what the files cannot carry', () => {
    const { notes, connector } = exportProperties({ ...base, milvus: { address: 'https://z:443', username: 'root', password: 'pw', tls: { skipVerify: true } } });
    expect(parseProperties(connector, 'c').entries.get('token')?.value).toBe('root:pw');
    expect(notes).toEqual([
      'milvus username and password exported as token=<user>:<password>, the form the official connector takes',
      'not carried: Milvus TLS settings (the official connector has none; an https endpoint uses the system CAs)',
    ]);
  });

  it('exports a topic pattern as a Java regex over whole names', () => {
    const regex = (pattern: string) => parseProperties(exportProperties({ ...base, topics: { pattern } }).connector, 'c').entries.get('topics.regex')?.value;
    expect(regex('^(?:orders-.*)$')).toBe('orders-.*');
    expect(regex('^orders$')).toBe('^orders$');
    expect(regex('orders')).toBe('.*(?:orders).*');
  });
});

describe('round trip: export then import', () => {
  it('gives the same minimal pipeline back, with no warnings', () => {
    const { config, warnings } = reimport(base);
    expect(config).toEqual(base);
    expect(warnings).toEqual([]);
  });

  it('gives the same fully configured pipeline back', () => {
    const full: PipelineConfig = {
      ...base,
      id: 'custom_id',
      name: 'orders to milvus',
      kafka: {
        brokers: ['b1:9093', 'b2:9093'],
        clientId: 'studio-1',
        securityProtocol: 'SASL_SSL',
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'svc', password: 'p\\a"s s=:#!' },
        tls: { caPem: `${CERT}${CERT2}`, certPem: CERT2, keyPem: KEY, skipVerify: true },
      },
      topics: { pattern: '^(?:orders-.*)$' },
      groupId: 'orders-group',
      startPosition: { kind: 'committed', fallback: 'latest' },
      milvus: { address: 'https://in03.zillizcloud.com:443', token: 'abc123' },
      database: 'analytics',
      partition: 'p2024',
      writeMode: 'upsert',
      mapping: [{ source: 'meta.title', target: 'title' }],
      ignore: ['debug'],
      valueFormat: 'connect',
      vectorEncoding: 'base64',
      extraFields: 'drop',
      batchSize: 1000,
      lingerMs: 5,
      maxInFlightBatches: 4,
      retry: { maxAttempts: 3, initialBackoffMs: 200, maxBackoffMs: 5000 },
      errorTolerance: 'none',
      deadLetterTopic: 'orders-dlq',
    };
    const { config, warnings } = reimport(full);
    expect(config).toEqual(full);
    // Only the deliberate one: all certificate checks off.
    expect(warnings.map((w) => w.key)).toEqual(['studio.ssl.skip.verify']);
  });

  it.each([{ kind: 'earliest' }, { kind: 'latest' }, { kind: 'timestamp', timestampMs: 1_700_000_000_000 }] as const)('keeps start position %j', (startPosition) => {
    expect(reimport({ ...base, startPosition }).config.startPosition).toEqual(startPosition);
  });

  it('holds for generated pipelines', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/);
    const arb = fc.record({
      name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,30}[A-Za-z0-9]$/),
      topics: fc.array(fc.stringMatching(/^[A-Za-z0-9._-]{1,30}$/), { minLength: 1, maxLength: 4 }),
      collection: word,
      password: fc.string({ maxLength: 40 }),
      username: fc.string({ minLength: 1, maxLength: 20 }),
      token: fc.option(fc.stringMatching(/^\S(.*\S)?$/), { nil: undefined }),
      batchSize: fc.integer({ min: 1, max: 100_000 }),
      lingerMs: fc.integer({ min: 0, max: 60_000 }),
      fallback: fc.constantFrom('earliest' as const, 'latest' as const),
      writeMode: fc.constantFrom('insert' as const, 'upsert' as const, 'auto' as const),
      tolerance: fc.constantFrom('none' as const, 'all' as const),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const config = PipelineConfig.parse({
          ...base,
          id: a.name.replace(/[^A-Za-z0-9_-]/g, '-'),
          name: a.name,
          groupId: `connect-${a.name}`,
          kafka: { brokers: ['b:9092'], securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN', username: a.username, password: a.password } },
          topics: { names: a.topics },
          milvus: a.token ? { address: 'http://m:19530', token: a.token } : { address: 'http://m:19530' },
          collection: a.collection,
          batchSize: a.batchSize,
          lingerMs: a.lingerMs,
          startPosition: { kind: 'committed', fallback: a.fallback },
          writeMode: a.writeMode,
          errorTolerance: a.tolerance,
          deadLetterTopic: a.tolerance === 'all' ? 'dlq' : undefined,
        });
        expect(reimport(config).config).toEqual(config);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exportJson', () => {
  it('writes the config that `run` reads back', () => {
    expect(PipelineConfig.parse(JSON.parse(exportJson(base)))).toEqual(base);
  });
});
