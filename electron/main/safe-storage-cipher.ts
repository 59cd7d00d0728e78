// Secrets at rest in the desktop app: Electron safeStorage (Keychain on macOS, DPAPI on Windows,
// libsecret/kwallet on Linux), stored as base64 text. On Linux without a keyring safeStorage falls
// back to a hard-coded key ('basic_text'); that is not secret storage, so it is refused here rather
// than telling the user their passwords are in the OS keychain.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../rpc/types';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SecretStorageUnavailable extends Error {
  override readonly name = 'SecretStorageUnavailable';
}

export function createSafeStorageCipher(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  const ensure = (): void => {
    if (!storage.isEncryptionAvailable()) {
      throw new SecretStorageUnavailable('OS secret storage is not available, so secrets cannot be saved (is a keychain/keyring unlocked?)');
    }
    if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SecretStorageUnavailable(
        'no Linux keyring (Secret Service or KWallet) is running, so secrets cannot be stored safely; start gnome-keyring or kwallet, or use the headless server',
      );
    }
  };
  return {
    kind: 'os-keychain',
    encrypt(plain) {
      ensure();
      return storage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      ensure();
      return storage.decryptString(Buffer.from(stored, 'base64'));
    },
  };
}
