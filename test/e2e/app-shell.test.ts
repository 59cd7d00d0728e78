// The built renderer, served by the headless server, renders the app shell in Debian Chromium
// against the real main side, with no console errors; every page of the navigation opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

let studio: Studio;
let app: OpenPage;

beforeAll(async () => {
  studio = await startStudio();
  app = await openApp(studio.url);
});
afterAll(async () => {
  await app?.close();
  await studio?.stop();
});

describe('app shell in browser mode', () => {
  it('connects over the bridge and shows the navigation', async () => {
    const { page } = app;
    for (const nav of ['connections', 'pipelines', 'schema', 'producer', 'monitor', 'settings']) {
      await expect(page.getByTestId(`nav-${nav}`).isVisible()).resolves.toBe(true);
    }
    await page.getByTestId('bridge-state').waitFor();
    // The token is kept out of the address bar once the page has it.
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    await app.screenshot('app-shell-first-run');
  });

  it('opens every page without console errors', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    for (const nav of ['pipelines', 'schema', 'producer', 'monitor', 'settings', 'connections']) {
      await page.getByTestId(`nav-${nav}`).click();
      await page.waitForURL((url) => url.hash.includes(nav));
      await app.screenshot(`app-shell-${nav}`);
      expect(await seriousViolations(page), `accessibility of ${nav}`).toEqual([]);
    }
    expect(app.errors).toEqual([]);
  });

  it('refuses a page opened without the token', async () => {
    const res = await fetch(`${studio.origin}/bridge`, { headers: { Upgrade: 'websocket', Connection: 'Upgrade' } }).catch((e: Error) => e);
    // Node's fetch cannot upgrade; what matters is that the socket path never serves data without a token.
    expect(res instanceof Error || res.status >= 400).toBe(true);
  });
});
