// Where a pipeline starts reading. "committed" is the group's own position (kafkajs falls back to
// earliest/latest when there is none); the others become explicit seeks, applied once to the
// partitions this member owns at its first join.
import type { PipelineConfig, StartPosition } from '../../shared/pipeline-config';
import { ClassifiedError, type OffsetPosition, type RecordSource, type TopicPartitionOffset } from '../clients/types';

/** The topic names a pipeline reads: its list (all must exist) or what its pattern matches now. */
export async function resolveTopics(spec: PipelineConfig['topics'], listTopics: () => Promise<string[]>): Promise<string[]> {
  const existing = await listTopics();
  if ('pattern' in spec) {
    const re = new RegExp(spec.pattern);
    const matched = existing.filter((name) => re.test(name)).sort();
    if (!matched.length) throw ClassifiedError.of('fatal', { code: 'cause.noTopicMatch', params: { pattern: spec.pattern } });
    return matched;
  }
  const missing = spec.names.filter((n) => !existing.includes(n));
  if (missing.length) throw ClassifiedError.of('fatal', { code: 'cause.topicMissing', params: { topics: missing.join(', ') } });
  return [...spec.names];
}

export async function startSeeks(source: RecordSource, topics: string[], start: StartPosition): Promise<TopicPartitionOffset[] | undefined> {
  let position: OffsetPosition;
  switch (start.kind) {
    case 'committed':
      return undefined;
    case 'earliest':
    case 'latest':
      position = start.kind;
      break;
    case 'timestamp':
      position = { timestampMs: start.timestampMs };
      break;
  }
  const seeks: TopicPartitionOffset[] = [];
  for (const topic of topics) {
    for (const { partition, offset } of await source.offsetsAt(topic, position)) seeks.push({ topic, partition, offset });
  }
  return seeks;
}
