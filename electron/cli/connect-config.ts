// Kafka Connect's two files (worker + Milvus sink connector) → a PipelineConfig, so a user of the
// official kafka-connect-milvus switches without rewriting anything. Pure: files come in parsed,
// referenced certificate files through `files`, and every decision comes back as a diagnostic.
import { PIPELINE_DEFAULTS, PipelineConfig, TopicName } from '../../shared/pipeline-config';
import type { ParsedProperties } from './properties';
import { ConnectSources, parseEnumSetting, parseIntSetting, type Diagnostic, type Setting } from './connect-source';
import { mapKafka } from './connect-kafka';
import { reportRemainingKeys } from './connect-keys';
import { readStudioKeys } from './connect-studio-keys';
import type { FileReader } from './connect-tls';

export type { Diagnostic } from './connect-source';
export type { FileReader } from './connect-tls';

export const MILVUS_SINK_CLASS = 'com.milvus.io.kafka.MilvusSinkConnector';

export type ConnectMapping = { ok: true; config: PipelineConfig; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Kafka Connect names a sink's consumer group `connect-<name>`; same name → same committed offsets. */
export function connectGroupId(name: string): string {
  return `connect-${name}`;
}

/** Pipeline ids allow fewer characters than Connect names. */
export function defaultPipelineId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
}

/** Java regexes full-match topic names; a JS RegExp finds a match anywhere, so we anchor it. */
export function anchorPattern(p: string): string {
  return p.startsWith('^') && p.endsWith('$') ? p : `^(?:${p})$`;
}

function required(src: ConnectSources, key: string, what: string): Setting | undefined {
  const s = src.connector.get(key);
  if (!s || s.value === '') src.connector.report('error', key, `required: ${what}`);
  return s && s.value !== '' ? s : undefined;
}

function topics(src: ConnectSources): PipelineConfig['topics'] | undefined {
  const list = src.connector.get('topics');
  const regex = src.connector.get('topics.regex');
  if (list?.value && regex?.value) {
    src.error(regex, 'topics and topics.regex cannot both be set');
    return undefined;
  }
  if (regex?.value) {
    try {
      new RegExp(regex.value);
    } catch (e) {
      src.error(regex, `not a valid regular expression: ${(e as Error).message}`);
      return undefined;
    }
    return { pattern: anchorPattern(regex.value) };
  }
  const names = (list?.value ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (!names.length) {
    src.connector.report('error', 'topics', 'required: a comma-separated list of topics (or topics.regex)');
    return undefined;
  }
  const bad = names.find((t) => !TopicName.safeParse(t).success);
  if (bad !== undefined) {
    src.error(list!, `'${bad}' is not a valid topic name (letters, digits, ".", "_" and "-", at most 249)`);
    return undefined;
  }
  return { names };
}

function errorHandling(src: ConnectSources, name: string): Pick<PipelineConfig, 'errorTolerance' | 'deadLetterTopic'> {
  const tol = src.connector.get('errors.tolerance');
  const dlq = src.connector.get('errors.deadletterqueue.topic.name');
  const tolerance = tol ? parseEnumSetting(src, tol, ['none', 'all'] as const) : 'none';
  let deadLetterTopic = dlq?.value || undefined;
  if (deadLetterTopic !== undefined && !TopicName.safeParse(deadLetterTopic).success) {
    src.error(dlq!, `'${deadLetterTopic}' is not a valid topic name`);
    deadLetterTopic = undefined;
  }
  if (!tol) {
    src.connector.report('note', 'errors.tolerance', 'not set: the pipeline stops at the first record it cannot write (Kafka Connect\'s default); set errors.tolerance=all to send such records to a dead-letter topic instead');
  } else if (tolerance === 'all' && deadLetterTopic === undefined && !dlq) {
    // Kafka Connect would log and drop such records; we never drop silently.
    deadLetterTopic = `${name}-dlq`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 249);
    src.source(tol.file).report('note', 'errors.tolerance', `all without errors.deadletterqueue.topic.name: records that cannot be written go to the dead-letter topic ${deadLetterTopic} instead of being dropped`);
  }
  if (tolerance === 'none' && deadLetterTopic !== undefined && dlq) {
    src.source(dlq.file).report('note', dlq.key, 'not used while errors.tolerance=none (as in Kafka Connect): the pipeline stops at the first record it cannot write');
  }
  return { errorTolerance: tolerance ?? 'none', deadLetterTopic };
}

/** As Kafka Connect checks too: a sink must not consume its own dead-letter topic (a loop). */
function checkDlqNotConsumed(src: ConnectSources, sel: PipelineConfig['topics'] | undefined, dlq: string | undefined): void {
  if (!sel || dlq === undefined) return;
  const hit = 'names' in sel ? sel.names.includes(dlq) : new RegExp(sel.pattern).test(dlq);
  if (!hit) return;
  const key = src.connector.has('errors.deadletterqueue.topic.name') ? 'errors.deadletterqueue.topic.name' : 'errors.tolerance';
  src.connector.report('error', key, `the dead-letter topic ${dlq} is also one of the topics this sink consumes; pick another name`);
}

function startAndBatch(src: ConnectSources, studioBatch: number | undefined): Pick<PipelineConfig, 'startPosition' | 'batchSize'> {
  const reset = src.consumer('auto.offset.reset', false);
  // Kafka Connect sets auto.offset.reset=earliest for sinks unless told otherwise.
  let fallback: 'earliest' | 'latest' = 'earliest';
  if (reset) {
    if (reset.value.toLowerCase() === 'none') src.error(reset, "none (fail when the group has no committed offset) is not supported; use earliest or latest");
    else fallback = parseEnumSetting(src, reset, ['earliest', 'latest'] as const) ?? 'earliest';
  }
  const poll = src.consumer('max.poll.records', false);
  const polled = poll ? parseIntSetting(src, poll, 1, 100_000) : undefined;
  if (poll && studioBatch !== undefined) src.source(poll.file).report('note', poll.key, 'not used: studio.batch.size takes precedence');
  const batchSize = studioBatch ?? polled ?? PIPELINE_DEFAULTS.batchSize;
  return { startPosition: { kind: 'committed', fallback }, batchSize };
}

function milvusTarget(src: ConnectSources): Pick<PipelineConfig, 'milvus' | 'database' | 'collection'> | undefined {
  const endpoint = required(src, 'public.endpoint', 'the Milvus or Zilliz Cloud endpoint, e.g. http://127.0.0.1:19530');
  const token = src.connector.get('token');
  const database = src.connector.get('database.name');
  const collection = required(src, 'collection.name', 'the collection to write to');
  if (endpoint && /[<>]/.test(endpoint.value)) src.error(endpoint, `still the tutorial's placeholder ('${endpoint.value}'); put your endpoint here`);
  if (token && /^\*+$/.test(token.value)) src.connector.report('warning', 'token', "looks like the tutorial's placeholder (only asterisks); it is sent as is");
  if (!endpoint || !collection) return undefined;
  const out: Pick<PipelineConfig, 'milvus' | 'database' | 'collection'> = { milvus: { address: endpoint.value }, collection: collection.value };
  if (token?.value) out.milvus.token = token.value;
  if (database?.value) out.database = database.value;
  return out;
}

type Where = ['worker' | 'connector', string];
const consumerKey = (k: string): Where[] => [['connector', `consumer.override.${k}`], ['worker', `consumer.${k}`], ['worker', k]];
/** Where a schema issue path points in the files (first key present wins), so errors name the key. */
const ISSUE_KEYS: [RegExp, Where[]][] = [
  [/^kafka\.brokers/, consumerKey('bootstrap.servers')],
  [/^kafka\.sasl/, consumerKey('sasl.jaas.config')],
  [/^kafka\.clientId/, consumerKey('client.id').slice(0, 2)],
  [/^id$/, [['connector', 'studio.id'], ['connector', 'name']]],
  [/^groupId$/, [...consumerKey('group.id').slice(0, 2), ['connector', 'name']]],
  [/^name$/, [['connector', 'name']]],
  [/^milvus\.address/, [['connector', 'public.endpoint']]],
  [/^milvus\.token/, [['connector', 'token']]],
  [/^database/, [['connector', 'database.name']]],
  [/^collection/, [['connector', 'collection.name']]],
  [/^partition/, [['connector', 'studio.partition']]],
  [/^mapping/, [['connector', 'studio.mapping']]],
  [/^retry/, [['connector', 'studio.retry.max.backoff.ms'], ['connector', 'studio.retry.initial.backoff.ms']]],
  [/^topics/, [['connector', 'topics.regex'], ['connector', 'topics']]],
  [/^deadLetterTopic/, [['connector', 'errors.deadletterqueue.topic.name'], ['connector', 'errors.tolerance']]],
];

function reportIssue(src: ConnectSources, path: string, message: string): void {
  const candidates = ISSUE_KEYS.find(([re]) => re.test(path))?.[1];
  if (!candidates) {
    src.connector.report('error', undefined, `${path}: ${message}`);
    return;
  }
  const fileOf = (w: Where) => (w[0] === 'worker' ? src.worker : src.connector);
  const hit = candidates.find((w) => fileOf(w).has(w[1])) ?? (candidates[candidates.length - 1] as Where);
  const text = path === 'retry.maxBackoffMs' ? `studio.retry.max.backoff.ms (default ${PIPELINE_DEFAULTS.retry.maxBackoffMs}) must be at least studio.retry.initial.backoff.ms` : message;
  fileOf(hit).report('error', hit[1], text);
}

/**
 * producer.* / admin.* connection keys that repeat the consumer's values (as Connect requires for
 * secured clusters) are fine: Studio's dead-letter producer and admin share the sink's connection.
 */
function acceptSameClientSettings(src: ConnectSources): void {
  for (const key of src.worker.unused()) {
    const m = /^(producer|admin)\.(bootstrap\.servers|security\.protocol|sasl\..+|ssl\..+)$/.exec(key);
    if (!m?.[2]) continue;
    const e = src.worker.props.entries;
    const effective = src.connector.props.entries.get(`consumer.override.${m[2]}`) ?? e.get(`consumer.${m[2]}`) ?? e.get(m[2]);
    if (effective?.value.trim() === e.get(key)?.value.trim()) src.worker.markUsed(key);
  }
}

export function connectToPipeline(worker: ParsedProperties, connector: ParsedProperties, files: FileReader): ConnectMapping {
  const src = new ConnectSources(worker, connector);
  for (const f of [src.worker, src.connector]) {
    for (const [key, e] of f.props.entries) {
      if (/\$\{[^}:]+:[^}]*\}/.test(e.value)) f.report('error', key, 'config provider references (${provider:...}) are not resolved by Studio; put the value itself in the file');
    }
  }
  const nameSetting = required(src, 'name', 'the connector name (it also names the consumer group, connect-<name>)');
  const name = nameSetting?.value ?? 'connector';
  const cls = src.connector.get('connector.class');
  if (cls && cls.value !== MILVUS_SINK_CLASS) {
    src.connector.report('warning', 'connector.class', `is ${cls.value}, not ${MILVUS_SINK_CLASS}; reading the file as a Milvus sink anyway`);
  }
  const kafka = mapKafka(src, files);
  acceptSameClientSettings(src);
  const topicSel = topics(src);
  const target = milvusTarget(src);
  const errors = errorHandling(src, name);
  if (errors.errorTolerance === 'all') checkDlqNotConsumed(src, topicSel, errors.deadLetterTopic);
  const group = src.consumer('group.id', false);
  const studio = readStudioKeys(src);
  const startBatch = startAndBatch(src, studio.batchSize);
  reportRemainingKeys(src.worker);
  reportRemainingKeys(src.connector);
  if (src.hasErrors() || !topicSel || !target) return { ok: false, diagnostics: src.diags };

  const { startPosition: studioStart, retry, ...rest } = studio;
  const start = studioStart?.kind === 'committed' || !studioStart ? startBatch.startPosition : studioStart;
  const candidate = {
    ...PIPELINE_DEFAULTS,
    id: defaultPipelineId(name),
    name,
    kafka,
    topics: topicSel,
    groupId: group?.value || connectGroupId(name),
    ...target,
    ...errors,
    ...rest,
    batchSize: startBatch.batchSize,
    startPosition: start,
    retry: { ...PIPELINE_DEFAULTS.retry, ...retry },
  };
  const parsed = PipelineConfig.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(src, issue.path.map(String).join('.'), issue.message);
    return { ok: false, diagnostics: src.diags };
  }
  return { ok: true, config: parsed.data, diagnostics: src.diags };
}
