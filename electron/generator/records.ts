// Demo records shaped like the tutorial's article: {id, title, title_vector, link}. Titles come from
// the corpus in a seeded random order; the vector is derived from the title, so search finds
// related articles; ids count up from a start that is unique per run by default.
import { CORPUS, linkFor, type CorpusEntry } from './corpus';
import { seededRandom } from './hash';
import { vectorFromText } from './text-vector';

export interface DemoRecord {
  id: number;
  title: string;
  title_vector: number[];
  link: string;
}

export interface RecordFactoryOptions {
  dim: number;
  /** First id; default: the current time in microseconds (unique across runs, below 2^53). */
  idStart?: number;
  /** PRNG seed for the order of titles; default random. */
  seed?: number;
  corpus?: readonly CorpusEntry[];
}

export type RecordFactory = (seq: number) => DemoRecord;

/** Id base unique per run: ms × 1000 stays below 2^53 until the year 2255. */
export const defaultIdStart = (now: number = Date.now()): number => now * 1000;

export function createRecordFactory(opts: RecordFactoryOptions): RecordFactory {
  const corpus = opts.corpus ?? CORPUS;
  if (corpus.length === 0) throw new RangeError('the corpus is empty');
  const random = seededRandom(opts.seed ?? Math.floor(Math.random() * 2 ** 32));
  const idStart = opts.idStart ?? defaultIdStart();
  // The corpus is small: one vector per title, computed once.
  const vectors = new Map<string, number[]>();
  const vectorOf = (title: string): number[] => {
    let v = vectors.get(title);
    if (!v) vectors.set(title, (v = vectorFromText(title, opts.dim)));
    return v;
  };
  return (seq) => {
    const entry = corpus[Math.floor(random() * corpus.length)] as CorpusEntry;
    const id = idStart + seq;
    return { id, title: entry.title, title_vector: vectorOf(entry.title), link: linkFor(entry, id) };
  };
}
