// Shared sample messages and collections for the schema tests (the tutorial's medium_articles row).
import type { CollectionSchema } from '../../../shared/milvus-schema';
import type { ConvertOptions } from '../../../shared/convert/types';

export const SEED_VECTOR = [0.041732933, 0.013779674, -0.027564144, -0.013061441, 0.009748648, 0.00082446384, -0.00071647146, 0.048612226];

export const SEED = {
  id: 0,
  title: 'The Reported Mortality Rate of Coronavirus Is Not Important in Our Decision-Making Process',
  title_vector: SEED_VECTOR,
  link: 'https://medium.com/swlh/the-reported-mortality-rate-of-coronavirus-is-not-important-in-our-decision-making-process-2fd0b3c5c8a0',
};

/** n variants of the seed message with distinct ids and slightly different vectors. */
export function seedMessages(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    ...SEED,
    id: i,
    title: `${SEED.title} #${i}`,
    title_vector: SEED_VECTOR.map((x) => x + i / 1000),
  }));
}

export function asSamples(values: unknown[]): { value: string }[] {
  return values.map((v) => ({ value: JSON.stringify(v) }));
}

export function seedCollection(dim = 8): CollectionSchema {
  return {
    name: 'medium_articles',
    enableDynamicField: true,
    fields: [
      { name: 'id', dataType: 'Int64', isPrimaryKey: true, autoID: false },
      { name: 'title', dataType: 'VarChar', maxLength: 512 },
      { name: 'title_vector', dataType: 'FloatVector', dim },
      { name: 'link', dataType: 'VarChar', maxLength: 512 },
    ],
  };
}

export const DEFAULT_OPTS: ConvertOptions = {
  mapping: [],
  ignore: [],
  valueFormat: 'auto',
  vectorEncoding: 'auto',
  extraFields: 'dynamic',
};

/** Little-endian float32 base64, the encoding producers use for compact vectors. */
export function float32Base64(v: number[]): string {
  const buf = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => buf.writeFloatLE(x, i * 4));
  return buf.toString('base64');
}
