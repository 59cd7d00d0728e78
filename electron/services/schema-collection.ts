// 'schema.createCollection': create a collection from the schema view's edited suggestion, an index
// on every vector field, load it, and describe it back. All or nothing: if an index or the load
// fails, the new collection is dropped again so a retry starts clean.
import { DataType, type FieldType } from '@zilliz/milvus2-sdk-node';
import type { MilvusConnection } from '../../shared/connections';
import type { IndexType, NewCollection, NewField } from '../../shared/contract-schema';
import { AppFailure } from '../../shared/errors';
import { isVectorType, type CollectionSchema } from '../../shared/milvus-schema';
import { createMilvusClient, describeCollectionSchema } from '../clients/milvus-client';
import { isSuccess } from '../clients/milvus-errors';
import { withDeadline } from './deadline';
import { classifyMilvusError, collectFacts } from './error-classify';
import { MILVUS_SECRETS, secretValues } from './profile-secrets';

const RPC_TIMEOUT_MS = 30_000;
/** Creating, indexing and loading a collection takes a few seconds; a busy server more. */
const CREATE_DEADLINE_MS = 120_000;
const DEFAULT_DATABASE = 'default';

/** Our field → the SDK's FieldType (type params as the SDK expects them). */
export function toSdkField(f: NewField): FieldType {
  const out: FieldType = { name: f.name, data_type: DataType[f.dataType] };
  if (f.description) out.description = f.description;
  if (f.isPrimaryKey) {
    out.is_primary_key = true;
    out.autoID = f.autoID === true;
  }
  if (f.isPartitionKey) out.is_partition_key = true;
  if (f.nullable && !f.isPrimaryKey) out.nullable = true;
  if (isVectorType(f.dataType)) {
    if (f.dataType !== 'SparseFloatVector' && f.dim !== undefined) out.dim = f.dim;
    return out;
  }
  if (f.dataType === 'Array' && f.elementType) {
    out.element_type = DataType[f.elementType];
    if (f.maxCapacity !== undefined) out.max_capacity = f.maxCapacity;
  }
  if ((f.dataType === 'VarChar' || (f.dataType === 'Array' && f.elementType === 'VarChar')) && f.maxLength !== undefined) out.max_length = f.maxLength;
  return out;
}

/** Build parameters for index types that need them; AUTOINDEX and FLAT choose their own. */
export function indexParams(indexType: IndexType): Record<string, number> {
  switch (indexType) {
    case 'HNSW':
      return { M: 16, efConstruction: 200 };
    case 'IVF_FLAT':
    case 'BIN_IVF_FLAT':
      return { nlist: 128 };
    case 'SPARSE_INVERTED_INDEX':
    case 'SPARSE_WAND':
      return { drop_ratio_build: 0 };
    default:
      return {};
  }
}

export async function createCollection(conn: MilvusConnection, input: NewCollection): Promise<CollectionSchema> {
  const database = conn.database?.trim() || DEFAULT_DATABASE;
  const db = { db_name: database };
  const client = createMilvusClient(conn, { timeoutMs: RPC_TIMEOUT_MS });
  const ctx = { endpoint: conn.address, database, secrets: secretValues(MILVUS_SECRETS, conn) };
  let created = false;
  try {
    return await withDeadline(CREATE_DEADLINE_MS, async () => {
      await client.connectPromise;
      if ((await client.hasCollection({ collection_name: input.name, ...db })).value === true) throw conflict(input.name, database);
      try {
        check(
          await client.createCollection({
            collection_name: input.name,
            ...db,
            fields: input.fields.map(toSdkField),
            enable_dynamic_field: input.enableDynamicField,
            ...(input.description ? { description: input.description } : {}),
          }),
        );
      } catch (err) {
        throw refused(err, input.name, database) ?? err;
      }
      created = true;
      for (const f of input.fields) {
        if (!isVectorType(f.dataType) || !f.index) continue;
        const { indexType, metricType } = f.index;
        try {
          check(await client.createIndex({ collection_name: input.name, ...db, field_name: f.name, index_type: indexType, metric_type: metricType, params: indexParams(indexType) }));
        } catch (err) {
          throw new AppFailure('validation', `Milvus refused a ${indexType} index with metric ${metricType} on ${f.name}: ${reason(err)}`, reason(err), `fields.${input.fields.indexOf(f)}.index`);
        }
      }
      check(await client.loadCollection({ collection_name: input.name, ...db }));
      return describeCollectionSchema(client, input.name, database);
    });
  } catch (err) {
    if (created) await client.dropCollection({ collection_name: input.name, ...db }).catch(() => undefined);
    throw classifyMilvusError(err, ctx);
  } finally {
    await client.closeConnection().catch(() => undefined);
  }
}

type Status = Parameters<typeof isSuccess>[0];

/** Most RPCs report failure in a returned status; some servers (Milvus Lite) throw it instead. */
function check<T extends object>(res: T): T {
  const status = 'error_code' in res ? (res as Status) : (res as { status?: Status }).status;
  if (!isSuccess(status)) throw res;
  return res;
}

function reason(err: unknown): string {
  return collectFacts(err).texts[0]?.split('\n')[0] ?? String(err);
}

function conflict(name: string, database: string): AppFailure {
  return new AppFailure('conflict', `A collection named "${name}" already exists in database "${database}": choose another name, or pick it in the list`, undefined, 'name');
}

/** The server's refusals of a schema are the user's input at fault, not the connection. */
function refused(err: unknown, name: string, database: string): AppFailure | undefined {
  const text = reason(err);
  if (/already exist/i.test(text)) return conflict(name, database);
  if (/dim|max_length|max_capacity|field|schema|partition key|primary key|not support|invalid|exceed/i.test(text)) {
    return new AppFailure('validation', `Milvus refused the collection schema: ${text}`, text);
  }
  return undefined;
}
