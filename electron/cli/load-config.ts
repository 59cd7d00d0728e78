// Loading a pipeline from the files a user names on the command line: a PipelineConfig JSON, or
// Kafka Connect's worker + connector properties. Problems become CliError(EXIT.config) with the
// file, key and reason; notes and warnings go to `err` as they are found.
import { readFileSync } from 'node:fs';
import { PIPELINE_DEFAULTS, PipelineConfig, describeIssues } from '../../shared/pipeline-config';
import { connectToPipeline } from './connect-config';
import { formatDiagnostic } from './connect-source';
import { CliError, EXIT } from './exit-codes';
import { parseProperties, PropertiesError, type ParsedProperties } from './properties';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(EXIT.config, `error: ${path}: cannot read: ${reason}`);
  }
}

function readProperties(path: string): ParsedProperties {
  try {
    return parseProperties(readText(path), path);
  } catch (e) {
    if (e instanceof PropertiesError) throw new CliError(EXIT.config, `error: ${e.message}`);
    throw e;
  }
}

export function loadConnectFiles(workerPath: string, connectorPath: string, err: (line: string) => void): PipelineConfig {
  const worker = readProperties(workerPath);
  const connector = readProperties(connectorPath);
  const result = connectToPipeline(worker, connector, { readFile: (p) => readFileSync(p, 'utf8') });
  const sorted = [...result.diagnostics].sort((a, b) => rank(a.level) - rank(b.level));
  for (const d of sorted) err(formatDiagnostic(d));
  if (!result.ok) {
    const n = result.diagnostics.filter((d) => d.level === 'error').length;
    throw new CliError(EXIT.config, `${n} error${n === 1 ? '' : 's'} in ${workerPath} / ${connectorPath}; nothing was started`);
  }
  return result.config;
}

const rank = (level: string) => (level === 'note' ? 0 : level === 'warning' ? 1 : 2);

/** A PipelineConfig JSON with PIPELINE_DEFAULTS filled in for the fields it leaves out. */
export function loadPipelineJson(path: string): PipelineConfig {
  const text = readText(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(EXIT.config, `error: ${path}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CliError(EXIT.config, `error: ${path}: expected a JSON object with the pipeline's settings`);
  }
  const given = raw as Record<string, unknown>;
  const isObject = typeof given.retry === 'object' && given.retry !== null && !Array.isArray(given.retry);
  // A malformed retry is left for the schema to name; a partial one is completed from the defaults.
  const retry = isObject ? { ...PIPELINE_DEFAULTS.retry, ...(given.retry as object) } : (given.retry ?? PIPELINE_DEFAULTS.retry);
  const parsed = PipelineConfig.safeParse({ ...PIPELINE_DEFAULTS, ...given, retry });
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues).map((l) => `error: ${path}: ${l}`);
    throw new CliError(EXIT.config, lines.join('\n'));
  }
  return parsed.data;
}
