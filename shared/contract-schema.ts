// Schema commands of the typed contract (merged into shared/contract.ts): sample a topic without
// moving any consumer group, and create a collection (indexes, load) from an edited suggestion.
// Describing a collection is 'milvus.describeCollection'; creating a topic is 'kafka.createTopic'.
import { z } from 'zod';
import type { Phrase } from './convert/phrase';
import { KafkaTarget, MilvusTarget } from './domain';
import { SCALAR_TYPES, VECTOR_TYPES, type ArrayElementType, type CollectionSchema, type MilvusDataType, type VectorType } from './milvus-schema';
import { MilvusName, TopicName, ValueFormat } from './pipeline-config';
import type { InferredSchema } from './schema/infer-types';

export const SAMPLE_FROM = ['earliest', 'latest'] as const;
export type SampleFrom = (typeof SAMPLE_FROM)[number];
export const SAMPLE_MAX = 1000;
export const SAMPLE_DEFAULT_TIMEOUT_MS = 15_000;

export const SampleRequest = z.object({
  topic: TopicName,
  count: z.number().int().min(1).max(SAMPLE_MAX),
  from: z.enum(SAMPLE_FROM),
  valueFormat: ValueFormat.optional(),
  /** Reading stops here with what it has (a partial sample); connecting has its own deadline. */
  timeoutMs: z.number().int().min(500).max(60_000).optional(),
});
export type SampleRequest = z.infer<typeof SampleRequest>;

/** A message that parsed. `value` is its text, decoded again by the renderer (exact 64-bit integers survive). */
export interface SampledMessage {
  partition: number;
  offset: string;
  timestamp: number;
  key: string | null;
  value: string;
}

export interface UnparseableSample {
  partition: number;
  offset: string;
  /** A ConversionErrorCode of shared/convert. */
  code: string;
  message: string;
  /** The whole `message` as a phrase (field prefix included), for the reader's language. */
  words?: Phrase;
}

export interface TopicSample {
  topic: string;
  from: SampleFrom;
  requested: number;
  partitions: number;
  /** Records retained when sampling started (sum of high − low watermarks). */
  available: number;
  /** Records read: parsed plus unparseable. */
  read: number;
  /** Parsed messages, in the order `inferred` was built from. */
  messages: SampledMessage[];
  unparseable: { count: number; examples: UnparseableSample[] };
  inferred: InferredSchema;
  /** The time limit passed before `requested` records were read: a partial sample. */
  timedOut: boolean;
  /** The size budget was reached before `requested` records were read. */
  truncated: boolean;
  elapsedMs: number;
}

// --- Collection creation -------------------------------------------------------------------------

export const DIM_MIN = 2;
export const DIM_MAX = 32_768;
export const VARCHAR_MAX_LENGTH = 65_535;
export const ARRAY_MAX_CAPACITY = 4096;
export const MAX_FIELDS = 64;

export type VectorFamily = 'dense' | 'binary' | 'sparse';
export const INDEX_TYPES = ['AUTOINDEX', 'HNSW', 'IVF_FLAT', 'FLAT', 'BIN_FLAT', 'BIN_IVF_FLAT', 'SPARSE_INVERTED_INDEX', 'SPARSE_WAND'] as const;
export const METRIC_TYPES = ['COSINE', 'L2', 'IP', 'HAMMING', 'JACCARD'] as const;
export type IndexType = (typeof INDEX_TYPES)[number];
export type MetricType = (typeof METRIC_TYPES)[number];

/** What each kind of vector can be indexed with; the first entry of each list is the default. */
export const INDEX_CHOICES: Record<VectorFamily, { indexTypes: readonly IndexType[]; metrics: readonly MetricType[] }> = {
  dense: { indexTypes: ['AUTOINDEX', 'HNSW', 'IVF_FLAT', 'FLAT'], metrics: ['COSINE', 'L2', 'IP'] },
  binary: { indexTypes: ['AUTOINDEX', 'BIN_FLAT', 'BIN_IVF_FLAT'], metrics: ['HAMMING', 'JACCARD'] },
  sparse: { indexTypes: ['SPARSE_INVERTED_INDEX', 'SPARSE_WAND'], metrics: ['IP'] },
};

export function vectorFamily(t: VectorType): VectorFamily {
  if (t === 'BinaryVector') return 'binary';
  return t === 'SparseFloatVector' ? 'sparse' : 'dense';
}

/** The index a vector gets unless the user picks another: AUTOINDEX/COSINE, sparse inverted/IP. */
export function defaultIndex(t: VectorType): { indexType: IndexType; metricType: MetricType } {
  const c = INDEX_CHOICES[vectorFamily(t)];
  return { indexType: c.indexTypes[0] as IndexType, metricType: c.metrics[0] as MetricType };
}

export const ALL_TYPES = [...SCALAR_TYPES, ...VECTOR_TYPES] as const;
const isVector = (t: MilvusDataType): t is VectorType => (VECTOR_TYPES as readonly string[]).includes(t);
export const ELEMENT_TYPES = ['Bool', 'Int8', 'Int16', 'Int32', 'Int64', 'Float', 'Double', 'VarChar'] as const satisfies readonly ArrayElementType[];

export const NewField = z.object({
  name: MilvusName,
  dataType: z.enum(ALL_TYPES),
  description: z.string().max(1000).optional(),
  isPrimaryKey: z.boolean().optional(),
  autoID: z.boolean().optional(),
  dim: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  elementType: z.enum(ELEMENT_TYPES).optional(),
  maxCapacity: z.number().int().optional(),
  nullable: z.boolean().optional(),
  isPartitionKey: z.boolean().optional(),
  /** Vector fields only: the index built before the collection is loaded. */
  index: z.object({ indexType: z.enum(INDEX_TYPES), metricType: z.enum(METRIC_TYPES) }).optional(),
});
export type NewField = z.infer<typeof NewField>;

/** Codes of the schema rules below; the form translates them. */
export const COLLECTION_ISSUE_CODES = [
  'name_rule', 'duplicate_name', 'autoid_not_pk', 'pk_type', 'pk_nullable', 'pk_partition', 'partition_type', 'partition_nullable',
  'max_length', 'element_type', 'capacity', 'index_scalar', 'dim_binary', 'dim_range', 'dim_sparse', 'vector_key', 'index_missing',
  'index_type', 'metric', 'no_pk', 'two_pks', 'two_partition_keys', 'no_vector', 'too_many_fields',
] as const;
export type CollectionIssueCode = (typeof COLLECTION_ISSUE_CODES)[number];

/** A schema rule broken, with a stable code the form translates and an English sentence. */
export interface CollectionIssue {
  path: (string | number)[];
  code: CollectionIssueCode;
  message: string;
}

function checkField(f: NewField, i: number, out: CollectionIssue[]): void {
  const at = (key: string, code: CollectionIssueCode, message: string) => out.push({ path: ['fields', i, key], code, message });
  const inRange = (v: number | undefined, min: number, max: number) => v !== undefined && v >= min && v <= max;
  if (f.autoID && !f.isPrimaryKey) at('autoID', 'autoid_not_pk', 'only the primary key can be generated by Milvus (autoID)');
  if (f.isPrimaryKey) {
    if (f.dataType !== 'Int64' && f.dataType !== 'VarChar') at('dataType', 'pk_type', 'a primary key is Int64 or VarChar');
    if (f.nullable) at('nullable', 'pk_nullable', 'a primary key cannot be null');
    if (f.isPartitionKey) at('isPartitionKey', 'pk_partition', 'the primary key cannot also be the partition key');
  }
  if (f.isPartitionKey) {
    if (f.dataType !== 'Int64' && f.dataType !== 'VarChar') at('isPartitionKey', 'partition_type', 'a partition key is Int64 or VarChar');
    if (f.nullable) at('nullable', 'partition_nullable', 'a partition key cannot be null');
  }
  if ((f.dataType === 'VarChar' || (f.dataType === 'Array' && f.elementType === 'VarChar')) && !inRange(f.maxLength, 1, VARCHAR_MAX_LENGTH)) {
    at('maxLength', 'max_length', `the maximum length is a whole number from 1 to ${VARCHAR_MAX_LENGTH} (bytes)`);
  }
  if (f.dataType === 'Array') {
    if (!f.elementType) at('elementType', 'element_type', 'an array needs an element type');
    if (!inRange(f.maxCapacity, 1, ARRAY_MAX_CAPACITY)) at('maxCapacity', 'capacity', `the capacity is a whole number from 1 to ${ARRAY_MAX_CAPACITY}`);
  }
  if (!isVector(f.dataType)) {
    if (f.index) at('index', 'index_scalar', 'only vector fields get an index here');
    return;
  }
  const family = vectorFamily(f.dataType);
  if (family === 'binary' && !(inRange(f.dim, 8, DIM_MAX) && (f.dim ?? 0) % 8 === 0)) {
    at('dim', 'dim_binary', `a binary vector's dimension is a multiple of 8 from 8 to ${DIM_MAX} (bits)`);
  } else if (family === 'dense' && !inRange(f.dim, DIM_MIN, DIM_MAX)) {
    at('dim', 'dim_range', `the dimension is a whole number from ${DIM_MIN} to ${DIM_MAX}`);
  } else if (family === 'sparse' && f.dim !== undefined) at('dim', 'dim_sparse', 'a sparse vector has no fixed dimension');
  if (f.isPrimaryKey || f.isPartitionKey) at('dataType', 'vector_key', 'a vector cannot be a primary or partition key');
  const choices = INDEX_CHOICES[family];
  if (!f.index) at('index', 'index_missing', 'choose an index type and a metric for this vector');
  else {
    if (!choices.indexTypes.includes(f.index.indexType)) at('index', 'index_type', `${f.index.indexType} does not index a ${f.dataType}: use ${choices.indexTypes.join(', ')}`);
    if (!choices.metrics.includes(f.index.metricType)) at('index', 'metric', `${f.index.metricType} does not compare a ${f.dataType}: use ${choices.metrics.join(', ')}`);
  }
}

/** Every rule Milvus would enforce on the schema, as path-named issues (the form uses them too). */
export function collectionIssues(c: { fields: NewField[] }): CollectionIssue[] {
  const out: CollectionIssue[] = [];
  const seen = new Set<string>();
  c.fields.forEach((f, i) => {
    if (seen.has(f.name)) out.push({ path: ['fields', i, 'name'], code: 'duplicate_name', message: `another field is already named "${f.name}"` });
    seen.add(f.name);
    checkField(f, i, out);
  });
  const pks = c.fields.flatMap((f, i) => (f.isPrimaryKey ? [i] : []));
  if (pks.length === 0) out.push({ path: ['fields'], code: 'no_pk', message: 'choose one field as the primary key' });
  for (const i of pks.slice(1)) out.push({ path: ['fields', i, 'isPrimaryKey'], code: 'two_pks', message: 'a collection has exactly one primary key' });
  const partitionKeys = c.fields.flatMap((f, i) => (f.isPartitionKey ? [i] : []));
  for (const i of partitionKeys.slice(1)) out.push({ path: ['fields', i, 'isPartitionKey'], code: 'two_partition_keys', message: 'a collection has at most one partition key' });
  if (!c.fields.some((f) => isVector(f.dataType))) out.push({ path: ['fields'], code: 'no_vector', message: 'a collection needs at least one vector field' });
  return out;
}


export const NewCollection = z
  .object({
    name: MilvusName,
    description: z.string().max(1000).optional(),
    fields: z.array(NewField).min(1).max(MAX_FIELDS),
    enableDynamicField: z.boolean(),
  })
  .superRefine((c, ctx) => {
    for (const { path, message } of collectionIssues(c)) ctx.addIssue({ code: 'custom', path, message });
  });
export type NewCollection = z.infer<typeof NewCollection>;

export interface SchemaCommands {
  /** Reads up to `count` records without a consumer group of the user's (see schema-sample.ts). */
  'schema.sample': (target: KafkaTarget, request: SampleRequest) => TopicSample;
  /** Creates the collection, an index on every vector field, loads it, and describes it. */
  'schema.createCollection': (target: MilvusTarget, collection: NewCollection) => CollectionSchema;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaEvents {}

export const schemaArgs: { [K in keyof SchemaCommands]: z.ZodType<Parameters<SchemaCommands[K]>> } = {
  'schema.sample': z.tuple([KafkaTarget, SampleRequest]),
  'schema.createCollection': z.tuple([MilvusTarget, NewCollection]),
};

export const schemaEventFlags: { [K in keyof SchemaEvents]: true } = {};
