import { describe, expect, it, vi } from 'vitest';
import { resolveAppPaths } from '../../../electron/main/app-paths';
import { applyCsp, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, cspFor } from '../../../electron/main/csp';
import { hardenSession } from '../../../electron/main/session-policy';
import { fakeSession } from './fake-electron';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));

describe('content security policy', () => {
  it('is strict for the packaged renderer', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(d.get('img-src')).toBe("'self' data:");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(cspFor(resolveAppPaths('/a', {}, true).renderer)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('has a meta-tag variant without directives browsers ignore in <meta>', () => {
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_META).toContain("script-src 'self'");
  });

  it('relaxes only script-src and connect-src for a loopback dev server', () => {
    const d = directives(cspFor(resolveAppPaths('/a', { STUDIO_DEV_SERVER_URL: 'http://localhost:5173' }, false).renderer));
    expect(d.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(d.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(d.get('object-src')).toBe("'none'");
  });

  it('replaces any server policy on responses', () => {
    const session = fakeSession();
    applyCsp(session as never, CONTENT_SECURITY_POLICY);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('session permissions', () => {
  const ours = 'file:///opt/studio/dist/renderer/index.html';
  const session = fakeSession();
  hardenSession(session as never, CONTENT_SECURITY_POLICY, (url) => url === ours);
  const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
  const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string, o: string, d: { requestingUrl?: string }) => boolean;

  it('denies permission requests (camera, geolocation, notifications...)', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      request(null, permission, cb, { requestingUrl: ours });
      expect(cb).toHaveBeenCalledWith(false);
      expect(check(null, permission, 'file://', { requestingUrl: ours })).toBe(false);
    }
    expect((session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });

  it('allows clipboard writes only from our page', () => {
    const cb = vi.fn();
    request(null, 'clipboard-sanitized-write', cb, { requestingUrl: ours });
    expect(cb).toHaveBeenCalledWith(true);
    const other = vi.fn();
    request(null, 'clipboard-sanitized-write', other, { requestingUrl: 'https://evil.example/' });
    expect(other).toHaveBeenCalledWith(false);
    expect(check(null, 'clipboard-read', 'file://', { requestingUrl: ours })).toBe(false);
  });
});
