// Pipelines from the schema view's choices: a new spec with the documented defaults, or a saved
// spec with the mapping (and topic/collection) replaced. Pure, so the rules are unit-tested.
import type { PipelineView } from '../../../../shared/contract';
import type { PipelineSpec } from '../../../../shared/domain';
import { PIPELINE_DEFAULTS, type ExtraFieldPolicy, type FieldMapping } from '../../../../shared/pipeline-config';

export interface SchemaChoices {
  kafkaProfileId: string;
  topic: string;
  milvusProfileId: string;
  collection: string;
  mapping: FieldMapping[];
  ignore: string[];
  extraFields: ExtraFieldPolicy;
}

const MAX_TOPIC = 249;

/** "<topic>-dlq", shortened so it stays a legal topic name. */
export function deadLetterTopicFor(topic: string): string {
  return `${topic.slice(0, MAX_TOPIC - 4)}-dlq`;
}

export const defaultPipelineName = (c: Pick<SchemaChoices, 'topic' | 'collection'>): string => `${c.topic} → ${c.collection}`.slice(0, 255);

/** A new pipeline: the engine's defaults, a group of its own, and a dead-letter topic. */
export function newPipelineSpec(c: SchemaChoices, name: string): PipelineSpec {
  return {
    ...PIPELINE_DEFAULTS,
    // main assigns the real id
    id: 'new',
    name: name.trim() || defaultPipelineName(c),
    kafkaProfileId: c.kafkaProfileId,
    milvusProfileId: c.milvusProfileId,
    topics: { names: [c.topic] },
    groupId: `kafka-milvus-studio-${c.collection}`.slice(0, 255),
    collection: c.collection,
    mapping: c.mapping,
    ignore: c.ignore,
    extraFields: c.extraFields,
    deadLetterTopic: deadLetterTopicFor(c.topic),
    startPosition: { ...PIPELINE_DEFAULTS.startPosition },
    retry: { ...PIPELINE_DEFAULTS.retry },
  };
}

function topicsCover(spec: PipelineSpec, topic: string): boolean {
  if ('names' in spec.topics) return spec.topics.names.includes(topic);
  try {
    return new RegExp(spec.topics.pattern).test(topic);
  } catch {
    return false;
  }
}

/** The saved spec with these choices: topics are kept when they already cover the chosen topic. */
export function updatedPipelineSpec(view: PipelineView, c: SchemaChoices): PipelineSpec {
  const { spec } = view;
  return {
    ...spec,
    kafkaProfileId: c.kafkaProfileId,
    milvusProfileId: c.milvusProfileId,
    topics: topicsCover(spec, c.topic) ? spec.topics : { names: [c.topic] },
    collection: c.collection,
    mapping: c.mapping,
    ignore: c.ignore,
    extraFields: c.extraFields,
  };
}

/** The topic a pipeline reads first, if it names its topics. */
export const pipelineTopic = (view: PipelineView): string | null => ('names' in view.spec.topics ? (view.spec.topics.names[0] ?? null) : null);
