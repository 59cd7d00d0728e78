// `{name}` placeholders, filled by the caller's wording of each value; a placeholder without a
// value stays as written. One filler for the UI catalogs, the log lines and conversion phrases.
export function fillTemplate<V>(template: string, params: object, word: (name: string, value: V) => string): string {
  const values = params as Readonly<Record<string, V | undefined>>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : word(name, v);
  });
}
