// Reading the two Kafka Connect files: which file and key a setting came from (for precise
// messages), which keys were used (the rest get a note or an "unknown key" warning), and the
// precedence Kafka Connect applies to a sink's consumer settings.
import type { ParsedProperties } from './properties';

export type DiagnosticLevel = 'note' | 'warning' | 'error';

export interface Diagnostic {
  level: DiagnosticLevel;
  file: string;
  key?: string;
  line?: number;
  message: string;
}

/** `connector.properties: errors.tolerance: expected none or all, got 'some'` (+ line for errors). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.key !== undefined ? `${d.file}: ${d.key}` : d.file;
  const line = d.line !== undefined && d.level !== 'note' ? ` (line ${d.line})` : '';
  return `${d.level}: ${where}: ${d.message}${line}`;
}

export interface Setting {
  value: string;
  file: string;
  key: string;
  line: number;
}

export class PropsSource {
  private readonly used = new Set<string>();

  constructor(
    readonly props: ParsedProperties,
    private readonly diags: Diagnostic[],
  ) {}

  get file(): string {
    return this.props.file;
  }

  /** The setting, trimmed as Kafka's ConfigDef trims values; marks the key as handled. */
  get(key: string): Setting | undefined {
    const e = this.props.entries.get(key);
    if (!e) return undefined;
    this.used.add(key);
    return { value: e.value.trim(), file: this.props.file, key, line: e.line };
  }

  has(key: string): boolean {
    return this.props.entries.has(key);
  }

  keys(): string[] {
    return [...this.props.entries.keys()];
  }

  markUsed(key: string): void {
    this.used.add(key);
  }

  unused(): string[] {
    return this.keys().filter((k) => !this.used.has(k));
  }

  report(level: DiagnosticLevel, key: string | undefined, message: string): void {
    const line = key !== undefined ? this.props.entries.get(key)?.line : undefined;
    this.diags.push({ level, file: this.props.file, key, line, message });
  }
}

/** Both files plus the shared diagnostics list. */
export class ConnectSources {
  readonly diags: Diagnostic[] = [];
  readonly worker: PropsSource;
  readonly connector: PropsSource;

  constructor(worker: ParsedProperties, connector: ParsedProperties) {
    this.worker = new PropsSource(worker, this.diags);
    this.connector = new PropsSource(connector, this.diags);
  }

  /**
   * A setting of the sink's consumer. Kafka Connect builds it from the worker's top-level value
   * (connection keys only), then `consumer.` in the worker, then `consumer.override.` in the
   * connector. Every layer present is marked handled; a shadowed layer gets a note.
   */
  consumer(key: string, includeTopLevel: boolean): Setting | undefined {
    const layers = [
      this.connector.get(`consumer.override.${key}`),
      this.worker.get(`consumer.${key}`),
      includeTopLevel ? this.worker.get(key) : undefined,
    ].filter((s): s is Setting => s !== undefined);
    const [winner, ...shadowed] = layers;
    for (const s of shadowed) {
      if (winner && s.value !== winner.value) {
        this.source(s.file).report('note', s.key, `not used for the sink's consumer: ${winner.file} sets ${winner.key}, which takes precedence`);
      }
    }
    return winner;
  }

  source(file: string): PropsSource {
    return file === this.connector.file ? this.connector : this.worker;
  }

  error(s: Pick<Setting, 'file' | 'key'>, message: string): void {
    this.source(s.file).report('error', s.key, message);
  }

  hasErrors(): boolean {
    return this.diags.some((d) => d.level === 'error');
  }
}

/** A strict integer (Kafka rejects "10 ms" and "1e3" too). */
export function parseIntSetting(src: ConnectSources, s: Setting, min: number, max: number): number | undefined {
  if (!/^-?\d+$/.test(s.value)) {
    src.error(s, `expected a whole number, got '${s.value}'`);
    return undefined;
  }
  const n = Number(s.value);
  if (n < min || n > max) {
    src.error(s, `expected a number from ${min} to ${max}, got ${s.value}`);
    return undefined;
  }
  return n;
}

export function parseEnumSetting<T extends string>(src: ConnectSources, s: Setting, allowed: readonly T[], caseInsensitive = true): T | undefined {
  const v = caseInsensitive ? s.value.toLowerCase() : s.value;
  const hit = allowed.find((a) => (caseInsensitive ? a.toLowerCase() : a) === v);
  if (hit === undefined) {
    const list = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(', ')}`;
    src.error(s, `expected ${list}, got '${s.value}'`);
  }
  return hit;
}

export function parseBoolSetting(src: ConnectSources, s: Setting): boolean | undefined {
  const v = s.value.toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  src.error(s, `expected true or false, got '${s.value}'`);
  return undefined;
}
