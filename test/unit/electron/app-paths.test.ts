import { describe, expect, it } from 'vitest';
import { isRendererUrl, resolveAppPaths } from '../../../electron/main/app-paths';

describe('app paths', () => {
  it('points at the bundled preload and renderer under the app path', () => {
    const p = resolveAppPaths('/opt/studio/resources/app.asar', { STUDIO_DEV_SERVER_URL: 'http://localhost:5173' }, true);
    expect(p.preload).toBe('/opt/studio/resources/app.asar/dist/electron/preload.cjs');
    expect(p.renderer).toEqual({ kind: 'file', file: '/opt/studio/resources/app.asar/dist/renderer/index.html', url: 'file:///opt/studio/resources/app.asar/dist/renderer/index.html' });
  });

  it('uses a loopback dev server only when not packaged', () => {
    expect(resolveAppPaths('/r', { STUDIO_DEV_SERVER_URL: 'http://127.0.0.1:5173/' }, false).renderer).toEqual({ kind: 'dev', url: 'http://127.0.0.1:5173/', origin: 'http://127.0.0.1:5173' });
    expect(() => resolveAppPaths('/r', { STUDIO_DEV_SERVER_URL: 'http://example.com:5173' }, false)).toThrow(/loopback/);
    expect(() => resolveAppPaths('/r', { STUDIO_DEV_SERVER_URL: 'nope' }, false)).toThrow(/not a URL/);
  });

  it('recognizes only our page, with any route', () => {
    const file = resolveAppPaths('/opt/s', {}, true).renderer;
    expect(isRendererUrl(file, 'file:///opt/s/dist/renderer/index.html')).toBe(true);
    expect(isRendererUrl(file, 'file:///opt/s/dist/renderer/index.html#/pipelines?x=1')).toBe(true);
    expect(isRendererUrl(file, 'file:///opt/s/dist/renderer/other.html')).toBe(false);
    expect(isRendererUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(isRendererUrl(file, 'https://opt/s/dist/renderer/index.html')).toBe(false);
    expect(isRendererUrl(file, 'garbage')).toBe(false);
    const dev = resolveAppPaths('/r', { STUDIO_DEV_SERVER_URL: 'http://localhost:5173' }, false).renderer;
    expect(isRendererUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
  });
});
