// Session-wide rules: our CSP on every response, and no browser permissions (camera, geolocation,
// notifications, HID/USB/serial...). The one exception is clipboard writes from our own page, which
// the "copy" buttons need and which Chromium only allows after a user gesture anyway.
import type { Session } from 'electron';
import { applyCsp } from './csp';

type SessionLike = Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

const ALLOWED_FOR_RENDERER = new Set<string>(['clipboard-sanitized-write']);

export function hardenSession(session: SessionLike, policy: string, isRendererUrl: (url: string) => boolean): void {
  applyCsp(session, policy);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_FOR_RENDERER.has(permission) && isRendererUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return ALLOWED_FOR_RENDERER.has(permission) && isRendererUrl(details.requestingUrl ?? '');
  });
  session.setDevicePermissionHandler(() => false);
}
