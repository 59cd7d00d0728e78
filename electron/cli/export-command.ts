// `export --format properties|json <pipeline.json | worker.properties connector.properties> [--out DIR]`
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from './cli-context';
import { CliError, EXIT } from './exit-codes';
import { exportJson, exportProperties } from './export-config';
import { loadConnectFiles, loadPipelineJson } from './load-config';

const USAGE = 'usage: kafka-milvus-studio export --format properties|json <pipeline.json | worker.properties connector.properties> [--out DIR]';

interface ExportArgs {
  format: 'properties' | 'json';
  inputs: string[];
  out?: string;
}

function usageError(message: string): CliError {
  return new CliError(EXIT.usage, `error: ${message}\n${USAGE}`);
}

export function parseExportArgs(argv: string[]): ExportArgs {
  let format: string | undefined;
  let out: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--format' || flag === '--out') {
      const value = inline ?? argv[++i];
      if (!value) throw usageError(`${flag} needs a value`);
      if (flag === '--format') format = value;
      else out = value;
    } else if (a.startsWith('-') && a !== '-') throw usageError(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (format === undefined) throw usageError('--format is required');
  if (format !== 'properties' && format !== 'json') throw usageError(`--format: expected properties or json, got '${format}'`);
  if (inputs.length !== 1 && inputs.length !== 2) throw usageError(`expected a pipeline JSON or two properties files, got ${inputs.length} files`);
  return { format, inputs, out };
}

function write(dir: string, name: string, text: string, ctx: CliContext): void {
  const path = join(dir, name);
  try {
    mkdirSync(dir, { recursive: true });
    // Tokens and passwords are in these files: readable by the user only.
    writeFileSync(path, text, { mode: 0o600 });
  } catch (e) {
    throw new CliError(EXIT.runtime, `error: cannot write ${path}: ${(e as Error).message}`);
  }
  ctx.err(`wrote ${path}`);
}

export async function exportCommand(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseExportArgs(argv);
  const [first, second] = args.inputs as [string, string | undefined];
  const config = second === undefined ? loadPipelineJson(first) : loadConnectFiles(first, second, ctx.err);
  if (args.format === 'json') {
    const text = exportJson(config);
    if (args.out) write(args.out, `${config.id}.json`, text, ctx);
    else ctx.out(text.trimEnd());
    return EXIT.ok;
  }
  const files = exportProperties(config);
  for (const n of files.notes) ctx.err(`note: ${n}`);
  if (args.out) {
    write(args.out, 'worker.properties', files.worker, ctx);
    write(args.out, 'connector.properties', files.connector, ctx);
  } else {
    ctx.out(`#### worker.properties ####\n${files.worker}\n#### connector.properties ####\n${files.connector.trimEnd()}`);
  }
  return EXIT.ok;
}
