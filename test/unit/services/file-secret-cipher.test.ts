import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE, createFileSecretCipher } from '../../../electron/services/file-secret-cipher';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'studio-cipher-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('file secret cipher', () => {
  it('round-trips text, including unicode and PEM blocks, and says what it is', () => {
    const c = createFileSecretCipher(tempDir());
    expect(c.kind).toBe('file-0600');
    for (const plain of ['studio-secret', 'pässwörd ✓ 🔑', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', '']) {
      const stored = c.encrypt(plain);
      expect(stored).not.toContain(plain || '\u0000');
      expect(c.decrypt(stored)).toBe(plain);
    }
  });

  it('uses a fresh IV each time, so equal secrets do not look equal at rest', () => {
    const c = createFileSecretCipher(tempDir());
    expect(c.encrypt('same')).not.toBe(c.encrypt('same'));
  });

  it('keeps the key in secret.key with mode 0600, created on first use only', () => {
    const dir = tempDir();
    const c = createFileSecretCipher(dir);
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
    c.encrypt('x');
    const st = statSync(join(dir, SECRET_KEY_FILE));
    expect(st.mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dir, SECRET_KEY_FILE), 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('reads secrets written by another instance (a restart) with the same key file', () => {
    const dir = tempDir();
    const stored = createFileSecretCipher(dir).encrypt('studio-secret');
    expect(createFileSecretCipher(dir).decrypt(stored)).toBe('studio-secret');
  });

  it('tightens a key file whose mode was loosened', () => {
    const dir = tempDir();
    createFileSecretCipher(dir).encrypt('x');
    chmodSync(join(dir, SECRET_KEY_FILE), 0o644);
    createFileSecretCipher(dir).encrypt('y');
    expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses tampered data and data from another key, with a clear error', () => {
    const a = createFileSecretCipher(tempDir());
    const b = createFileSecretCipher(tempDir());
    const stored = a.encrypt('studio-secret');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => a.decrypt(`v1:${raw.toString('base64')}`)).toThrow(/cannot be decrypted/);
    expect(() => b.decrypt(stored)).toThrow(/cannot be decrypted/);
    expect(() => a.decrypt('plain text')).toThrow(/format/);
  });

  it('refuses a key file of the wrong size instead of silently replacing it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SECRET_KEY_FILE), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => createFileSecretCipher(dir).encrypt('x')).toThrow(/32-byte key/);
  });
});
