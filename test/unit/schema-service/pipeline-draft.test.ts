import { describe, expect, it } from 'vitest';
import type { PipelineView } from '../../../shared/contract';
import { PipelineSpec } from '../../../shared/domain';
import { PIPELINE_DEFAULTS } from '../../../shared/pipeline-config';
import { deadLetterTopicFor, newPipelineSpec, updatedPipelineSpec, type SchemaChoices } from '../../../renderer/src/features/schema/pipeline-draft';

const choices: SchemaChoices = {
  kafkaProfileId: 'k1',
  milvusProfileId: 'm1',
  topic: 'articles',
  collection: 'medium_articles',
  mapping: [{ source: 'Title', target: 'title' }],
  ignore: ['debug'],
  extraFields: 'drop',
};

describe('pipelines from the schema view', () => {
  it('creates a valid spec with the engine defaults, its own group and a dead-letter topic', () => {
    const spec = newPipelineSpec(choices, '');
    expect(PipelineSpec.safeParse(spec).success).toBe(true);
    expect(spec).toMatchObject({
      name: 'articles → medium_articles',
      topics: { names: ['articles'] },
      groupId: 'kafka-milvus-studio-medium_articles',
      deadLetterTopic: 'articles-dlq',
      errorTolerance: PIPELINE_DEFAULTS.errorTolerance,
      batchSize: PIPELINE_DEFAULTS.batchSize,
      mapping: choices.mapping,
      ignore: ['debug'],
      extraFields: 'drop',
    });
    expect(newPipelineSpec(choices, '  Articles  ').name).toBe('Articles');
  });

  it('keeps dead-letter topic names legal for long topics', () => {
    const long = 'x'.repeat(249);
    expect(deadLetterTopicFor(long)).toHaveLength(249);
    expect(deadLetterTopicFor(long).endsWith('-dlq')).toBe(true);
  });

  it('updates a saved spec, keeping its topics when they already cover the chosen topic', () => {
    const saved = newPipelineSpec({ ...choices, mapping: [], ignore: [] }, 'p');
    const view = (topics: PipelineView['spec']['topics']): PipelineView => ({ spec: { ...saved, id: 'p-1', topics }, status: {} as PipelineView['status'] });
    const byPattern = updatedPipelineSpec(view({ pattern: '^art.*' }), choices);
    expect(byPattern).toMatchObject({ id: 'p-1', topics: { pattern: '^art.*' }, mapping: choices.mapping, ignore: ['debug'], extraFields: 'drop' });
    expect(updatedPipelineSpec(view({ names: ['a', 'articles'] }), choices).topics).toEqual({ names: ['a', 'articles'] });
    expect(updatedPipelineSpec(view({ names: ['other'] }), choices).topics).toEqual({ names: ['articles'] });
    expect(PipelineSpec.safeParse(byPattern).success).toBe(true);
  });
});
