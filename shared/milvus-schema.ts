// Our own description of a Milvus collection schema, independent of the SDK's wire types, so that
// conversion, matching and the UI can be pure and unit-tested without a client.

export const SCALAR_TYPES = ['Bool', 'Int8', 'Int16', 'Int32', 'Int64', 'Float', 'Double', 'VarChar', 'JSON', 'Array'] as const;
export const VECTOR_TYPES = [
  'FloatVector',
  'BinaryVector',
  'Float16Vector',
  'BFloat16Vector',
  'SparseFloatVector',
  'Int8Vector',
] as const;

export type ScalarType = (typeof SCALAR_TYPES)[number];
export type VectorType = (typeof VECTOR_TYPES)[number];
export type MilvusDataType = ScalarType | VectorType;
/** Element types Milvus allows inside an Array field. */
export type ArrayElementType = Exclude<ScalarType, 'JSON' | 'Array'>;

export interface FieldSchema {
  name: string;
  dataType: MilvusDataType;
  description?: string;
  isPrimaryKey?: boolean;
  autoID?: boolean;
  /** Vector dimension (BinaryVector: bits). Absent for SparseFloatVector. */
  dim?: number;
  /** VarChar (and Array of VarChar) maximum length; Milvus counts UTF-8 bytes. */
  maxLength?: number;
  elementType?: ArrayElementType;
  maxCapacity?: number;
  nullable?: boolean;
  /** A default value makes the field optional in messages. */
  defaultValue?: boolean | number | string;
  isPartitionKey?: boolean;
  /** Filled by a Milvus function (e.g. BM25 sparse output): never supplied by messages. */
  isFunctionOutput?: boolean;
}

export interface CollectionSchema {
  name: string;
  description?: string;
  fields: FieldSchema[];
  /** When true, unknown message fields can be stored in the hidden `$meta` JSON field. */
  enableDynamicField: boolean;
}

export function isVectorType(t: MilvusDataType): t is VectorType {
  return (VECTOR_TYPES as readonly string[]).includes(t);
}

export function primaryKeyField(schema: CollectionSchema): FieldSchema | undefined {
  return schema.fields.find((f) => f.isPrimaryKey);
}
