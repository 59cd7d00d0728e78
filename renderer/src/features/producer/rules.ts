// The conversion rules live validation uses: those of the pipeline that connects the chosen topic and
// collection (running ones first), or the defaults a new pipeline would get.
import type { PipelineView } from '../../../../shared/contract';
import type { ConvertOptions } from '../../../../shared/convert';
import { PIPELINE_DEFAULTS } from '../../../../shared/pipeline-config';

export const DEFAULT_RULES: ConvertOptions = {
  mapping: [],
  ignore: [],
  valueFormat: PIPELINE_DEFAULTS.valueFormat,
  vectorEncoding: PIPELINE_DEFAULTS.vectorEncoding,
  extraFields: PIPELINE_DEFAULTS.extraFields,
};

export function readsTopic(v: PipelineView, topic: string): boolean {
  if (v.status.topics.includes(topic)) return true;
  const t = v.spec.topics;
  if ('names' in t) return t.names.includes(topic);
  try {
    return new RegExp(t.pattern).test(topic);
  } catch {
    return false;
  }
}

const ACTIVE = new Set(['running', 'retrying', 'paused', 'starting']);

export function pipelineFor(views: PipelineView[], topic: string, collection: string): PipelineView | undefined {
  const matches = views.filter((v) => v.spec.collection === collection && readsTopic(v, topic));
  return matches.find((v) => ACTIVE.has(v.status.state)) ?? matches[0];
}
