// Messages of the producer feature, in English and Spanish (merged into en.ts / es.ts).
export const producerEn = {
  'producer.title': 'Producer',
} as const;

export const producerEs: Record<keyof typeof producerEn, string> = {
  'producer.title': 'Productor',
};
