// The connection wizard in Chromium, as a first-time user meets it: from an empty app to a tested,
// saved sandbox pair; then a secure pair (SASL_SSL + SCRAM-SHA-512 with a custom CA; Milvus behind
// TLS with a token) where wrong credentials and a missing CA are named precisely; in both themes
// and in Spanish.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

const secureScript = join(process.cwd(), 'scripts', 'stack', 'secure.sh');
let studio: Studio;
let secure: Record<string, string>;

beforeAll(async () => {
  execFileSync('bash', [secureScript, 'up'], { stdio: 'ignore', timeout: 280_000 });
  secure = Object.fromEntries(
    execFileSync('bash', [secureScript, 'env'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.split('=', 2) as [string, string]),
  );
  studio = await startStudio();
});
afterAll(async () => {
  await studio?.stop();
});

type StatusArgs = [kind: string, want: string[]];
/** Runs in the page, so it must be self-contained (the test's tsconfig has no DOM types: narrow cast). */
const statusIs = ([kind, want]: StatusArgs): boolean => {
  const doc = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document;
  return want.includes(doc.querySelector(`[data-testid="${kind}-test-status"]`)?.getAttribute('data-status') ?? '');
};

async function testConnection(page: Page, kind: 'kafka' | 'milvus'): Promise<string> {
  await page.getByTestId(`${kind}-test-button`).click();
  const status = page.getByTestId(`${kind}-test-status`);
  // The previous result stays on screen until the new test runs: wait for it to start, then end.
  await page.waitForFunction(statusIs, [kind, ['running']] satisfies StatusArgs, { polling: 10, timeout: 3_000 }).catch(() => undefined);
  await page.waitForFunction(statusIs, [kind, ['ok', 'error']] satisfies StatusArgs, { polling: 50, timeout: 30_000 });
  return (await status.getAttribute('data-status')) ?? '';
}

async function errorCode(page: Page, kind: 'kafka' | 'milvus'): Promise<string | null> {
  return page.getByTestId(`${kind}-test-error`).getAttribute('data-code');
}

/** From the wizard's "done" page: a new wizard with the secure broker's SASL_SSL settings, no CA yet. */
async function startSecureKafka(page: Page, password: string): Promise<void> {
  await page.getByTestId('wizard-go-connections').click();
  await page.getByTestId('new-connection').click();
  await page.getByTestId('wizard-panel-kafka').waitFor();
  await page.getByTestId('kafka-brokers').fill(secure.SECURE_KAFKA_BROKERS!);
  await page.getByTestId('kafka-protocol').selectOption('SASL_SSL');
  await page.getByTestId('kafka-sasl-mechanism').selectOption('SCRAM-SHA-512');
  await page.getByTestId('kafka-username').fill(secure.SECURE_KAFKA_USERNAME!);
  await page.getByTestId('kafka-password').fill(password);
}

describe('connection wizard', () => {
  let app: OpenPage;
  afterAll(async () => app?.close());

  it('takes a first-time user from an empty app to a tested, saved sandbox pair', async () => {
    app = await openApp(studio.url);
    const { page } = app;
    // No profiles yet: the wizard opens by itself.
    await page.getByTestId('wizard-panel-kafka').waitFor();
    await app.screenshot('wizard-1-kafka-empty');
    await page.getByTestId('sandbox-start').click();
    await page.getByTestId('sandbox-filled').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('kafka-brokers').inputValue()).toContain('127.0.0.1:');
    expect(await testConnection(page, 'kafka')).toBe('ok');
    await expect(page.getByTestId('kafka-test-result').innerText()).resolves.toMatch(/127\.0\.0\.1/);
    await app.screenshot('wizard-2-kafka-tested');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-panel-milvus').waitFor();
    expect(await testConnection(page, 'milvus')).toBe('ok');
    await app.screenshot('wizard-3-milvus-tested');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-panel-review').waitFor();
    await app.screenshot('wizard-4-review');
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('wizard-done').waitFor();
    await app.screenshot('wizard-5-done');
    const profiles = await studio.commands['profiles.list']();
    expect(profiles.map((p) => p.kind).sort()).toEqual(['kafka', 'milvus']);
    expect(app.errors).toEqual([]);
  });

  it('connects to secure endpoints, and names a wrong password, a missing CA and a wrong token', async () => {
    const { page } = app;
    await startSecureKafka(page, 'not-the-password');
    await page.getByTestId('kafka-ca-input').setInputFiles(secure.SECURE_CA_PEM!);
    await page.getByTestId('kafka-ca-loaded').waitFor();
    expect(await testConnection(page, 'kafka')).toBe('error');
    expect(await errorCode(page, 'kafka')).toBe('kafka_sasl_failed');
    await app.screenshot('wizard-secure-kafka-auth-failed');

    await page.getByTestId('kafka-password').fill(secure.SECURE_KAFKA_PASSWORD!);
    expect(await testConnection(page, 'kafka')).toBe('ok');
    await app.screenshot('wizard-secure-kafka-ok');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('milvus-address').fill(secure.SECURE_MILVUS_ADDRESS!);
    expect(await testConnection(page, 'milvus')).toBe('error');
    expect(await errorCode(page, 'milvus')).toBe('milvus_tls');
    await app.screenshot('wizard-secure-milvus-untrusted');
    await page.getByTestId('milvus-ca-input').setInputFiles(secure.SECURE_CA_PEM!);
    await page.getByTestId('milvus-ca-loaded').waitFor();
    await page.getByTestId('milvus-auth-token').check();
    await page.getByTestId('milvus-token').fill('wrong-token');
    expect(await testConnection(page, 'milvus')).toBe('error');
    expect(await errorCode(page, 'milvus')).toBe('milvus_unauthenticated');
    await page.getByTestId('milvus-token').fill(secure.SECURE_MILVUS_TOKEN!);
    expect(await testConnection(page, 'milvus')).toBe('ok');
    await app.screenshot('wizard-secure-milvus-ok');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('review-kafka-name').fill('Secure Kafka');
    await page.getByTestId('review-milvus-name').fill('Secure Milvus');
    await app.screenshot('wizard-secure-review');
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('wizard-done').waitFor();
    const profiles = await studio.commands['profiles.list']();
    expect(profiles).toHaveLength(4);
    // Secrets reach the renderer masked, never in clear.
    expect(JSON.stringify(profiles)).not.toContain(secure.SECURE_KAFKA_PASSWORD!);
    expect(JSON.stringify(profiles)).not.toContain(secure.SECURE_MILVUS_TOKEN!);
    expect(app.errors).toEqual([]);
  });

  it('shows an untrusted certificate when the Kafka CA is missing', async () => {
    const { page } = app;
    await startSecureKafka(page, secure.SECURE_KAFKA_PASSWORD!);
    expect(await testConnection(page, 'kafka')).toBe('error');
    expect(await errorCode(page, 'kafka')).toBe('kafka_tls_untrusted');
    await app.screenshot('wizard-secure-kafka-untrusted');
  });
});

describe('connection wizard, dark theme in Spanish', () => {
  it('reads naturally and stays within its layout', async () => {
    const app = await openApp(studio.url, { locale: 'es-ES', colorScheme: 'dark' });
    try {
      const { page } = app;
      await page.goto(`${studio.origin}/#/connections/new`);
      await page.getByTestId('wizard-panel-kafka').waitFor();
      await expect(page.getByTestId('sandbox-start').innerText()).resolves.toMatch(/[Ss]andbox|[Ee]ntorno|[Ii]niciar/);
      await page.getByTestId('kafka-test-button').click();
      await app.screenshot('wizard-es-dark-kafka');
      await page.getByTestId('wizard-next').click().catch(() => undefined);
      await app.screenshot('wizard-es-dark-next');
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
