// Runs one pipeline in its own process, for crash tests: `npx tsx run-pipeline.ts <file.json>`,
// where the file holds { config, options? }. Prints one JSON line per state change and counters
// every 100 ms on stdout; SIGTERM stops gracefully, SIGKILL is what the tests use to crash it.
import { readFileSync } from 'node:fs';
import { createPipeline, type PipelineOptions } from '../../../electron/engine';
import { PipelineConfig } from '../../../shared/pipeline-config';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: run-pipeline.ts <config.json>\n');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8')) as { config: unknown; options?: Pick<PipelineOptions, 'consumer' | 'lagIntervalMs'> };
const config = PipelineConfig.parse(input.config);
const emit = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

const runner = createPipeline(config, {
  ...input.options,
  onState: (s) => emit({ type: 'state', state: s.state, cause: s.cause ?? null }),
  onLog: (e) => (e.level !== 'info' ? emit({ type: 'log', level: e.level, message: e.message }) : undefined),
});
const ticker = setInterval(() => emit({ type: 'counters', counters: runner.status().counters }), 100);

process.on('SIGTERM', () => {
  void runner.stop(10_000).then(() => {
    clearInterval(ticker);
    emit({ type: 'counters', counters: runner.status().counters });
    emit({ type: 'exit' });
    process.exit(0);
  });
});

runner.start().catch((e: unknown) => {
  emit({ type: 'error', message: String((e as Error).message ?? e) });
  process.exit(1);
});
