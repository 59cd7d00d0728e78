// The editable "create collection from this topic" form model: starts from the shared suggestion
// (suggestCollectionSchema), edits one field at a time, and validates with the contract's own rules
// so the form shows exactly what main would refuse. Pure: no DOM, no React.
import { ARRAY_MAX_CAPACITY, collectionIssues, defaultIndex, DIM_MAX, DIM_MIN, MAX_FIELDS, VARCHAR_MAX_LENGTH, type CollectionIssueCode, type NewCollection, type NewField } from '../../../../shared/contract-schema';
import { MilvusName } from '../../../../shared/pipeline-config';
import { isVectorType, type CollectionSchema, type FieldSchema, type MilvusDataType } from '../../../../shared/milvus-schema';
import { suggestCollectionSchema, type InferredSchema } from '../../../../shared/schema';

export type CollectionDraft = NewCollection;

/** Form issue codes keyed by path: "name", "fields", "fields.2.dim". */
export type DraftIssues = Record<string, CollectionIssueCode>;

export function fieldFromSchema(f: FieldSchema): NewField {
  const out: NewField = { name: f.name, dataType: f.dataType };
  if (f.isPrimaryKey) {
    out.isPrimaryKey = true;
    out.autoID = f.autoID === true;
  }
  if (f.dim !== undefined) out.dim = f.dim;
  if (f.maxLength !== undefined) out.maxLength = f.maxLength;
  if (f.elementType !== undefined) out.elementType = f.elementType;
  if (f.maxCapacity !== undefined) out.maxCapacity = f.maxCapacity;
  if (f.nullable) out.nullable = true;
  if (f.isPartitionKey) out.isPartitionKey = true;
  if (isVectorType(f.dataType)) out.index = defaultIndex(f.dataType);
  return out;
}

export function draftFromSample(inferred: InferredSchema, collectionName: string): CollectionDraft {
  const suggested: CollectionSchema = suggestCollectionSchema(inferred, { collectionName });
  return { name: collectionName, fields: suggested.fields.map(fieldFromSchema), enableDynamicField: suggested.enableDynamicField };
}

/** A collection name Milvus accepts, from a topic name: "demo.articles-v2" → "demo_articles_v2". */
export function collectionNameFor(topic: string): string {
  const base = topic.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
  return (/^[A-Za-z_]/.test(base) ? base : `c_${base}`).slice(0, 255);
}

/** Changing the type keeps what still applies and fills what the new type needs. */
export function retype(f: NewField, dataType: MilvusDataType): NewField {
  const { dim, maxLength, elementType, maxCapacity, index: _index, ...rest } = f;
  const out: NewField = { ...rest, dataType };
  if (isVectorType(dataType)) {
    if (dataType !== 'SparseFloatVector') out.dim = dim ?? (dataType === 'BinaryVector' ? 64 : 8);
    out.index = defaultIndex(dataType);
    delete out.nullable;
    delete out.isPartitionKey;
    delete out.autoID;
    delete out.isPrimaryKey;
    return out;
  }
  if (dataType === 'VarChar') out.maxLength = maxLength ?? 256;
  if (dataType === 'Array') {
    out.elementType = elementType ?? 'VarChar';
    out.maxCapacity = maxCapacity ?? 16;
    if (out.elementType === 'VarChar') out.maxLength = maxLength ?? 256;
  }
  if (out.isPrimaryKey && dataType !== 'Int64' && dataType !== 'VarChar') delete out.isPrimaryKey;
  return out;
}

/** Makes field `index` the only primary key; a key is never nullable. */
export function setPrimaryKey(d: CollectionDraft, index: number): CollectionDraft {
  return {
    ...d,
    fields: d.fields.map((f, i) => {
      if (i !== index) {
        const { isPrimaryKey: _pk, autoID: _auto, ...rest } = f;
        return rest;
      }
      const { nullable: _n, isPartitionKey: _p, ...rest } = f;
      return { ...rest, isPrimaryKey: true, autoID: f.autoID === true };
    }),
  };
}

/** Makes field `name` the only partition key, or none. */
export function setPartitionKey(d: CollectionDraft, name: string | null): CollectionDraft {
  return {
    ...d,
    fields: d.fields.map((f) => {
      const { isPartitionKey: _p, ...rest } = f;
      return f.name === name && name !== null ? { ...rest, isPartitionKey: true } : rest;
    }),
  };
}

export function updateField(d: CollectionDraft, index: number, patch: Partial<NewField>): CollectionDraft {
  return { ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) };
}

export function replaceField(d: CollectionDraft, index: number, field: NewField): CollectionDraft {
  return { ...d, fields: d.fields.map((f, i) => (i === index ? field : f)) };
}

export function removeField(d: CollectionDraft, index: number): CollectionDraft {
  return { ...d, fields: d.fields.filter((_, i) => i !== index) };
}

export function addField(d: CollectionDraft): CollectionDraft {
  const taken = new Set(d.fields.map((f) => f.name));
  let n = d.fields.length + 1;
  while (taken.has(`field_${n}`)) n++;
  return { ...d, fields: [...d.fields, { name: `field_${n}`, dataType: 'VarChar', maxLength: 256, nullable: true }] };
}

/** Fields a partition key may use. */
export const partitionKeyCandidates = (d: CollectionDraft): string[] =>
  d.fields.filter((f) => !f.isPrimaryKey && (f.dataType === 'Int64' || f.dataType === 'VarChar')).map((f) => f.name);

/** The contract's rules (and name rules) as a path → first issue code map: "name", "fields.2.dim". */
export function draftIssues(d: CollectionDraft): DraftIssues {
  const out: DraftIssues = {};
  const put = (key: string, code: CollectionIssueCode) => {
    out[key] ??= code;
  };
  if (!MilvusName.safeParse(d.name).success) put('name', 'name_rule');
  d.fields.forEach((f, i) => {
    if (!MilvusName.safeParse(f.name).success) put(`fields.${i}.name`, 'name_rule');
  });
  if (d.fields.length > MAX_FIELDS) put('fields', 'too_many_fields');
  for (const issue of collectionIssues(d)) put(issue.path.map(String).join('.'), issue.code);
  return out;
}

/** Limits the issue messages quote, formatted for the locale by the translator. */
export const ISSUE_PARAMS = { maxLength: VARCHAR_MAX_LENGTH, capacity: ARRAY_MAX_CAPACITY, dimMin: DIM_MIN, dimMax: DIM_MAX, maxFields: MAX_FIELDS };
