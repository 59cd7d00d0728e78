// Java .properties files, read with java.util.Properties.load semantics so a Kafka Connect file
// means here exactly what it means to the JVM, and written back so the JVM reads the same values.

export interface PropertyEntry {
  value: string;
  /** 1-based line where the key's logical line starts (the last occurrence wins, as in Java). */
  line: number;
}

export interface ParsedProperties {
  file: string;
  entries: Map<string, PropertyEntry>;
  /** Keys given more than once: Java silently keeps the last, we tell the user. */
  duplicates: { key: string; lines: number[] }[];
}

export class PropertiesError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

const WHITESPACE = new Set([' ', '\t', '\f']);

interface LogicalLine {
  text: string;
  line: number;
}

/** Splits into logical lines: comments and blank lines dropped, continuations joined. */
function logicalLines(text: string): LogicalLine[] {
  const natural = text.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  for (let i = 0; i < natural.length; i++) {
    let raw = natural[i] ?? '';
    if (i === 0 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    let start = 0;
    while (start < raw.length && WHITESPACE.has(raw[start] ?? '')) start++;
    const rest = raw.slice(start);
    if (!current) {
      // Comments are decided per natural line that starts a logical line; a trailing backslash on
      // a comment does not continue it (Java's LineReader behaves the same way).
      if (rest === '' || rest.startsWith('#') || rest.startsWith('!')) continue;
      current = { text: '', line: i + 1 };
    }
    let slashes = 0;
    for (let j = rest.length - 1; j >= 0 && rest[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 1) {
      current.text += rest.slice(0, -1);
      continue;
    }
    current.text += rest;
    out.push(current);
    current = undefined;
  }
  // A continuation at end of file simply ends the value, as in Java.
  if (current) out.push(current);
  return out;
}

function unescape(s: string, file: string, line: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    if (n === 't') out += '\t';
    else if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === 'f') out += '\f';
    else if (n === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw new PropertiesError(file, line, `malformed \\uXXXX escape: \\u${hex}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else out += n; // any other escaped character stands for itself, backslash dropped
  }
  return out;
}

/** Splits a logical line into its raw (still escaped) key and value. */
function splitKeyValue(text: string): [string, string] {
  let i = 0;
  let hasSep = false;
  for (; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '=' || c === ':') {
      hasSep = true;
      break;
    }
    if (WHITESPACE.has(c)) break;
  }
  const key = text.slice(0, i);
  let v = hasSep ? i + 1 : i;
  while (v < text.length && WHITESPACE.has(text[v] ?? '')) v++;
  // After a whitespace-terminated key, one '=' or ':' may still follow, then more whitespace.
  if (!hasSep && (text[v] === '=' || text[v] === ':')) {
    v++;
    while (v < text.length && WHITESPACE.has(text[v] ?? '')) v++;
  }
  return [key, text.slice(v)];
}

export function parseProperties(text: string, file: string): ParsedProperties {
  const entries = new Map<string, PropertyEntry>();
  const seen = new Map<string, number[]>();
  for (const { text: logical, line } of logicalLines(text)) {
    const [rawKey, rawValue] = splitKeyValue(logical);
    const key = unescape(rawKey, file, line);
    entries.set(key, { value: unescape(rawValue, file, line), line });
    seen.set(key, [...(seen.get(key) ?? []), line]);
  }
  const duplicates = [...seen].filter(([, lines]) => lines.length > 1).map(([key, lines]) => ({ key, lines }));
  return { file, entries, duplicates };
}

function escapeChars(s: string, isKey: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const code = c.charCodeAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    // Separators matter only in keys, and comment marks only where a key starts; values stay readable.
    else if (isKey && (c === '=' || c === ':' || ((c === '#' || c === '!') && i === 0))) out += `\\${c}`;
    else if (c === ' ' && (isKey || i === 0)) out += '\\ ';
    // Kafka reads property files as ISO-8859-1: anything outside printable ASCII is escaped.
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

/** One `key=value` line; multi-line values (PEM) continue on the next lines for readability. */
export function formatProperty(key: string, value: string): string {
  const lines = value.split('\n');
  const body = lines
    .map((part, i) => {
      // escapeChars escapes each part's leading blank, which the reader would drop after a continuation.
      const escaped = escapeChars(part, false);
      return i < lines.length - 1 ? `${escaped}\\n\\` : escaped;
    })
    .join('\n    ');
  return `${escapeChars(key, true)}=${body}`;
}

export type PropertiesSection = { comment?: string; entries: [string, string][] };

/** A whole file: sections separated by a blank line, each with an optional `# comment`. */
export function formatProperties(header: string, sections: PropertiesSection[]): string {
  const blocks = [header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')];
  for (const s of sections) {
    if (!s.entries.length) continue;
    const lines = s.comment ? [`# ${s.comment}`] : [];
    lines.push(...s.entries.map(([k, v]) => formatProperty(k, v)));
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
