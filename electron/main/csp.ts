// The renderer's Content Security Policy. It is sent as a response header for every page the session
// loads and should also be in renderer/index.html as a <meta http-equiv> tag (header delivery for
// file:// has varied across Electron versions, the meta tag always applies).
import type { Session } from 'electron';
import type { RendererTarget } from './app-paths';

export const CSP_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

export const CONTENT_SECURITY_POLICY = serialize(CSP_DIRECTIVES);

/** For the index.html meta tag: browsers ignore frame-ancestors there (and warn about it). */
export const CONTENT_SECURITY_POLICY_META = serialize(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([k]) => k !== 'frame-ancestors')),
);

/**
 * The policy for a target. The vite dev server needs an inline React-refresh preamble and its HMR
 * websocket; that relaxation only exists for a loopback dev server (never when packaged).
 */
export function cspFor(target: RendererTarget): string {
  if (target.kind === 'file') return CONTENT_SECURITY_POLICY;
  const ws = target.origin.replace(/^http/, 'ws');
  return serialize({
    ...CSP_DIRECTIVES,
    'script-src': "'self' 'unsafe-inline'",
    'connect-src': `'self' ${ws}`,
  });
}

export function applyCsp(session: Pick<Session, 'webRequest'>, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // ours replaces whatever policy a (dev) server sent
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

function serialize(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}
