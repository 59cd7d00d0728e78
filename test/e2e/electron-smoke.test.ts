// Desktop smoke test: launches the real Electron app (built bundles) with Playwright and checks the
// window shows the app through a sandboxed, isolated bridge. Skipped where the Electron binary is not
// installed (e.g. installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1) or there is no display.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** What the page functions below touch in the renderer. */
interface PageGlobals {
  document: { body: { innerText: string } };
  location: { href: string };
  open(url: string): unknown;
  bridge: { invoke(cmd: string, args: unknown[]): Promise<{ ok: boolean; value?: { host?: string } }> };
  require?: unknown;
  process?: unknown;
}

function electronBinary(): string | null {
  try {
    // the electron package's main export is the path of the binary; it throws if the download was skipped
    const bin: unknown = createRequire(import.meta.url)('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary ? 'Electron binary not installed' : !hasDisplay ? 'no DISPLAY (run under xvfb-run)' : '';
if (skipReason) console.warn(`electron-smoke: skipped: ${skipReason}`);

describe.skipIf(Boolean(skipReason))('desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
      execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
    }
    run(['scripts/build-main.mjs']);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer's
      // `sandbox: true` model (no Node in the preload) still applies.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
      cwd: root,
      env: { ...process.env, STUDIO_USER_DATA_DIR: userData } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('shows the app from the bundled renderer', async () => {
    expect(page.url()).toMatch(/^file:.*\/dist\/renderer\/index\.html/);
    // the page functions run in the browser; this tsconfig has no DOM lib, hence the globalThis casts
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.innerText.trim().length > 0, undefined, { timeout: 30_000 });
    expect(await page.title()).toBeTruthy();
  });

  it('exposes only the typed bridge, and it answers app.info', async () => {
    const probe = await page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals;
      const info = await w.bridge.invoke('app.info', []);
      const unknown = await w.bridge.invoke('fs.readFile', []);
      return { keys: Object.keys(w.bridge).sort(), hasRequire: typeof w.require, hasProcess: typeof w.process, host: info.ok ? info.value?.host : null, unknownOk: unknown.ok };
    });
    expect(probe).toEqual({ keys: ['invoke', 'on'], hasRequire: 'undefined', hasProcess: 'undefined', host: 'desktop', unknownOk: false });
  });

  it('blocks popups and navigation away from the renderer', async () => {
    const before = page.url();
    const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
