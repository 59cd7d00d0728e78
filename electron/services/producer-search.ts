// 'milvus.search': top-k vector search on a collection with an optional filter, for the search panel.
import type { SearchRequest, SearchResult } from '../../shared/contract-producer';
import { AppFailure } from '../../shared/errors';
import { isVectorType, primaryKeyField } from '../../shared/milvus-schema';
import type { ProducerClients } from './producer-clients';
import { flattenRow } from './producer-row-match';

const DENSE_FLOAT = new Set(['FloatVector', 'Float16Vector', 'BFloat16Vector']);

export async function searchCollection(clients: ProducerClients, req: SearchRequest): Promise<SearchResult> {
  const schema = await clients.schema(req.milvusProfileId, req.collection, req.database);
  const field = req.vectorField ? schema.fields.find((f) => f.name === req.vectorField) : schema.fields.find((f) => DENSE_FLOAT.has(f.dataType));
  if (!field || !isVectorType(field.dataType)) {
    throw new AppFailure('validation', req.vectorField ? `"${req.vectorField}" is not a vector field of "${req.collection}"` : `"${req.collection}" has no float vector field to search`, undefined, 'vectorField');
  }
  if (!DENSE_FLOAT.has(field.dataType)) throw new AppFailure('unsupported', `Searching ${field.dataType} fields is not supported here; pick a float vector field`, undefined, 'vectorField');
  if (field.dim !== undefined && req.vector.length !== field.dim) {
    throw new AppFailure('validation', `The vector has ${req.vector.length} numbers, but ${field.name} has dimension ${field.dim}`, undefined, 'vector');
  }
  const m = await clients.milvus(req.milvusProfileId, req.database);
  const started = performance.now();
  let res;
  try {
    res = await m.client.search({
      collection_name: req.collection,
      anns_field: field.name,
      data: req.vector,
      limit: req.topK,
      output_fields: ['*'],
      ...(req.filter?.trim() ? { filter: req.filter.trim() } : {}),
    });
  } catch (err) {
    throw clients.milvusFailure(req.milvusProfileId, m.conn, err, m.database);
  }
  const tookMs = Math.round(performance.now() - started);
  if (res.status.error_code !== 'Success') {
    const reason = String(res.status.reason || res.status.error_code);
    if (/index/i.test(reason) && /not|no /i.test(reason)) throw new AppFailure('milvus_error', `"${req.collection}" has no index on ${field.name}: create one (and load the collection) to search it`, reason, 'collection');
    if (/not loaded|load/i.test(reason)) throw new AppFailure('milvus_error', `"${req.collection}" is not loaded: load it to search`, reason, 'collection');
    if (/expr|filter|parse|field .* not exist|cannot/i.test(reason) && req.filter) throw new AppFailure('validation', `Milvus rejected the filter: ${reason}`, reason, 'filter');
    throw new AppFailure('milvus_error', `Search failed: ${reason}`, reason);
  }
  const pk = primaryKeyField(schema)?.name;
  const metric = await metricOf(m.client, req.collection, field.name);
  const hits = res.results.map((r) => {
    const { score, id, ...rest } = r as { score: number; id: string | number } & Record<string, unknown>;
    const fields = flattenRow(rest);
    if (pk && !(pk in fields)) fields[pk] = id;
    return { id, score, fields };
  });
  return { vectorField: field.name, tookMs, hits, ...(metric ? { metric } : {}) };
}

async function metricOf(client: Awaited<ReturnType<ProducerClients['milvus']>>['client'], collection: string, field: string): Promise<string | undefined> {
  try {
    const res = await client.describeIndex({ collection_name: collection, field_name: field });
    const params = res.index_descriptions?.[0]?.params ?? [];
    const v = params.find((p) => p.key === 'metric_type')?.value;
    return v === undefined ? undefined : String(v);
  } catch {
    return undefined;
  }
}
