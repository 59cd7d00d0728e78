// One engine in its own process: `npx tsx run-engine.ts <file.json>`, the file holding
// { config, options? }. Prints JSON lines on stdout: hello (pid), state changes, warnings, counters
// with RSS every 100 ms. SIGTERM stops gracefully; the drills use SIGKILL to crash it.
import { readFileSync } from 'node:fs';
import { createPipeline, type PipelineOptions } from '../../../electron/engine';
import { PipelineConfig } from '../../../shared/pipeline-config';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: run-engine.ts <config.json>\n');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8')) as { config: unknown; options?: Pick<PipelineOptions, 'consumer' | 'lagIntervalMs'> };
const config = PipelineConfig.parse(input.config);
const emit = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

// A crash must be visible as such, not as a silent exit.
process.on('uncaughtException', (e) => {
  emit({ type: 'crash', message: String(e?.stack ?? e) });
  process.exit(70);
});
process.on('unhandledRejection', (e) => {
  emit({ type: 'crash', message: `unhandled rejection: ${String((e as Error)?.stack ?? e)}` });
  process.exit(70);
});

emit({ type: 'hello', pid: process.pid });
const runner = createPipeline(config, {
  ...input.options,
  onState: (s) => emit({ type: 'state', state: s.state, cause: s.cause ?? null }),
  onLog: (e) => (e.level !== 'info' && e.kind !== 'dead-letter' ? emit({ type: 'log', level: e.level, message: e.message }) : undefined),
});
const counters = (): void => emit({ type: 'counters', counters: runner.status().counters, rss: process.memoryUsage.rss() });
const ticker = setInterval(counters, 100);

process.on('SIGTERM', () => {
  void runner.stop(20_000).then(() => {
    clearInterval(ticker);
    counters();
    emit({ type: 'exit', state: runner.status().state });
    process.exit(0);
  });
});

runner.start().catch((e: unknown) => {
  emit({ type: 'error', message: String((e as Error)?.message ?? e) });
  process.exit(1);
});
