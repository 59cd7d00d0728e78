// Secrets at rest for the headless server: AES-256-GCM with a random key kept in
// <dataDir>/secret.key, readable only by this user (0600). This protects the profiles file when it is
// copied or backed up without the key; it does not protect against someone who can read the user's
// files, which app.info's secretStorage tells the user. The desktop app uses the OS keychain instead.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from '../rpc/types';

const PREFIX = 'v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const SECRET_KEY_FILE = 'secret.key';

export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

function loadOrCreateKey(file: string): Buffer {
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new SecretKeyError(`${file} does not hold a ${KEY_BYTES}-byte key; move it away to start over (saved secrets are then lost)`);
    // Tighten a key file whose mode was loosened (e.g. by a copy); never run with a world-readable key.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    // 'wx': never overwrite a key another process created meanwhile (that would orphan its secrets)
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(file);
    throw err;
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
  return key;
}

/** The key is created on first use, so merely starting the server writes nothing. */
export function createFileSecretCipher(dataDir: string): SecretCipher {
  const file = join(dataDir, SECRET_KEY_FILE);
  let key: Buffer | undefined;
  const getKey = (): Buffer => {
    if (!key) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      key = loadOrCreateKey(file);
    }
    return key;
  };
  return {
    kind: 'file-0600',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new SecretKeyError('stored secret is not in the file-cipher format');
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretKeyError('stored secret is truncated');
      const decipher = createDecipheriv('aes-256-gcm', getKey(), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError(`a stored secret cannot be decrypted with ${file} (was the key replaced?)`);
      }
    },
  };
}
