// A proposed Milvus collection schema from inferred message fields: a starting point the user edits
// in the wizard, chosen so that the sampled messages convert without a mapping.
import type { CollectionSchema, FieldSchema } from '../milvus-schema';
import type { InferredField, InferredSchema, JsonKind } from './infer-types';
import { suggestCapacity, suggestVarCharLength } from './text';

export interface SuggestOptions {
  collectionName: string;
  /** Use this top-level path as the primary key instead of the best candidate. */
  primaryKey?: string;
  /** Milvus' default per-collection limit (proxy.maxFieldNum); the rest goes to the dynamic field. */
  maxFields?: number;
  /** Milvus' default proxy.maxVectorFieldNum. */
  maxVectorFields?: number;
}

const MILVUS_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

function kindsOf(f: InferredField): JsonKind[] {
  return (Object.keys(f.types) as JsonKind[]).filter((k) => {
    if (k === 'null') return false;
    // Empty arrays say nothing about the element type; let the non-empty ones decide.
    if (k === 'array-other' && f.types[k] === f.emptyArrays && (f.numberArray || f.stringArray)) return false;
    return true;
  });
}

function only(kinds: JsonKind[], allowed: JsonKind[]): boolean {
  return kinds.length > 0 && kinds.every((k) => allowed.includes(k));
}

/** Milvus type for one top-level field, without name or key flags. */
export function suggestFieldType(f: InferredField): Omit<FieldSchema, 'name'> {
  const kinds = kindsOf(f);
  const nullable = f.nulls > 0 || f.missing > 0 ? { nullable: true } : {};
  const b64 = f.base64Vector;
  if (only(kinds, ['string']) && b64 && b64.share >= 0.9) return { dataType: 'FloatVector', dim: b64.dim };
  const na = f.numberArray;
  if (only(kinds, ['array-of-numbers']) && na) {
    if (na.binaryCandidate) return { dataType: 'BinaryVector', dim: na.dim * 8 };
    if (na.vectorCandidate) return { dataType: 'FloatVector', dim: na.dim };
    const elementType = na.allIntegers ? 'Int64' : 'Double';
    return { dataType: 'Array', elementType, maxCapacity: suggestCapacity(f.maxArrayLength ?? 0), ...nullable };
  }
  if (only(kinds, ['array-of-strings']) && f.stringArray) {
    const s = f.stringArray;
    return {
      dataType: 'Array',
      elementType: 'VarChar',
      maxLength: suggestVarCharLength(s.maxElementBytes),
      maxCapacity: suggestCapacity(s.maxElements),
      ...nullable,
    };
  }
  if (only(kinds, ['integer', 'bigint'])) return { dataType: 'Int64', ...nullable };
  if (only(kinds, ['integer', 'float'])) return { dataType: 'Double', ...nullable };
  if (only(kinds, ['boolean'])) return { dataType: 'Bool', ...nullable };
  if (only(kinds, ['string']) && f.string) return { dataType: 'VarChar', maxLength: f.string.suggestedMaxLength, ...nullable };
  // Objects, arrays of objects, mixed types, or only nulls: JSON takes anything.
  return { dataType: 'JSON', ...nullable };
}

function primaryKey(inferred: InferredSchema, topLevel: InferredField[], forced?: string): FieldSchema {
  const byPath = new Map(topLevel.map((f) => [f.path, f]));
  const chosen = forced ? byPath.get(forced) : undefined;
  const candidate = chosen
    ? inferred.primaryKeyCandidates.find((c) => c.path === chosen.path)
    : inferred.primaryKeyCandidates.find((c) => c.strong && byPath.has(c.path) && MILVUS_NAME.test(c.path));
  const field = chosen ?? (candidate ? byPath.get(candidate.path) : undefined);
  if (field) {
    const isString = candidate ? candidate.kind === 'string' : Boolean(field.string);
    return isString
      ? { name: field.path, dataType: 'VarChar', maxLength: field.string?.suggestedMaxLength ?? 64, isPrimaryKey: true, autoID: false }
      : { name: field.path, dataType: 'Int64', isPrimaryKey: true, autoID: false };
  }
  // No trustworthy key in the messages: let Milvus generate one, under a name messages do not use.
  const name = ['id', 'pk', '_pk', 'auto_id'].find((n) => !byPath.has(n)) ?? '_auto_id';
  return { name, dataType: 'Int64', isPrimaryKey: true, autoID: true };
}

export function suggestCollectionSchema(inferred: InferredSchema, opts: SuggestOptions): CollectionSchema {
  const maxFields = opts.maxFields ?? 64;
  const maxVectors = opts.maxVectorFields ?? 4;
  const topLevel = inferred.fields.filter((f) => f.depth === 0);
  const pk = primaryKey(inferred, topLevel, opts.primaryKey);
  const candidates = topLevel
    .filter((f) => f.path !== pk.name && MILVUS_NAME.test(f.path))
    .map((f): FieldSchema => ({ name: f.path, ...suggestFieldType(f) }));

  // Vectors first within the limits: they are why the collection exists; other fields can live in $meta.
  const isVector = (f: FieldSchema): boolean => f.dataType === 'FloatVector' || f.dataType === 'BinaryVector';
  const keep = new Set<string>();
  let room = maxFields - 1;
  for (const f of candidates.filter(isVector).slice(0, maxVectors)) {
    if (room <= 0) break;
    keep.add(f.name);
    room--;
  }
  for (const f of candidates) {
    if (room <= 0) break;
    if (isVector(f)) continue;
    keep.add(f.name);
    room--;
  }
  return {
    name: opts.collectionName,
    fields: [pk, ...candidates.filter((f) => keep.has(f.name))],
    enableDynamicField: true,
  };
}
