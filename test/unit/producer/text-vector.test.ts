// Vectors from text: deterministic, unit length, the right dimension, and similar titles closer
// than unrelated ones (at the tutorial's 8 dimensions too).
import { describe, expect, it } from 'vitest';
import { CORPUS, cosine, createRecordFactory, linkFor, randomUnitVector, slugify, textFeatures, vectorFromText } from '../../../electron/generator';

describe('vectorFromText', () => {
  it('is deterministic, normalized and of the asked dimension', () => {
    for (const dim of [1, 8, 128, 768]) {
      const v = vectorFromText('Streaming Kafka Topics Into a Vector Database', dim);
      expect(v).toHaveLength(dim);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
      expect(vectorFromText('Streaming Kafka Topics Into a Vector Database', dim)).toEqual(v);
    }
  });

  it('never returns a zero vector (empty text, stop words only)', () => {
    for (const text of ['', 'the and of', '!!!']) expect(Math.hypot(...vectorFromText(text, 8))).toBeCloseTo(1, 4);
  });

  it('puts related titles nearer than unrelated ones', () => {
    for (const dim of [8, 64]) {
      const q = vectorFromText('Kafka streaming into a vector database', dim);
      const related = cosine(q, vectorFromText('Streaming Kafka Topics Into a Vector Database', dim));
      const unrelated = cosine(q, vectorFromText('The Perfect Sourdough Takes Patience', dim));
      expect(related).toBeGreaterThan(unrelated + 0.2);
    }
  });

  it('clusters the corpus by topic: most nearest neighbours share it, even at 8 dimensions', () => {
    const vs = CORPUS.map((e) => vectorFromText(e.title, 8));
    let same = 0;
    CORPUS.forEach((e, i) => {
      let best = -1;
      let bestScore = -2;
      vs.forEach((v, j) => {
        const s = j === i ? -2 : cosine(vs[i] as number[], v);
        if (s > bestScore) [best, bestScore] = [j, s];
      });
      if (CORPUS[best]?.topic === e.topic) same++;
    });
    expect(same / CORPUS.length).toBeGreaterThan(0.6);
  });

  it('rejects a bad dimension', () => {
    expect(() => vectorFromText('x', 0)).toThrow(RangeError);
  });

  it('reads words and character trigrams, without stop words', () => {
    const f = textFeatures('The Kafka');
    expect(f.has('w:the')).toBe(false);
    expect(f.get('w:kafka')).toBe(1);
    expect(f.has('g: ka')).toBe(true);
  });

  it('makes random unit vectors', () => {
    expect(Math.hypot(...randomUnitVector(16))).toBeCloseTo(1, 4);
  });
});

describe('corpus and records', () => {
  it('has a few hundred distinct titles across topics', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORPUS.map((e) => e.title)).size).toBe(CORPUS.length);
    expect(new Set(CORPUS.map((e) => e.topic)).size).toBeGreaterThanOrEqual(10);
  });

  it('derives stable Medium-style links', () => {
    expect(slugify('Upserts, Idempotency and At-Least-Once Delivery')).toBe('upserts-idempotency-and-at-least-once-delivery');
    const e = { title: 'Kafka Consumer Groups Explained Simply', publication: 'data-engineering-notes' };
    expect(linkFor(e, 7)).toBe(linkFor(e, 7));
    expect(linkFor(e, 7)).not.toBe(linkFor(e, 8));
  });

  it('makes records shaped like the tutorial, with increasing ids and the title vector', () => {
    const make = createRecordFactory({ dim: 8, idStart: 1000, seed: 42 });
    const a = make(0);
    const b = make(1);
    expect(Object.keys(a)).toEqual(['id', 'title', 'title_vector', 'link']);
    expect([a.id, b.id]).toEqual([1000, 1001]);
    expect(a.title_vector).toEqual(vectorFromText(a.title, 8));
    expect(createRecordFactory({ dim: 8, idStart: 1000, seed: 42 })(0)).toEqual(a);
  });
});
