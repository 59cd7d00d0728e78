// Schema inference (what the topic carries), a suggested collection, and matching (what the
// collection will accept), all pure and built on shared/convert.
export { decodeSamples, inferDecoded, inferSchema, type DecodedSamples, type Sample } from './infer';
export type * from './infer-types';
export { JSON_KINDS } from './infer-types';
export { suggestCollectionSchema, suggestFieldType, type SuggestOptions } from './suggest';
export { matchSchemas } from './match';
export type * from './match-types';
export { MATCH_STATUSES } from './match-types';
export { EXPLAIN_CODES, explain, type ExplainCode, type ExplainParams, type Explanation } from './explain';
export { suggestCapacity, suggestVarCharLength } from './text';
