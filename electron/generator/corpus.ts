// The demo corpus: a few hundred short article titles grouped by topic (corpus.json), and the
// Medium-style links derived from them, so generated records look like the tutorial's data.
import corpusJson from './corpus.json';
import { hash32 } from './hash';

export interface CorpusEntry {
  title: string;
  topic: string;
  publication: string;
}

interface CorpusFile {
  topics: { topic: string; publication: string; titles: string[] }[];
}

export const CORPUS: readonly CorpusEntry[] = Object.freeze(
  (corpusJson as CorpusFile).topics.flatMap((t) => t.titles.map((title) => ({ title, topic: t.topic, publication: t.publication }))),
);

/** "The Art of Naming Variables" → "the-art-of-naming-variables". */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'article';
}

/** A stable link for an entry and a record id: https://medium.com/<publication>/<slug>-<12 hex>. */
export function linkFor(entry: Pick<CorpusEntry, 'title' | 'publication'>, id: number | string): string {
  const a = hash32(`${entry.title}#${String(id)}`).toString(16).padStart(8, '0');
  const b = hash32(`${String(id)}#${entry.title}`).toString(16).padStart(8, '0').slice(0, 4);
  return `https://medium.com/${entry.publication}/${slugify(entry.title)}-${a}${b}`;
}
