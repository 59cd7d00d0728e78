import { describe, expect, it } from 'vitest';
import { resolveBridgeUrl, TOKEN_KEY } from '../../../renderer/src/transport/bridge-url';
import { createElectronTransport } from '../../../renderer/src/transport/electron-transport';

function storage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('resolveBridgeUrl', () => {
  it('moves the token from the URL to the session and cleans the visible URL', () => {
    const s = storage();
    const replaced: (string | undefined)[] = [];
    const url = resolveBridgeUrl(
      { protocol: 'http:', host: '127.0.0.1:8787', search: '?token=s3cr%2Bt&x=1', href: 'http://127.0.0.1:8787/?token=s3cr%2Bt&x=1#/settings' },
      s,
      { replaceState: (_d, _u, u) => replaced.push(u) },
    );
    expect(url).toBe('ws://127.0.0.1:8787/bridge?token=s3cr%2Bt');
    expect(s.m.get(TOKEN_KEY)).toBe('s3cr+t');
    expect(replaced).toEqual(['/?x=1#/settings']);
  });

  it('reuses the session token after a reload, over wss for https', () => {
    const s = storage();
    s.setItem(TOKEN_KEY, 'abc');
    const replaced: unknown[] = [];
    const url = resolveBridgeUrl({ protocol: 'https:', host: 'studio.example:443', search: '', href: 'https://studio.example/' }, s, {
      replaceState: () => replaced.push(1),
    });
    expect(url).toBe('wss://studio.example:443/bridge?token=abc');
    expect(replaced).toEqual([]);
  });
});

describe('electron transport', () => {
  it('passes the command and its args array to the preload bridge', async () => {
    const seen: unknown[] = [];
    const t = createElectronTransport({
      invoke: async (cmd, args) => {
        seen.push([cmd, args]);
        return { ok: true, value: 'x' };
      },
      on: () => () => {},
    });
    await expect(t.invoke('profiles.delete', 'p1')).resolves.toEqual({ ok: true, value: 'x' });
    expect(seen).toEqual([['profiles.delete', ['p1']]]);
  });

  it('turns an IPC failure into a typed internal error and reports itself open', async () => {
    const t = createElectronTransport({ invoke: () => Promise.reject(new Error('ipc gone')), on: () => () => {} });
    const r = await t.invoke('app.info');
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    const states: string[] = [];
    t.onConnection?.((s) => states.push(s));
    expect(states).toEqual(['open']);
  });
});
