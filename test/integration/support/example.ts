// The tutorial's example: one Medium article with an 8-dimensional title embedding.
export const EXAMPLE_MESSAGE = {
  id: 0,
  title: 'The Reported Mortality Rate of Coronavirus Is Not Important in Our Decision-Making Process',
  title_vector: [0.041732933, 0.013779674, -0.027564144, -0.013061441, 0.009748648, 0.00082446384, -0.00071647146, 0.048612226],
  link: 'https://medium.com/swlh/the-reported-mortality-rate-of-coronavirus-is-not-important-in-our-decision-making-process-2fd0b3c5c8a0',
};

/** Message number `i` shaped like the example, with a deterministic vector. */
export function exampleMessage(i: number, withId = true): Record<string, unknown> {
  const v = Array.from({ length: 8 }, (_, k) => Math.round(Math.sin(i * 8 + k) * 1e6) / 1e6);
  const m: Record<string, unknown> = { title: `article ${i}`, title_vector: v, link: `https://example.org/a/${i}` };
  if (withId) m.id = i;
  return m;
}
