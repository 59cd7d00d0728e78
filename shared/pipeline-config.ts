// What a pipeline is: one source (Kafka topics), one target (a Milvus collection) and the rules in
// between. The schema validates with precise, path-named errors; types are inferred from it.
import { z } from 'zod';
import { KafkaConnection, MilvusConnection } from './connections';

export const StartPosition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('committed'), fallback: z.enum(['earliest', 'latest']) }),
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestampMs: z.number().int().nonnegative() }),
]);
export type StartPosition = z.infer<typeof StartPosition>;

export const WriteMode = z.enum(['insert', 'upsert', 'auto']);
export const ValueFormat = z.enum(['json', 'connect', 'auto']);
export const VectorEncoding = z.enum(['array', 'base64', 'auto']);
export const ExtraFieldPolicy = z.enum(['dynamic', 'drop', 'error']);
export const ErrorTolerance = z.enum(['none', 'all']);
export type WriteMode = z.infer<typeof WriteMode>;
export type ValueFormat = z.infer<typeof ValueFormat>;
export type VectorEncoding = z.infer<typeof VectorEncoding>;
export type ExtraFieldPolicy = z.infer<typeof ExtraFieldPolicy>;
export type ErrorTolerance = z.infer<typeof ErrorTolerance>;

const name = z.string().trim().min(1).max(255);
// Kafka's topic name rule: letters, digits, '.', '_', '-', at most 249 characters.
export const TopicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'topic names use letters, digits, ".", "_" and "-" (max 249)');
// Milvus collection/field name rule: start with a letter or '_', then letters, digits, '_'.
export const MilvusName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'names start with a letter or "_" and use letters, digits and "_"');

/** Source path (dot-separated inside the message value) → target collection field. */
export const FieldMapping = z.object({ source: z.string().min(1).max(1000), target: MilvusName });
export type FieldMapping = z.infer<typeof FieldMapping>;

export const RetryPolicy = z.object({
  /** Attempts per batch before it counts as failed; 0 = retry transient errors until stopped. */
  maxAttempts: z.number().int().min(0).max(1000),
  initialBackoffMs: z.number().int().min(10).max(600_000),
  maxBackoffMs: z.number().int().min(10).max(3_600_000),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** The fields without cross-field checks, so derived schemas (e.g. a saved spec) can omit/extend them. */
export const PipelineConfigShape = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids use letters, digits, "_" and "-"'),
  name,
  kafka: KafkaConnection,
  topics: z.union([
    z.object({ names: z.array(TopicName).min(1, 'at least one topic') }),
    z.object({ pattern: z.string().min(1).max(1000) }),
  ]),
  groupId: name,
  startPosition: StartPosition,
  milvus: MilvusConnection,
  database: z.string().max(255).optional(),
  collection: MilvusName,
  partition: z.string().max(255).optional(),
  writeMode: WriteMode,
  mapping: z.array(FieldMapping).max(10_000),
  ignore: z.array(z.string().max(1000)).max(10_000),
  valueFormat: ValueFormat,
  vectorEncoding: VectorEncoding,
  extraFields: ExtraFieldPolicy,
  batchSize: z.number().int().min(1).max(100_000),
  lingerMs: z.number().int().min(0).max(60_000),
  maxInFlightBatches: z.number().int().min(1).max(64),
  retry: RetryPolicy,
  errorTolerance: ErrorTolerance,
  deadLetterTopic: TopicName.optional(),
});

type CrossChecked = Pick<PipelineConfig, 'errorTolerance' | 'deadLetterTopic' | 'topics' | 'retry'>;
/** Checks that span several fields, shared by every schema derived from the shape. */
export function checkPipeline(c: CrossChecked, ctx: z.RefinementCtx): void {
  if (c.errorTolerance === 'all' && !c.deadLetterTopic) {
    ctx.addIssue({ code: 'custom', path: ['deadLetterTopic'], message: 'errors.tolerance=all needs a dead-letter topic so bad records are kept, not dropped' });
  }
  if ('pattern' in c.topics) {
    try {
      new RegExp(c.topics.pattern);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['topics', 'pattern'], message: `not a valid regular expression: ${(e as Error).message}` });
    }
  }
  if (c.retry.maxBackoffMs < c.retry.initialBackoffMs) {
    ctx.addIssue({ code: 'custom', path: ['retry', 'maxBackoffMs'], message: 'must be at least initialBackoffMs' });
  }
}

export const PipelineConfig = PipelineConfigShape.superRefine(checkPipeline);
export type PipelineConfig = z.infer<typeof PipelineConfigShape>;

export const PIPELINE_DEFAULTS = {
  startPosition: { kind: 'committed', fallback: 'earliest' },
  writeMode: 'auto',
  mapping: [],
  ignore: [],
  valueFormat: 'auto',
  vectorEncoding: 'auto',
  extraFields: 'dynamic',
  // The SDK's client-side cost per row grows with request size; ~200 rows of 768-dim vectors is its sweet spot.
  batchSize: 200,
  lingerMs: 50,
  maxInFlightBatches: 2,
  retry: { maxAttempts: 0, initialBackoffMs: 500, maxBackoffMs: 15_000 },
  errorTolerance: 'all',
} as const satisfies Partial<PipelineConfig>;

/** Render zod issues as "path: message" lines, the form every caller shows to people. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`);
}
