// The "new pipeline" form, pure: defaults (profiles the wizard saved last are preselected, the
// dead-letter topic follows the first topic, the group follows the name), checks and the saved spec.
import type { PipelineSpec, ProfileView } from '../../../../shared/domain';
import { PIPELINE_DEFAULTS, TopicName, type WriteMode } from '../../../../shared/pipeline-config';

export type StartChoice = 'earliest' | 'latest' | 'timestamp';

export interface PipelineForm {
  name: string;
  kafkaProfileId: string;
  topics: string[];
  milvusProfileId: string;
  collection: string;
  writeMode: WriteMode;
  batchSize: string;
  deadLetter: boolean;
  deadLetterTopic: string;
  /** False while the topic follows `<first topic>-dlq`. */
  dlqEdited: boolean;
  groupId: string;
  groupEdited: boolean;
  start: StartChoice;
  /** `datetime-local` value, local time. */
  startAt: string;
}

export type FormField = 'name' | 'kafkaProfileId' | 'topics' | 'milvusProfileId' | 'collection' | 'batchSize' | 'deadLetterTopic' | 'groupId' | 'startAt';
export type FormProblem = 'required' | 'topicsRequired' | 'batchSize' | 'topicName' | 'nameTaken' | 'dlqIsSource' | 'startAt';
export type FormErrors = Partial<Record<FormField, FormProblem>>;

/** The newest profile of a kind: the one the wizard just saved, or the last one edited. */
export function newestProfile(profiles: readonly ProfileView[], kind: ProfileView['kind']): string {
  const mine = profiles.filter((p) => p.kind === kind).sort((a, b) => b.updatedAt - a.updatedAt);
  return mine[0]?.id ?? '';
}

export const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export const defaultGroupId = (name: string): string => `kafka-milvus-studio-${slug(name) || 'pipeline'}`;
export const defaultDlqTopic = (topics: readonly string[]): string => (topics[0] ? `${topics[0]}-dlq`.slice(0, 249) : '');

/** "Pipeline 3" style default name, unique among existing names. */
export function nextName(base: string, existing: readonly string[]): string {
  for (let n = existing.length + 1; ; n++) if (!existing.includes(`${base} ${n}`)) return `${base} ${n}`;
}

export function initialForm(profiles: readonly ProfileView[], name: string): PipelineForm {
  return {
    name,
    kafkaProfileId: newestProfile(profiles, 'kafka'),
    topics: [],
    milvusProfileId: newestProfile(profiles, 'milvus'),
    collection: '',
    writeMode: PIPELINE_DEFAULTS.writeMode,
    batchSize: String(PIPELINE_DEFAULTS.batchSize),
    deadLetter: true,
    deadLetterTopic: '',
    dlqEdited: false,
    groupId: defaultGroupId(name),
    groupEdited: false,
    start: 'earliest',
    startAt: '',
  };
}

/** Applies a change and keeps the derived defaults (DLQ topic, group id) in step until edited. */
export function patchForm(f: PipelineForm, patch: Partial<PipelineForm>): PipelineForm {
  const next = { ...f, ...patch };
  if ('deadLetterTopic' in patch) next.dlqEdited = true;
  if ('groupId' in patch) next.groupEdited = true;
  if (!next.dlqEdited) next.deadLetterTopic = defaultDlqTopic(next.topics);
  if (!next.groupEdited) next.groupId = defaultGroupId(next.name);
  if ('kafkaProfileId' in patch && patch.kafkaProfileId !== f.kafkaProfileId) next.topics = [];
  if ('milvusProfileId' in patch && patch.milvusProfileId !== f.milvusProfileId) next.collection = '';
  return next;
}

export function parseLocalDateTime(v: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  const t = new Date(v).getTime();
  return Number.isFinite(t) ? t : null;
}

export function validateForm(f: PipelineForm, takenNames: readonly string[]): FormErrors {
  const e: FormErrors = {};
  const name = f.name.trim();
  if (!name) e.name = 'required';
  else if (takenNames.includes(name)) e.name = 'nameTaken';
  if (!f.kafkaProfileId) e.kafkaProfileId = 'required';
  if (!f.topics.length) e.topics = 'topicsRequired';
  if (!f.milvusProfileId) e.milvusProfileId = 'required';
  if (!f.collection) e.collection = 'required';
  const size = Number(f.batchSize);
  if (!/^\d+$/.test(f.batchSize.trim()) || size < 1 || size > 100_000) e.batchSize = 'batchSize';
  if (f.deadLetter) {
    const t = f.deadLetterTopic.trim();
    if (!t) e.deadLetterTopic = 'required';
    else if (!TopicName.safeParse(t).success) e.deadLetterTopic = 'topicName';
    else if (f.topics.includes(t)) e.deadLetterTopic = 'dlqIsSource';
  }
  if (!f.groupId.trim()) e.groupId = 'required';
  if (f.start === 'timestamp' && parseLocalDateTime(f.startAt) === null) e.startAt = 'startAt';
  return e;
}

/**
 * The spec to save. The start choice becomes "committed offsets, else earliest/latest", so a restart
 * continues where it stopped; a timestamp is applied once as an offset reset right after creation.
 */
export function formToSpec(f: PipelineForm): { spec: PipelineSpec; startTimestampMs?: number } {
  const spec: PipelineSpec = {
    ...PIPELINE_DEFAULTS,
    mapping: [],
    ignore: [],
    id: 'new',
    name: f.name.trim(),
    kafkaProfileId: f.kafkaProfileId,
    milvusProfileId: f.milvusProfileId,
    topics: { names: [...f.topics] },
    groupId: f.groupId.trim(),
    collection: f.collection,
    writeMode: f.writeMode,
    batchSize: Number(f.batchSize),
    startPosition: { kind: 'committed', fallback: f.start === 'latest' ? 'latest' : 'earliest' },
    retry: { ...PIPELINE_DEFAULTS.retry },
    errorTolerance: f.deadLetter ? 'all' : 'none',
    ...(f.deadLetter ? { deadLetterTopic: f.deadLetterTopic.trim() } : {}),
  };
  const at = f.start === 'timestamp' ? parseLocalDateTime(f.startAt) : null;
  return at === null ? { spec } : { spec, startTimestampMs: at };
}
