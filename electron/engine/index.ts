// The engine's public entry: plain Node, no Electron. The CLI and the app's pipeline service create
// runners here; each runner owns its clients, so many can run side by side in one process.
import type { PipelineConfig } from '../../shared/pipeline-config';
import { Pipeline, type PipelineOptions, type PipelineRunner } from './pipeline';

export type { PipelineOptions, PipelineRunner } from './pipeline';

export function createPipeline(config: PipelineConfig, options: PipelineOptions = {}): PipelineRunner {
  return new Pipeline(config, options);
}
