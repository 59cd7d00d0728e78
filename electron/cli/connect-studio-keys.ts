// studio.* extension keys in connector.properties: the pipeline settings Kafka Connect has no key
// for. The official connector ignores unknown keys, so the same file still works there.
import type { FieldMapping, PipelineConfig, StartPosition } from '../../shared/pipeline-config';
import { ExtraFieldPolicy, ValueFormat, VectorEncoding, WriteMode } from '../../shared/pipeline-config';
import { parseEnumSetting, parseIntSetting, type ConnectSources } from './connect-source';

export type StudioOverrides = Partial<Pick<PipelineConfig, 'id' | 'partition' | 'writeMode' | 'batchSize' | 'lingerMs' | 'maxInFlightBatches' | 'valueFormat' | 'vectorEncoding' | 'extraFields' | 'mapping' | 'ignore'>> & {
  startPosition?: Exclude<StartPosition, { kind: 'committed' }> | { kind: 'committed' };
  retry?: Partial<PipelineConfig['retry']>;
};

export const STUDIO_KEYS = {
  id: 'studio.id',
  partition: 'studio.partition',
  writeMode: 'studio.write.mode',
  batchSize: 'studio.batch.size',
  lingerMs: 'studio.linger.ms',
  maxInFlightBatches: 'studio.max.in.flight.batches',
  valueFormat: 'studio.value.format',
  vectorEncoding: 'studio.vector.encoding',
  extraFields: 'studio.extra.fields',
  startPosition: 'studio.start.position',
  mapping: 'studio.mapping',
  ignore: 'studio.ignore',
  retryMaxAttempts: 'studio.retry.max.attempts',
  retryInitialBackoffMs: 'studio.retry.initial.backoff.ms',
  retryMaxBackoffMs: 'studio.retry.max.backoff.ms',
} as const;

/** `committed`, `earliest`, `latest`, `timestamp:<epoch ms>` or `timestamp:<ISO date>`. */
function startPosition(src: ConnectSources, key: string): StudioOverrides['startPosition'] {
  const s = src.connector.get(key);
  if (!s) return undefined;
  const v = s.value.toLowerCase();
  if (v === 'committed' || v === 'earliest' || v === 'latest') return { kind: v };
  if (v.startsWith('timestamp:')) {
    const raw = s.value.slice('timestamp:'.length).trim();
    const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    if (Number.isFinite(ms) && ms >= 0) return { kind: 'timestamp', timestampMs: ms };
  }
  src.error(s, `expected committed, earliest, latest or timestamp:<epoch ms | ISO date>, got '${s.value}'`);
  return undefined;
}

/** `source:target` pairs separated by commas, e.g. `meta.title:title,vec:title_vector`. */
function mapping(src: ConnectSources, key: string): FieldMapping[] | undefined {
  const s = src.connector.get(key);
  if (!s) return undefined;
  const out: FieldMapping[] = [];
  for (const pair of s.value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf(':');
    if (at <= 0 || at === pair.length - 1) {
      src.error(s, `expected source:target pairs separated by commas, got '${pair}'`);
      return undefined;
    }
    out.push({ source: pair.slice(0, at).trim(), target: pair.slice(at + 1).trim() });
  }
  return out;
}

export function readStudioKeys(src: ConnectSources): StudioOverrides {
  const o: StudioOverrides = {};
  const c = src.connector;
  const str = (key: string) => c.get(key)?.value || undefined;
  const int = (key: string, min: number, max: number) => {
    const s = c.get(key);
    return s ? parseIntSetting(src, s, min, max) : undefined;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]) => {
    const s = c.get(key);
    return s ? parseEnumSetting(src, s, allowed) : undefined;
  };
  o.id = str(STUDIO_KEYS.id);
  o.partition = str(STUDIO_KEYS.partition);
  o.writeMode = oneOf(STUDIO_KEYS.writeMode, WriteMode.options);
  o.batchSize = int(STUDIO_KEYS.batchSize, 1, 100_000);
  o.lingerMs = int(STUDIO_KEYS.lingerMs, 0, 60_000);
  o.maxInFlightBatches = int(STUDIO_KEYS.maxInFlightBatches, 1, 64);
  o.valueFormat = oneOf(STUDIO_KEYS.valueFormat, ValueFormat.options);
  o.vectorEncoding = oneOf(STUDIO_KEYS.vectorEncoding, VectorEncoding.options);
  o.extraFields = oneOf(STUDIO_KEYS.extraFields, ExtraFieldPolicy.options);
  o.startPosition = startPosition(src, STUDIO_KEYS.startPosition);
  o.mapping = mapping(src, STUDIO_KEYS.mapping);
  const ignore = c.get(STUDIO_KEYS.ignore);
  if (ignore) o.ignore = ignore.value.split(',').map((p) => p.trim()).filter(Boolean);
  const retry = {
    maxAttempts: int(STUDIO_KEYS.retryMaxAttempts, 0, 1000),
    initialBackoffMs: int(STUDIO_KEYS.retryInitialBackoffMs, 10, 600_000),
    maxBackoffMs: int(STUDIO_KEYS.retryMaxBackoffMs, 10, 3_600_000),
  };
  const given = Object.entries(retry).filter(([, v]) => v !== undefined);
  if (given.length) o.retry = Object.fromEntries(given);
  for (const k of Object.keys(o) as (keyof StudioOverrides)[]) if (o[k] === undefined) delete o[k];
  return o;
}
