import { describe, expect, it, vi } from 'vitest';
import { DOC_LINKS, isAllowedExternalUrl, openExternalSafe } from '../../../electron/main/external-links';

describe('external link allowlist', () => {
  it('accepts https links to the allowlisted docs hosts', () => {
    for (const url of Object.values(DOC_LINKS)) expect(isAllowedExternalUrl(url)).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/milvus-io/milvus')).toBe(true);
  });

  it.each([
    'http://milvus.io/docs',
    'https://milvus.io.evil.example/',
    'https://evil.example/?u=https://milvus.io',
    'https://user:pw@milvus.io/docs',
    'https://milvus.io:8443/docs',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://milvus.io/share',
    'ms-settings:',
    'not a url',
    `https://milvus.io/${'a'.repeat(2000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://milvus.io' })).toBe(false);
  });

  it('opens only what the allowlist accepts', async () => {
    const open = vi.fn(() => Promise.resolve());
    await expect(openExternalSafe(open, 'https://kafka.apache.org/documentation/')).resolves.toBe(true);
    await expect(openExternalSafe(open, 'https://evil.example/')).resolves.toBe(false);
    expect(open.mock.calls).toEqual([['https://kafka.apache.org/documentation/']]);
  });
});
