// The conversion rules of the chosen target, for live validation (see rules.ts).
import { useMemo } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { ConvertOptions } from '../../../../shared/convert';
import { useApp } from '../../stores/context';
import { DEFAULT_RULES, pipelineFor } from './rules';

export function useRules(): { pipeline?: PipelineView; opts: ConvertOptions } {
  const views = useApp('pipelines', (s) => s.pipelines);
  const topic = useApp('producer', (s) => s.target.topic);
  const collection = useApp('producer', (s) => s.target.collection);
  return useMemo(() => {
    const pipeline = topic && collection ? pipelineFor(views, topic, collection) : undefined;
    if (!pipeline) return { opts: DEFAULT_RULES };
    const { mapping, ignore, valueFormat, vectorEncoding, extraFields } = pipeline.spec;
    return { pipeline, opts: { mapping, ignore, valueFormat, vectorEncoding, extraFields } };
  }, [views, topic, collection]);
}
