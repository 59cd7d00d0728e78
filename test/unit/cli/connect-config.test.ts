// Kafka Connect files → PipelineConfig: the tutorial's files, every connector key, every error path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_DEFAULTS } from '../../../shared/pipeline-config';
import { configOf, errors, lines, mapFiles, MINIMAL_CONNECTOR } from './connect-helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/connect', name), 'utf8');

describe('the tutorial files', () => {
  const worker = fixture('worker.properties');
  const connector = fixture('milvus-sink-connector.properties').replace('https://<public.endpoint>:port', 'https://in03-x.zillizcloud.com:443');

  it('map to a pipeline that resumes from the official connector offsets', () => {
    const r = mapFiles(worker, connector);
    expect(configOf(r)).toEqual({
      ...PIPELINE_DEFAULTS,
      id: 'zilliz-kafka-sink',
      name: 'zilliz-kafka-sink',
      kafka: { brokers: ['localhost:9092'], securityProtocol: 'PLAINTEXT' },
      topics: { names: ['topic_0'] },
      groupId: 'connect-zilliz-kafka-sink',
      milvus: { address: 'https://in03-x.zillizcloud.com:443', token: '*****************************************' },
      collection: 'topic_0',
      startPosition: { kind: 'committed', fallback: 'earliest' },
      errorTolerance: 'none',
    });
  });

  it('explain every key that does not apply, one line each', () => {
    expect(lines(mapFiles(worker, connector))).toEqual([
      "warning: connector.properties: token: looks like the tutorial's placeholder (only asterisks); it is sent as is (line 5)",
      "note: connector.properties: errors.tolerance: not set: the pipeline stops at the first record it cannot write (Kafka Connect's default); set errors.tolerance=all to send such records to a dead-letter topic instead",
      'note: worker.properties: key.converter: not used: Studio decodes records itself (studio.value.format, studio.vector.encoding)',
      'note: worker.properties: value.converter: not used: Studio reads JSON values itself (studio.value.format=auto also accepts the {schema, payload} envelope)',
      'note: worker.properties: key.converter.schemas.enable: not used: Studio decodes records itself (studio.value.format, studio.vector.encoding)',
      'note: worker.properties: value.converter.schemas.enable: not used: Studio decodes records itself (studio.value.format, studio.vector.encoding)',
      "note: worker.properties: offset.storage.file.filename: not used: a sink's offsets live in its Kafka consumer group; Studio commits them after each write",
      "note: worker.properties: offset.flush.interval.ms: not used: a sink's offsets live in its Kafka consumer group; Studio commits them after each write",
      'note: worker.properties: plugin.path: not used: the Milvus sink is built into Studio, no plugins are loaded',
    ]);
  });

  it('reject the untouched endpoint placeholder', () => {
    expect(errors(mapFiles(worker, fixture('milvus-sink-connector.properties')))).toEqual([
      "error: connector.properties: public.endpoint: still the tutorial's placeholder ('https://<public.endpoint>:port'); put your endpoint here (line 4)",
    ]);
  });
});

describe('connector keys', () => {
  it('require name, public.endpoint, collection.name and topics', () => {
    expect(errors(mapFiles('', 'connector.class=com.milvus.io.kafka.MilvusSinkConnector\n'))).toEqual([
      'error: connector.properties: name: required: the connector name (it also names the consumer group, connect-<name>)',
      'error: connector.properties: topics: required: a comma-separated list of topics (or topics.regex)',
      'error: connector.properties: public.endpoint: required: the Milvus or Zilliz Cloud endpoint, e.g. http://127.0.0.1:19530',
      'error: connector.properties: collection.name: required: the collection to write to',
    ]);
  });

  it('map database.name, token, a topic list with spaces and a name that is not a valid id', () => {
    const c = configOf(mapFiles('', 'name=my.sink v2\npublic.endpoint=host:19530\ntoken=root:Milvus\ndatabase.name=db1\ncollection.name=c\ntopics= a , b,,c '));
    expect(c).toMatchObject({ id: 'my-sink-v2', groupId: 'connect-my.sink v2', database: 'db1', milvus: { address: 'host:19530', token: 'root:Milvus' }, topics: { names: ['a', 'b', 'c'] } });
  });

  it('anchor topics.regex the way Java full-matches it', () => {
    expect(configOf(mapFiles('', MINIMAL_CONNECTOR.replace('topics=t1', 'topics.regex=orders-.*'))).topics).toEqual({ pattern: '^(?:orders-.*)$' });
    expect(configOf(mapFiles('', MINIMAL_CONNECTOR.replace('topics=t1', 'topics.regex=^x$'))).topics).toEqual({ pattern: '^x$' });
  });

  it.each([
    ['topics=t1\ntopics.regex=x', 'error: connector.properties: topics.regex: topics and topics.regex cannot both be set'],
    ['topics.regex=(', 'error: connector.properties: topics.regex: not a valid regular expression'],
    ['topics=ok,bad topic', "error: connector.properties: topics: 'bad topic' is not a valid topic name"],
  ])('reject %j', (topicLines, message) => {
    const r = mapFiles('', MINIMAL_CONNECTOR.replace('topics=t1', topicLines));
    expect(r.ok).toBe(false);
    expect(errors(r)[0]).toContain(message);
  });

  it('reject a bad errors.tolerance naming file, key and reason', () => {
    expect(errors(mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.tolerance=some`))).toEqual([
      "error: connector.properties: errors.tolerance: expected none or all, got 'some' (line 5)",
    ]);
  });

  it('never drop: errors.tolerance=all without a dead-letter topic gets <name>-dlq, said in a note', () => {
    const r = mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.tolerance=all`);
    expect(configOf(r)).toMatchObject({ errorTolerance: 'all', deadLetterTopic: 'sink-dlq' });
    expect(lines(r)).toContain('note: connector.properties: errors.tolerance: all without errors.deadletterqueue.topic.name: records that cannot be written go to the dead-letter topic sink-dlq instead of being dropped');
  });

  it('use the given dead-letter topic, and note it is unused while errors.tolerance=none', () => {
    expect(configOf(mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.tolerance=ALL\nerrors.deadletterqueue.topic.name=bad-rows`))).toMatchObject({ errorTolerance: 'all', deadLetterTopic: 'bad-rows' });
    const r = mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.tolerance=none\nerrors.deadletterqueue.topic.name=bad-rows`);
    expect(configOf(r)).toMatchObject({ errorTolerance: 'none', deadLetterTopic: 'bad-rows' });
    expect(lines(r)).toContain('note: connector.properties: errors.deadletterqueue.topic.name: not used while errors.tolerance=none (as in Kafka Connect): the pipeline stops at the first record it cannot write');
    expect(errors(mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.deadletterqueue.topic.name=no way`))).toEqual([
      "error: connector.properties: errors.deadletterqueue.topic.name: 'no way' is not a valid topic name (line 5)",
    ]);
  });

  it('refuse a dead-letter topic the sink itself consumes', () => {
    expect(errors(mapFiles('', `${MINIMAL_CONNECTOR}\nerrors.tolerance=all\nerrors.deadletterqueue.topic.name=t1`))).toEqual([
      'error: connector.properties: errors.deadletterqueue.topic.name: the dead-letter topic t1 is also one of the topics this sink consumes; pick another name (line 6)',
    ]);
    expect(errors(mapFiles('', `${MINIMAL_CONNECTOR.replace('topics=t1', 'topics.regex=.*')}\nerrors.tolerance=all`))).toEqual([
      'error: connector.properties: errors.tolerance: the dead-letter topic sink-dlq is also one of the topics this sink consumes; pick another name (line 5)',
    ]);
  });

  it('warn about another connector.class and read the file anyway', () => {
    const r = mapFiles('', `${MINIMAL_CONNECTOR}\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector`);
    expect(r.ok).toBe(true);
    expect(lines(r)).toContain('warning: connector.properties: connector.class: is io.confluent.connect.jdbc.JdbcSinkConnector, not com.milvus.io.kafka.MilvusSinkConnector; reading the file as a Milvus sink anyway (line 5)');
  });

  it('report schema errors against the key that set the value', () => {
    expect(errors(mapFiles('', MINIMAL_CONNECTOR.replace('collection.name=docs', 'collection.name=my-docs')))).toEqual([
      'error: connector.properties: collection.name: names start with a letter or "_" and use letters, digits and "_" (line 3)',
    ]);
  });
});

describe('consumer settings', () => {
  it('map auto.offset.reset to the committed position fallback and max.poll.records to the batch size', () => {
    const c = configOf(mapFiles('consumer.auto.offset.reset=latest\nconsumer.max.poll.records=100'));
    expect(c.startPosition).toEqual({ kind: 'committed', fallback: 'latest' });
    expect(c.batchSize).toBe(100);
  });

  it('let consumer.override.* in the connector win over consumer.* in the worker, with a note', () => {
    const r = mapFiles('consumer.max.poll.records=100', `${MINIMAL_CONNECTOR}\nconsumer.override.max.poll.records=200`);
    expect(configOf(r).batchSize).toBe(200);
    expect(lines(r)).toContain("note: worker.properties: consumer.max.poll.records: not used for the sink's consumer: connector.properties sets consumer.override.max.poll.records, which takes precedence");
  });

  it('take the group id from consumer.group.id or consumer.override.group.id, never from the worker group.id', () => {
    const r = mapFiles('group.id=connect-cluster');
    expect(configOf(r).groupId).toBe('connect-sink');
    expect(lines(r)).toContain("note: worker.properties: group.id: not used: this is the Connect cluster's group; the sink's consumer group is connect-<name> (or consumer.group.id)");
    expect(configOf(mapFiles('consumer.group.id=g1')).groupId).toBe('g1');
    expect(configOf(mapFiles('consumer.group.id=g1', `${MINIMAL_CONNECTOR}\nconsumer.override.group.id=g2`)).groupId).toBe('g2');
  });

  it.each([
    ['consumer.auto.offset.reset=none', "error: worker.properties: consumer.auto.offset.reset: none (fail when the group has no committed offset) is not supported; use earliest or latest (line 1)"],
    ['consumer.auto.offset.reset=first', "error: worker.properties: consumer.auto.offset.reset: expected earliest or latest, got 'first' (line 1)"],
    ['consumer.max.poll.records=lots', "error: worker.properties: consumer.max.poll.records: expected a whole number, got 'lots' (line 1)"],
    ['consumer.max.poll.records=0', 'error: worker.properties: consumer.max.poll.records: expected a number from 1 to 100000, got 0 (line 1)'],
  ])('reject %j', (worker, message) => {
    expect(errors(mapFiles(worker))).toEqual([message]);
  });

  it('note consumer tuning, producer and admin settings that Studio does not apply', () => {
    const out = lines(mapFiles('consumer.fetch.max.bytes=1\nproducer.linger.ms=5\nadmin.retries=3'));
    expect(out).toEqual(
      expect.arrayContaining([
        'note: worker.properties: consumer.fetch.max.bytes: not used: consumer tuning is not applied; Studio sizes fetches itself',
        "note: worker.properties: producer.linger.ms: not used: Studio's dead-letter producer uses the sink's connection settings",
        "note: worker.properties: admin.retries: not used: Studio's admin calls use the sink's connection settings",
      ]),
    );
  });
});

describe('other keys', () => {
  it('note tasks.max, errors.log.*, errors.retry.*, rest.* and listeners; warn on transforms and unknown keys', () => {
    const out = lines(
      mapFiles(
        'rest.port=8083\nlisteners=http://:8083\nmystery.key=1',
        `${MINIMAL_CONNECTOR}\ntasks.max=4\nerrors.log.enable=true\nerrors.retry.timeout=-1\ntransforms=unwrap\ntransforms.unwrap.type=x\nstudio.unknown=1`,
      ),
    );
    expect(out).toEqual(
      expect.arrayContaining([
        'note: worker.properties: rest.port: not used: there is no Connect REST API; `kafka-milvus-studio serve` offers the web UI',
        'note: worker.properties: listeners: not used: there is no Connect REST API; `kafka-milvus-studio serve` offers the web UI',
        'warning: worker.properties: mystery.key: unknown key, ignored (line 3)',
        'note: connector.properties: tasks.max: not used: concurrency comes from the consumer group; run more instances with the same files to share the partitions',
        'note: connector.properties: errors.log.enable: not used: Studio always logs each record it cannot write with topic, partition, offset and reason, never its payload',
        'note: connector.properties: errors.retry.timeout: not used: Studio retries transient Milvus and Kafka failures with backoff until stopped (studio.retry.*)',
        "warning: connector.properties: transforms: single message transforms are not applied; use Studio's field mapping (studio.mapping) instead (line 8)",
        "warning: connector.properties: transforms.unwrap.type: single message transforms are not applied; use Studio's field mapping (studio.mapping) instead (line 9)",
        'warning: connector.properties: studio.unknown: unknown key, ignored (line 10)',
      ]),
    );
  });

  it('warn about a non-JSON value converter, since such records would fail conversion', () => {
    expect(lines(mapFiles('value.converter=io.confluent.connect.avro.AvroConverter'))).toContain(
      'note: worker.properties: value.converter: Studio reads JSON values only; records written for AvroConverter will fail conversion and go to the dead-letter topic',
    );
  });

  it('warn about duplicated keys', () => {
    expect(lines(mapFiles('', `${MINIMAL_CONNECTOR}\ntopics=t2`))).toContain('warning: connector.properties: topics: given 2 times (lines 4, 5); the last one is used, as in Kafka Connect (line 5)');
  });

  it('reject config provider references instead of sending them as literal values', () => {
    expect(errors(mapFiles('config.providers=env', MINIMAL_CONNECTOR.replace('http://127.0.0.1:19530', 'http://x:1\ntoken=${env:MILVUS_TOKEN}')))).toEqual([
      'error: connector.properties: token: config provider references (${provider:...}) are not resolved by Studio; put the value itself in the file (line 3)',
    ]);
  });
});
