// Rows of a collection with a dynamic field, without the SDK's deep copy. Before an insert or
// upsert the Milvus Node SDK groups the fields a schema does not name into the dynamic field
// ($meta), and first copies each whole row through JSON.stringify + JSON.parse: about 130 µs for a
// row with a 768-dim vector, more CPU than decoding and converting the record. The rows written
// here are fresh objects from shared/convert (plain JSON values: no bigint, no typed arrays, no
// non-finite numbers) that nothing reads afterwards, and the SDK already reads the rows of a
// collection without a dynamic field by reference; so the grouping is done without the copy. Only
// this step is replaced: the SDK's other copies (of schemas, of search parameters) stay.
import { createRequire } from 'node:module';

type Row = Record<string, unknown>;
type GroupRow = (row: Row, fieldMap: ReadonlyMap<string, unknown>, dynamicField: string, functionOutputs: readonly string[]) => Row;

/**
 * The SDK's grouping, step for step, by reference: schema fields stay, function outputs are left
 * out, the rest go into the dynamic field. Undefined values are left out as the JSON copy leaves
 * them out; a row's own dynamic-field object is copied before extras are added to it.
 */
export const groupDynamicRow: GroupRow = (row, fieldMap, dynamicField, functionOutputs) => {
  const out: Row = {};
  for (const key in row) {
    if (!Object.hasOwn(row, key)) continue;
    const value = row[key];
    if (value === undefined) continue;
    if (!out[dynamicField]) out[dynamicField] = {};
    if (fieldMap.has(key)) out[key] = key === dynamicField && isObject(value) ? { ...value } : value;
    else if (!functionOutputs.includes(key)) (out[dynamicField] as Row)[key] = value;
  }
  return out;
};

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the SDK keeps its row helpers (resolved from here, so the same module the SDK loads). */
const SDK_ROW_HELPERS = '@zilliz/milvus2-sdk-node/dist/milvus/utils/Data.js';

let installed: boolean | undefined;
let sdkOwn: GroupRow | undefined;

const rowHelpers = () => createRequire(import.meta.url)(SDK_ROW_HELPERS) as { buildDynamicRow?: unknown };
const isGroupRow = (f: unknown): f is GroupRow => typeof f === 'function' && f.length === 4;

/**
 * Puts `groupDynamicRow` in place of the SDK's own, once per thread. False when this SDK does not
 * have the helper in the expected shape (another version): its own copy then stays in use.
 */
export function installDynamicRowGrouping(): boolean {
  if (installed !== undefined) return installed;
  try {
    const helpers = rowHelpers();
    const own = helpers.buildDynamicRow;
    installed = isGroupRow(own);
    if (isGroupRow(own)) {
      sdkOwn = own;
      helpers.buildDynamicRow = groupDynamicRow;
    }
  } catch {
    installed = false;
  }
  return installed;
}

/** The SDK's own grouping, copy included: what the benchmark and the tests compare with. */
export function sdkDynamicRowGrouping(): GroupRow | undefined {
  if (sdkOwn) return sdkOwn;
  const own = rowHelpers().buildDynamicRow;
  return isGroupRow(own) && own !== groupDynamicRow ? own : undefined;
}
