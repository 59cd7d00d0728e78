// Links leave the app only through here: https, no credentials, default port, and a host on a short
// allowlist (product docs and the project's home). Anything else is refused, so a compromised
// renderer cannot make the OS open arbitrary schemes or local files.

export const EXTERNAL_HOSTS: readonly string[] = Object.freeze([
  'milvus.io',
  'www.milvus.io',
  'zilliz.com',
  'docs.zilliz.com',
  'cloud.zilliz.com',
  'kafka.apache.org',
  'github.com',
]);

export const DOC_LINKS = Object.freeze({
  milvus: 'https://milvus.io/docs',
  zilliz: 'https://docs.zilliz.com/docs/home',
  kafka: 'https://kafka.apache.org/documentation/',
});

export function isAllowedExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2000) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_HOSTS.includes(url.hostname);
}

/** Opens an allowlisted URL in the default browser; returns false (and opens nothing) otherwise. */
export async function openExternalSafe(openExternal: (url: string) => Promise<void>, raw: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await openExternal(new URL(raw).href);
  return true;
}
