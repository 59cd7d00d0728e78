// Messages of the monitor feature, in English and Spanish (merged into en.ts / es.ts).
export const monitorEn = {
  'monitor.title': 'Monitor',
} as const;

export const monitorEs: Record<keyof typeof monitorEn, string> = {
  'monitor.title': 'Monitor',
};
