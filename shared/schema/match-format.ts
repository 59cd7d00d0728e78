// Short type labels for the two sides of a match row, and the "did you mean" lookup for fields
// whose message key differs only in case or punctuation (exact names are the official
// connector's trap: it silently fails on "Title" vs "title").
import type { FieldSchema } from '../milvus-schema';
import type { InferredField, JsonKind } from './infer-types';

/** "FloatVector(8)", "VarChar(512)", "Array<VarChar(16)>[8]", "Int64 PK autoID", "Double?" (nullable). */
export function targetTypeLabel(f: FieldSchema): string {
  let t: string = f.dataType;
  if (f.dataType === 'VarChar' && f.maxLength !== undefined) t = `VarChar(${f.maxLength})`;
  else if (f.dim !== undefined) t = `${f.dataType}(${f.dim})`;
  else if (f.dataType === 'Array') {
    const el = f.elementType === 'VarChar' && f.maxLength !== undefined ? `VarChar(${f.maxLength})` : (f.elementType ?? '?');
    t = `Array<${el}>${f.maxCapacity !== undefined ? `[${f.maxCapacity}]` : ''}`;
  }
  if (f.isPrimaryKey) t += f.autoID ? ' PK autoID' : ' PK';
  if (f.nullable) t += '?';
  return t;
}

const KIND_LABEL: Record<JsonKind, string> = {
  null: 'null',
  boolean: 'boolean',
  integer: 'integer',
  float: 'float',
  string: 'string',
  object: 'object',
  'array-of-numbers': 'numbers',
  'array-of-strings': 'strings',
  'array-other': 'array',
  bigint: 'integer',
};

/** What messages carry at a path, most frequent kind first: "numbers[768]", "string ≤ 88 B, null". */
export function sourceTypeLabel(f: InferredField | undefined): string | undefined {
  if (!f) return undefined;
  const kinds = (Object.entries(f.types) as [JsonKind, number][]).sort((a, b) => b[1] - a[1]);
  const labels: string[] = [];
  for (const [k] of kinds) {
    let label = KIND_LABEL[k];
    if (k === 'array-of-numbers' && f.numberArray) label = `numbers[${f.numberArray.dim}]`;
    else if (k === 'array-of-strings' && f.stringArray) label = `strings[≤ ${f.stringArray.maxElements}]`;
    else if (k === 'string' && f.base64Vector && f.base64Vector.share >= 0.9) label = `base64 float32[${f.base64Vector.dim}]`;
    else if (k === 'string' && f.string) label = `string ≤ ${f.string.maxBytes} B`;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.join(', ');
}

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A top-level message field whose name matches `target` loosely, and that nothing else uses. */
export function similarField(target: string, fields: readonly InferredField[], used: ReadonlySet<string>): string | undefined {
  const want = normalise(target);
  if (!want) return undefined;
  return fields.find((f) => f.depth === 0 && f.path !== target && !used.has(f.path) && normalise(f.path) === want)?.path;
}
