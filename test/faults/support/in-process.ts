// An engine runner in the test process, with everything it reports recorded.
import { createPipeline, type PipelineRunner } from '../../../electron/engine';
import type { PipelineConfig } from '../../../shared/pipeline-config';
import type { LogEntry, PipelineStatus } from '../../../shared/pipeline-status';
import { FAST_GROUP } from './config';

export interface Recorded {
  runner: PipelineRunner;
  states: PipelineStatus[];
  logs: LogEntry[];
  /** processed = written + deadLettered + skipped. */
  processed(): number;
  /** 1 if the pipeline ever ended 'failed'. */
  crashes(): number;
}

export function inProcess(config: PipelineConfig): Recorded {
  const states: PipelineStatus[] = [];
  const logs: LogEntry[] = [];
  const runner = createPipeline(config, { onState: (s) => states.push(s), onLog: (e) => logs.push(e), consumer: FAST_GROUP, lagIntervalMs: 1_000 });
  return {
    runner,
    states,
    logs,
    processed: () => {
      const c = runner.status().counters;
      return c.written + c.deadLettered + c.skipped;
    },
    crashes: () => (states.some((s) => s.state === 'failed') ? 1 : 0),
  };
}
