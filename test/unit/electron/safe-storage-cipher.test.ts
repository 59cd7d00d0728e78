import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, SecretStorageUnavailable } from '../../../electron/main/safe-storage-cipher';

const storage = (available = true, backend: string = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as never,
  encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

describe('safeStorage cipher', () => {
  it('stores base64 of the OS-encrypted bytes and decrypts it back', () => {
    const c = createSafeStorageCipher(storage(), 'linux');
    expect(c.kind).toBe('os-keychain');
    const stored = c.encrypt('s3cr3t ñ');
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain('s3cr3t');
    expect(c.decrypt(stored)).toBe('s3cr3t ñ');
  });

  it('throws a clear error when encryption is not available', () => {
    const c = createSafeStorageCipher(storage(false), 'darwin');
    expect(() => c.encrypt('x')).toThrow(SecretStorageUnavailable);
    expect(() => c.decrypt('eA==')).toThrow(/not available/);
  });

  it('refuses the Linux basic_text fallback, which is not secret storage', () => {
    expect(() => createSafeStorageCipher(storage(true, 'basic_text'), 'linux').encrypt('x')).toThrow(/keyring/);
    expect(createSafeStorageCipher(storage(true, 'basic_text'), 'win32').decrypt(createSafeStorageCipher(storage(), 'win32').encrypt('ok'))).toBe('ok');
  });
});
