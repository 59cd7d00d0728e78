// The fixed data set: records shaped like the tutorial's seed example ({id, title, title_vector,
// link}), fully determined by (seed, index, dim), so every run and machine produces the same bytes.

export interface BenchRecord {
  id: number;
  title: string;
  title_vector: number[];
  link: string;
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the data-set seed with a record index into an independent per-record seed. */
export function recordSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const WORDS = [
  'vector', 'search', 'stream', 'kafka', 'milvus', 'embedding', 'latency', 'pipeline', 'semantic', 'index',
  'cluster', 'partition', 'offset', 'schema', 'retrieval', 'model', 'token', 'query', 'cosine', 'recall',
  'throughput', 'backpressure', 'consumer', 'producer', 'batch', 'upsert', 'segment', 'replica', 'shard', 'graph',
];

function pick(rnd: () => number): string {
  return WORDS[Math.floor(rnd() * WORDS.length)] as string;
}

/**
 * Record `index` of the data set. Vector components are uniform in [-0.1, 0.1) with 9 decimals,
 * like real embeddings serialized as JSON (about 12 characters per number).
 */
export function makeRecord(index: number, dim: number, seed = 42): BenchRecord {
  const rnd = mulberry32(recordSeed(seed, index));
  const words = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => pick(rnd));
  const title = words.join(' ').replace(/^./, (c) => c.toUpperCase());
  const title_vector = new Array<number>(dim);
  for (let k = 0; k < dim; k++) title_vector[k] = Math.round((rnd() * 0.2 - 0.1) * 1e9) / 1e9;
  const link = `https://medium.com/bench/${words.slice(0, 3).join('-')}-${index.toString(16)}`;
  return { id: index, title, title_vector, link };
}

export function makeRecords(count: number, dim: number, seed = 42): BenchRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord(i, dim, seed));
}
