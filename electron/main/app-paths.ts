// Where the built pieces live and which URL the window may show. Everything is derived from the app
// path (the package root, or app.asar when packaged) so the same code works from the repo and
// from an installer.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The only page the window may show: the built renderer file, or a local dev server when developing. */
export type RendererTarget = { kind: 'file'; file: string; url: string } | { kind: 'dev'; url: string; origin: string };

export interface AppPaths {
  preload: string;
  renderer: RendererTarget;
}

/** Set to http://localhost:5173 (vite dev server) to develop the renderer with HMR; ignored when packaged. */
export const DEV_SERVER_ENV = 'STUDIO_DEV_SERVER_URL';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveAppPaths(appPath: string, env: NodeJS.ProcessEnv, isPackaged: boolean): AppPaths {
  const preload = path.join(appPath, 'dist', 'electron', 'preload.cjs');
  const dev = isPackaged ? undefined : env[DEV_SERVER_ENV];
  if (dev) return { preload, renderer: devTarget(dev) };
  const file = path.join(appPath, 'dist', 'renderer', 'index.html');
  return { preload, renderer: { kind: 'file', file, url: pathToFileURL(file).href } };
}

function devTarget(raw: string): RendererTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${DEV_SERVER_ENV} is not a URL: ${raw}`);
  }
  // A dev server gets the same IPC trust as the bundled page, so it must be on this machine.
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    throw new Error(`${DEV_SERVER_ENV} must be an http://localhost or loopback URL, got ${raw}`);
  }
  return { kind: 'dev', url: url.href, origin: url.origin };
}

/** True when `url` is our renderer page (any #route or ?query), so navigation and IPC may trust it. */
export function isRendererUrl(target: RendererTarget, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return parsed.origin === target.origin;
  if (parsed.protocol !== 'file:') return false;
  parsed.hash = '';
  parsed.search = '';
  return parsed.href === target.url;
}
