// `run <pipeline.json>` and `connect-standalone <worker.properties> <connector.properties>`: load
// the pipeline, then run it in the foreground until a signal or a fatal error.
import type { PipelineConfig } from '../../shared/pipeline-config';
import type { CliContext } from './cli-context';
import { CliError, EXIT } from './exit-codes';
import { loadConnectFiles, loadPipelineJson } from './load-config';
import { runPipeline } from './run-pipeline';

export async function runConfig(config: PipelineConfig, ctx: CliContext): Promise<number> {
  // Loaded here so help, export and config errors never pay for the Kafka and Milvus clients.
  const { createPipeline } = await import('../engine/index');
  return runPipeline(config, { createPipeline, out: ctx.out, err: ctx.err, signals: ctx.signals });
}

function positionals(argv: string[], count: number, usage: string): string[] {
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown !== undefined) throw new CliError(EXIT.usage, `error: unknown option ${unknown}\nusage: ${usage}`);
  if (argv.length !== count) throw new CliError(EXIT.usage, `error: expected ${count === 1 ? 'one file' : `${count} files`}, got ${argv.length}\nusage: ${usage}`);
  return argv;
}

export async function runCommand(argv: string[], ctx: CliContext): Promise<number> {
  const [file] = positionals(argv, 1, 'kafka-milvus-studio run <pipeline.json>') as [string];
  return runConfig(loadPipelineJson(file), ctx);
}

export async function connectStandaloneCommand(argv: string[], ctx: CliContext): Promise<number> {
  const usage = 'kafka-milvus-studio connect-standalone <worker.properties> <connector.properties>';
  if (argv.filter((a) => !a.startsWith('-')).length > 2) {
    throw new CliError(EXIT.usage, `error: one connector file per process: start one instance per connector\nusage: ${usage}`);
  }
  const [worker, connector] = positionals(argv, 2, usage) as [string, string];
  return runConfig(loadConnectFiles(worker, connector, ctx.err), ctx);
}
