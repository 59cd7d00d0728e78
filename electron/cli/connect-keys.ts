// Kafka Connect keys that mean nothing (or something else) for Studio: each is accepted with a
// one-line note saying why, so a user switching from Connect sees exactly what was not carried over.
import type { PropsSource } from './connect-source';

type Rule = { match: (key: string) => boolean; level: 'note' | 'warning'; message: (key: string, value: string) => string };

const exact = (...keys: string[]) => (k: string) => keys.includes(k);
const prefix = (...ps: string[]) => (k: string) => ps.some((p) => k === p.replace(/\.$/, '') || k.startsWith(p));

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
const TEXT_CONVERTERS = [JSON_CONVERTER, 'org.apache.kafka.connect.storage.StringConverter', 'org.apache.kafka.connect.converters.ByteArrayConverter'];

const RULES: Rule[] = [
  {
    match: (k) => k === 'value.converter',
    level: 'note',
    message: (_k, v) =>
      TEXT_CONVERTERS.includes(v) || v === ''
        ? 'not used: Studio reads JSON values itself (studio.value.format=auto also accepts the {schema, payload} envelope)'
        : `Studio reads JSON values only; records written for ${v.split('.').pop()} will fail conversion and go to the dead-letter topic`,
  },
  {
    match: prefix('value.converter.', 'key.converter', 'header.converter', 'internal.key.converter', 'internal.value.converter'),
    level: 'note',
    message: () => 'not used: Studio decodes records itself (studio.value.format, studio.vector.encoding)',
  },
  { match: prefix('plugin.path', 'plugin.discovery'), level: 'note', message: () => 'not used: the Milvus sink is built into Studio, no plugins are loaded' },
  {
    match: prefix('offset.storage.', 'offset.flush.'),
    level: 'note',
    message: () => "not used: a sink's offsets live in its Kafka consumer group; Studio commits them after each write",
  },
  { match: prefix('config.storage.', 'status.storage.'), level: 'note', message: () => 'not used: Studio keeps no Connect cluster state' },
  {
    match: (k) => k.startsWith('rest.') || k === 'listeners' || k.startsWith('listeners.') || k === 'admin.listeners' || k.startsWith('admin.listeners.'),
    level: 'note',
    message: () => 'not used: there is no Connect REST API; `kafka-milvus-studio serve` offers the web UI',
  },
  {
    match: exact('group.id'),
    level: 'note',
    message: () => "not used: this is the Connect cluster's group; the sink's consumer group is connect-<name> (or consumer.group.id)",
  },
  { match: exact('client.id'), level: 'note', message: () => "not used: this names the worker's own clients; set consumer.client.id for the sink's consumer" },
  { match: exact('task.shutdown.graceful.timeout.ms'), level: 'note', message: () => 'not used: Studio stops within 8 s on SIGINT/SIGTERM, committing what was written' },
  { match: exact('connector.client.config.override.policy'), level: 'note', message: () => 'not used: consumer.override.* in the connector file is always applied' },
  {
    match: prefix('metrics.', 'metric.reporters', 'auto.include.jmx.reporter'),
    level: 'note',
    message: () => 'not used: no JMX metrics; the status line and the Studio UI show rates, lag and counts',
  },
  {
    match: exact('exactly.once.source.support', 'scheduled.rebalance.max.delay.ms', 'heartbeat.interval.ms', 'session.timeout.ms', 'rebalance.timeout.ms', 'worker.sync.timeout.ms', 'worker.unsync.backoff.ms', 'connect.protocol', 'inter.worker.key.generation.algorithm', 'inter.worker.key.size', 'inter.worker.key.ttl.ms', 'inter.worker.signature.algorithm', 'inter.worker.verification.algorithms', 'response.http.headers.config', 'topic.creation.enable', 'access.control.allow.origin', 'access.control.allow.methods'),
    level: 'note',
    message: () => 'not used: a Connect worker setting with no counterpart in Studio',
  },
  {
    match: (k) => /^ssl\.(protocol|enabled\.protocols|cipher\.suites|provider|keymanager\.algorithm|trustmanager\.algorithm|secure\.random\.implementation|engine\.factory\.class)$/.test(k.replace(/^consumer\.(override\.)?/, '')),
    level: 'note',
    message: () => "not used: Node's TLS defaults apply (TLS 1.2 or later, its cipher list)",
  },
  {
    match: prefix('producer.', 'producer.override.'),
    level: 'note',
    message: () => "not used: Studio's dead-letter producer uses the sink's connection settings",
  },
  { match: prefix('admin.', 'admin.override.'), level: 'note', message: () => "not used: Studio's admin calls use the sink's connection settings" },
  { match: prefix('consumer.'), level: 'note', message: () => 'not used: consumer tuning is not applied; Studio sizes fetches itself' },
  {
    match: exact('tasks.max'),
    level: 'note',
    message: () => 'not used: concurrency comes from the consumer group; run more instances with the same files to share the partitions',
  },
  {
    match: exact('errors.log.enable', 'errors.log.include.messages'),
    level: 'note',
    message: () => 'not used: Studio always logs each record it cannot write with topic, partition, offset and reason, never its payload',
  },
  {
    match: exact('errors.retry.timeout', 'errors.retry.delay.max.ms'),
    level: 'note',
    message: () => 'not used: Studio retries transient Milvus and Kafka failures with backoff until stopped (studio.retry.*)',
  },
  {
    match: prefix('errors.deadletterqueue.topic.replication.factor', 'errors.deadletterqueue.context.headers.enable'),
    level: 'note',
    message: () => "not used: Studio decides the dead-letter topic's settings and headers",
  },
  { match: exact('config.action.reload'), level: 'note', message: () => 'not used: restart Studio to apply changed files' },
  {
    match: prefix('transforms', 'predicates'),
    level: 'warning',
    message: () => "single message transforms are not applied; use Studio's field mapping (studio.mapping) instead",
  },
  {
    match: prefix('config.providers'),
    level: 'warning',
    message: () => 'config providers are not supported: ${provider:...} references are read as literal text',
  },
];

/** Every key not yet handled gets its note, or an "unknown key" warning. */
export function reportRemainingKeys(file: PropsSource): void {
  for (const key of file.unused()) {
    const rule = RULES.find((r) => r.match(key));
    const value = file.props.entries.get(key)?.value.trim() ?? '';
    if (rule) file.report(rule.level, key, rule.message(key, value));
    else file.report('warning', key, 'unknown key, ignored');
    file.markUsed(key);
  }
  for (const d of file.props.duplicates) {
    file.report('warning', d.key, `given ${d.lines.length} times (lines ${d.lines.join(', ')}); the last one is used, as in Kafka Connect`);
  }
}
