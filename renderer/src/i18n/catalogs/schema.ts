// Messages of the schema feature, in English and Spanish (merged into en.ts / es.ts).
export const schemaEn = {
  'schema.title': 'Schema',
} as const;

export const schemaEs: Record<keyof typeof schemaEn, string> = {
  'schema.title': 'Esquema',
};
