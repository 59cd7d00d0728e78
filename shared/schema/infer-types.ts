// What inference learns from a handful of topic messages. Plain data (no Maps, no bigint) so it
// can cross the IPC/WebSocket boundary and be rendered as is.
import type { Phrase } from '../convert/phrase';

export const JSON_KINDS = [
  'null',
  'boolean',
  'integer',
  'float',
  'string',
  'object',
  'array-of-numbers',
  'array-of-strings',
  'array-other',
  'bigint',
] as const;
export type JsonKind = (typeof JSON_KINDS)[number];

/** One bucket of a length histogram: `count` arrays (or decoded vectors) had `length` elements. */
export interface LengthBucket {
  length: number;
  count: number;
}

export interface NumberArrayStats {
  count: number;
  /** Most common length first. */
  lengths: LengthBucket[];
  /** Most common length: the vector dimension if this is a vector. */
  dim: number;
  /** Share of arrays whose length is `dim`. */
  dimShare: number;
  allIntegers: boolean;
  /** Every element an integer in 0..255: could be a packed BinaryVector. */
  allBytes: boolean;
  vectorCandidate: boolean;
  binaryCandidate: boolean;
}

export interface StringStats {
  count: number;
  /** Longest value in UTF-8 bytes (Milvus counts bytes, not characters). */
  maxBytes: number;
  suggestedMaxLength: number;
}

/** Strings that decode as base64 little-endian float32 with plausible values. */
export interface Base64VectorStats {
  count: number;
  /** Share of the field's strings that looked like vectors. */
  share: number;
  /** Decoded float counts, most common first. */
  lengths: LengthBucket[];
  dim: number;
}

export interface StringArrayStats {
  count: number;
  maxElements: number;
  /** Longest element in UTF-8 bytes. */
  maxElementBytes: number;
}

export interface InferredField {
  /** Dot-separated path inside the message value ("a.b"). */
  path: string;
  /** 0 for top-level keys: only those become collection fields without a mapping. */
  depth: number;
  /** Observed kinds with counts; kinds never seen are absent. */
  types: Partial<Record<JsonKind, number>>;
  /** Samples where the path exists (a null value counts as present). */
  present: number;
  nulls: number;
  /** Parsed samples without this path. */
  missing: number;
  nullRatio: number;
  missingRatio: number;
  /** Integers seen, range kept as numbers (bigint values only widen `hasBigint`). */
  integerRange?: { min: number; max: number };
  numberArray?: NumberArrayStats;
  string?: StringStats;
  base64Vector?: Base64VectorStats;
  stringArray?: StringArrayStats;
  /** Longest array of any kind (Array max_capacity). */
  maxArrayLength?: number;
  emptyArrays: number;
  /** Every non-null value distinct (only tracked for integers and strings). */
  unique: boolean;
  /** First few values, shortened for display. */
  examples: string[];
}

export interface PrimaryKeyCandidate {
  path: string;
  kind: 'integer' | 'string';
  /** Higher ranks first: name hints (id, _id, pk, key) weigh most. */
  score: number;
  /** True when a name hint backs the choice; unique-by-chance fields in few samples are weak. */
  strong: boolean;
}

export interface UnparseableReason {
  /** Index of the sample in the input. */
  index: number;
  code: string;
  message: string;
  /** The message's words, for readers in other languages (see shared/convert/phrase.ts). */
  words?: Phrase;
}

export interface InferredSchema {
  sampleCount: number;
  parsedCount: number;
  unparseable: { count: number; reasons: UnparseableReason[] };
  formats: { json: number; connect: number };
  /** Overall value format: 'none' when nothing parsed. */
  format: 'json' | 'connect' | 'mixed' | 'none';
  /** Paths whose strings look like base64 float32 vectors. */
  base64VectorPaths: string[];
  /** Samples whose value is not a JSON object (conversion needs objects). */
  nonObjects: number;
  /** In order of first appearance; parents before children. */
  fields: InferredField[];
  primaryKeyCandidates: PrimaryKeyCandidate[];
  /** Kafka message keys, for information (a unique key can back an id field). */
  keys: { present: number; unique: boolean };
  /** True when `maxFields` stopped path tracking; further new paths were not recorded. */
  truncated: boolean;
}

export interface InferOptions {
  /** How values are parsed; default 'auto' (plain JSON or Connect envelope). */
  valueFormat?: 'json' | 'connect' | 'auto';
  /** Nested objects are flattened down to this depth (top level = 0). Default 4. */
  maxDepth?: number;
  /** Examples kept per field. Default 3. */
  maxExamples?: number;
  /** Distinct paths tracked at most; protects memory on pathological messages. Default 2000. */
  maxFields?: number;
}
