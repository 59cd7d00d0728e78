// Deterministic "embeddings" for demo data: hashed bag of words plus character trigrams, projected
// to `dim` dimensions with a pseudo-random Gaussian-like vector per feature, plus a pull towards the
// corpus topics its words belong to; then L2-normalized. Random projection keeps cosine similarity
// roughly intact and the topic pull keeps clusters apart even at 8 dimensions, so titles about the
// same things land near each other. Not a language model: good for demos, reproducible everywhere.

import { CORPUS } from './corpus';
import { hash32, seededRandom } from './hash';

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have how i in into is it its of on or our that the their this to was we what when where who why will with without you your'.split(' '),
);

/** Words (weight 1) and the character trigrams of each word (weight 0.35). */
export function textFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w);
  const words = text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u);
  for (const w of words) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    add(`w:${w}`, 1);
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(`g:${padded.slice(i, i + 3)}`, 0.35);
  }
  return features;
}

/** Rounds to 6 significant decimals: compact JSON, still float32-exact enough. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** L2-normalizes in place (a zero vector becomes the first unit vector) and rounds. */
export function normalize(v: number[]): number[] {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0 || !Number.isFinite(norm)) return v.map((_, i) => (i === 0 ? 1 : 0));
  return v.map((x) => round6(x / norm));
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

/** Light stemming so "databases" and "database" meet in the topic lexicon. */
const stem = (w: string): string => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

let lexicon: Map<string, Map<string, number>> | undefined;

/** word stem → share of its corpus occurrences per topic (built once from the corpus). */
function topicLexicon(): Map<string, Map<string, number>> {
  if (lexicon) return lexicon;
  const counts = new Map<string, Map<string, number>>();
  for (const e of CORPUS) {
    for (const w of new Set(words(e.title).map(stem))) {
      let byTopic = counts.get(w);
      if (!byTopic) counts.set(w, (byTopic = new Map()));
      byTopic.set(e.topic, (byTopic.get(e.topic) ?? 0) + 1);
    }
  }
  for (const byTopic of counts.values()) {
    const total = [...byTopic.values()].reduce((a, b) => a + b, 0);
    for (const [t, n] of byTopic) byTopic.set(t, n / total);
  }
  return (lexicon = counts);
}

/** Weight of the topic pull against the hashed features. */
const TOPIC_WEIGHT = 1.6;

/** A deterministic unit vector of `dim` numbers for `text`. */
export function vectorFromText(text: string, dim: number): number[] {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dim must be a positive integer, got ${dim}`);
  const v = new Array<number>(dim).fill(0);
  const addRandom = (seed: number, weight: number) => {
    const rnd = seededRandom(seed);
    // Sum of two uniforms: a cheap bell-shaped distribution centred on 0.
    for (let i = 0; i < dim; i++) v[i] = (v[i] as number) + weight * (rnd() + rnd() - 1);
  };
  for (const [feature, weight] of textFeatures(text)) addRandom(hash32(feature), weight);
  const lex = topicLexicon();
  for (const w of words(text)) {
    for (const [topic, share] of lex.get(stem(w)) ?? []) addRandom(hash32(`topic:${topic}`), TOPIC_WEIGHT * share);
  }
  if (!v.some((x) => x !== 0)) addRandom(hash32(text), 1);
  return normalize(v);
}

/** A random unit vector (templates, "vary vectors"): not derived from any text. */
export function randomUnitVector(dim: number, random: () => number = Math.random): number[] {
  return normalize(Array.from({ length: dim }, () => random() + random() - 1));
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
