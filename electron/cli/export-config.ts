// PipelineConfig → Kafka Connect's two files (for a Connect cluster running the official
// kafka-connect-milvus sink) or → JSON for `run`. Pure. Settings Connect has no key for travel as
// studio.* keys, which Kafka Connect ignores, so importing the files gives the same pipeline back.
import { PIPELINE_DEFAULTS, type PipelineConfig } from '../../shared/pipeline-config';
import { formatJaasConfig, PLAIN_LOGIN_MODULE, SCRAM_LOGIN_MODULE } from './jaas';
import { formatProperties, type PropertiesSection } from './properties';
import { connectGroupId, defaultPipelineId, MILVUS_SINK_CLASS } from './connect-config';
import { STUDIO_KEYS } from './connect-studio-keys';

export interface ExportedProperties {
  worker: string;
  connector: string;
  /** What the files cannot carry, one line each. */
  notes: string[];
}

const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';
const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/** security.*, sasl.*, ssl.* for one client; Connect needs them repeated per client prefix. */
function securityEntries(c: PipelineConfig['kafka']): [string, string][] {
  const out: [string, string][] = [['security.protocol', c.securityProtocol]];
  if (c.sasl && c.securityProtocol.startsWith('SASL_')) {
    const module = c.sasl.mechanism === 'PLAIN' ? PLAIN_LOGIN_MODULE : SCRAM_LOGIN_MODULE;
    out.push(['sasl.mechanism', c.sasl.mechanism], ['sasl.jaas.config', formatJaasConfig(module, { username: c.sasl.username, password: c.sasl.password })]);
  }
  const tls = c.tls;
  if (tls && (c.securityProtocol === 'SSL' || c.securityProtocol === 'SASL_SSL')) {
    if (tls.caPem) out.push(['ssl.truststore.type', 'PEM'], ['ssl.truststore.certificates', tls.caPem.trim()]);
    if (tls.keyPem && tls.certPem) {
      out.push(['ssl.keystore.type', 'PEM'], ['ssl.keystore.key', tls.keyPem.trim()], ['ssl.keystore.certificate.chain', tls.certPem.trim()]);
    }
    // Java's closest setting: skips the host-name check (Studio's flag also skips the chain check).
    if (tls.skipVerify) out.push(['ssl.endpoint.identification.algorithm', '']);
  }
  return out;
}

function converterEntries(config: PipelineConfig): [string, string][] {
  return [
    // String keys never fail in Connect; the Milvus sink takes the primary key from the value.
    ['key.converter', STRING_CONVERTER],
    ['value.converter', JSON_CONVERTER],
    ['value.converter.schemas.enable', String(config.valueFormat === 'connect')],
  ];
}

function workerText(config: PipelineConfig): string {
  const k = config.kafka;
  const security = securityEntries(k);
  const sections: PropertiesSection[] = [
    { comment: 'Kafka connection of the worker itself', entries: [['bootstrap.servers', k.brokers.join(',')], ...security] },
    {
      comment: "Connect does not pass the settings above to a sink's clients: repeated for its consumer, dead-letter producer and admin client",
      entries: k.securityProtocol === 'PLAINTEXT' ? [] : ['consumer.', 'producer.', 'admin.'].flatMap((p) => security.map(([key, v]): [string, string] => [p + key, v])),
    },
    { comment: 'Records are JSON; keys are kept as plain strings', entries: converterEntries(config) },
    { comment: 'Standalone mode keeps source offsets here (sinks commit to their consumer group)', entries: [['offset.storage.file.filename', '/tmp/connect.offsets'], ['offset.flush.interval.ms', '10000']] },
  ];
  if (k.tls?.skipVerify && k.securityProtocol.endsWith('SSL')) sections.push({ comment: 'Studio only (ignored by Kafka Connect)', entries: [['studio.ssl.skip.verify', 'true']] });
  return formatProperties(`Kafka Connect worker for the pipeline "${config.name}", exported by Kafka-Milvus Studio.\nRun: connect-standalone.sh worker.properties connector.properties`, sections);
}

function studioEntries(config: PipelineConfig, notes: string[]): [string, string][] {
  const d = PIPELINE_DEFAULTS;
  const out: [string, string][] = [];
  const add = (key: string, value: string | number | undefined, def?: string | number) => {
    if (value !== undefined && value !== def) out.push([key, String(value)]);
  };
  add(STUDIO_KEYS.id, config.id, defaultPipelineId(config.name));
  add(STUDIO_KEYS.partition, config.partition);
  add(STUDIO_KEYS.writeMode, config.writeMode, d.writeMode);
  add(STUDIO_KEYS.lingerMs, config.lingerMs, d.lingerMs);
  add(STUDIO_KEYS.maxInFlightBatches, config.maxInFlightBatches, d.maxInFlightBatches);
  add(STUDIO_KEYS.valueFormat, config.valueFormat, d.valueFormat);
  add(STUDIO_KEYS.vectorEncoding, config.vectorEncoding, d.vectorEncoding);
  add(STUDIO_KEYS.extraFields, config.extraFields, d.extraFields);
  const sp = config.startPosition;
  if (sp.kind === 'earliest' || sp.kind === 'latest') add(STUDIO_KEYS.startPosition, sp.kind);
  if (sp.kind === 'timestamp') add(STUDIO_KEYS.startPosition, `timestamp:${sp.timestampMs}`);
  if (config.mapping.length) {
    if (config.mapping.some((m) => m.source.includes(','))) notes.push('not carried: field mappings whose source path contains a comma');
    add(STUDIO_KEYS.mapping, config.mapping.filter((m) => !m.source.includes(',')).map((m) => `${m.source}:${m.target}`).join(','));
  }
  if (config.ignore.length) add(STUDIO_KEYS.ignore, config.ignore.join(','));
  add(STUDIO_KEYS.retryMaxAttempts, config.retry.maxAttempts, d.retry.maxAttempts);
  add(STUDIO_KEYS.retryInitialBackoffMs, config.retry.initialBackoffMs, d.retry.initialBackoffMs);
  add(STUDIO_KEYS.retryMaxBackoffMs, config.retry.maxBackoffMs, d.retry.maxBackoffMs);
  return out;
}

/** A JS pattern as a Java regex over whole topic names (Connect full-matches topics.regex). */
function javaTopicRegex(pattern: string): string {
  const wrapped = /^\^\(\?:(.*)\)\$$/.exec(pattern);
  if (wrapped?.[1] !== undefined) return wrapped[1];
  return pattern.startsWith('^') && pattern.endsWith('$') ? pattern : `.*(?:${pattern}).*`;
}

function connectorText(config: PipelineConfig, notes: string[]): string {
  const m = config.milvus;
  let token = m.token;
  if (!token && m.username) {
    token = `${m.username}:${m.password ?? ''}`;
    notes.push('milvus username and password exported as token=<user>:<password>, the form the official connector takes');
  }
  if (m.tls) notes.push('not carried: Milvus TLS settings (the official connector has none; an https endpoint uses the system CAs)');
  if (m.database && m.database !== config.database) notes.push(`not carried: milvus.database ${m.database}; database.name is ${config.database ?? 'default'}`);
  const topics: [string, string] = 'names' in config.topics ? ['topics', config.topics.names.join(',')] : ['topics.regex', javaTopicRegex(config.topics.pattern)];
  const target: [string, string][] = [['public.endpoint', m.address]];
  if (token) target.push(['token', token]);
  if (config.database) target.push(['database.name', config.database]);
  target.push(['collection.name', config.collection]);
  const errors: [string, string][] = [['errors.tolerance', config.errorTolerance]];
  if (config.deadLetterTopic) errors.push(['errors.deadletterqueue.topic.name', config.deadLetterTopic], ['errors.deadletterqueue.context.headers.enable', 'true']);
  const consumer: [string, string][] = [];
  if (config.groupId !== connectGroupId(config.name)) consumer.push(['consumer.override.group.id', config.groupId]);
  const sp = config.startPosition;
  // Connect's sinks fall back to earliest; the other start kinds have no Connect setting.
  if (sp.kind === 'committed' && sp.fallback === 'latest') consumer.push(['consumer.override.auto.offset.reset', 'latest']);
  if (config.batchSize !== PIPELINE_DEFAULTS.batchSize) consumer.push(['consumer.override.max.poll.records', String(config.batchSize)]);
  if (config.kafka.clientId) consumer.push(['consumer.override.client.id', config.kafka.clientId]);
  const sections: PropertiesSection[] = [
    { entries: [['name', config.name], ['connector.class', MILVUS_SINK_CLASS], ['tasks.max', '1'], topics] },
    { comment: 'Milvus / Zilliz Cloud target', entries: target },
    { comment: 'Records that cannot be written', entries: errors },
    { comment: "The sink's consumer (needs connector.client.config.override.policy=All, the default since Kafka 3.0)", entries: consumer },
    { entries: converterEntries(config) },
    { comment: 'Studio only (ignored by Kafka Connect)', entries: studioEntries(config, notes) },
  ];
  return formatProperties(`Milvus sink connector for the pipeline "${config.name}", exported by Kafka-Milvus Studio.`, sections);
}

export function exportProperties(config: PipelineConfig): ExportedProperties {
  const notes: string[] = [];
  const worker = workerText(config);
  const connector = connectorText(config, notes);
  return { worker, connector, notes };
}

export function exportJson(config: PipelineConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
