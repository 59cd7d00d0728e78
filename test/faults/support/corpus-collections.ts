// The corpus schemas (ours, in corpus.ts) as Milvus SDK field definitions, to create them for real.
import { DataType, type FieldType } from '@zilliz/milvus2-sdk-node';
import type { CollectionSchema, FieldSchema } from '../../../shared/milvus-schema';
import { AUTOID_SCHEMA, CORPUS_SCHEMA } from '../corpus';

function sdkField(f: FieldSchema): FieldType {
  const out: FieldType = { name: f.name, data_type: DataType[f.dataType as keyof typeof DataType] };
  if (f.isPrimaryKey) out.is_primary_key = true;
  if (f.autoID !== undefined) out.autoID = f.autoID;
  if (f.dim !== undefined) out.dim = f.dim;
  if (f.maxLength !== undefined) out.max_length = f.maxLength;
  if (f.maxCapacity !== undefined) out.max_capacity = f.maxCapacity;
  if (f.elementType) out.element_type = DataType[f.elementType];
  if (f.nullable) out.nullable = true;
  return out;
}

const sdkFields = (s: CollectionSchema): FieldType[] => s.fields.map(sdkField);

export const corpusFields = (): FieldType[] => sdkFields(CORPUS_SCHEMA);
export const AUTOID_FIELDS: FieldType[] = sdkFields(AUTOID_SCHEMA);
