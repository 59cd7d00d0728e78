// A Spanish-speaking first-time user, keyboard only (no clicks, no filling of fields by script):
// connection wizard against the sandbox, a new pipeline from a topic and a collection, started;
// records arrive and the monitor shows them; presentation and confirmation dialogs open, keep Tab
// inside, close on Escape and give focus back. Every control reached shows a focus ring, and the
// connection tests and pipeline state changes reach screen readers through live regions.
import { Partitioners } from 'kafkajs';
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, waitFor } from '../integration/support/env';
import { exampleMessage } from '../integration/support/example';
import { createTopic, deleteTopics, testKafka } from '../integration/support/kafka';
import { createExampleCollection, dropCollection, testMilvus } from '../integration/support/milvus';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

const topic = uid('kb');
const collection = uid('kb');
const name = `Teclado ${topic.slice(-4)}`;
let milvus: MilvusClient;
let studio: Studio;
let app: OpenPage;

beforeAll(async () => {
  milvus = testMilvus();
  await createExampleCollection(milvus, collection, { titleMaxLength: 64 });
  await createTopic(topic, 1);
  studio = await startStudio();
  app = await openApp(studio.url, { locale: 'es-ES' });
});

afterAll(async () => {
  await app?.close();
  await studio?.stop();
  await dropCollection(milvus, collection);
  await milvus?.closeConnection();
  await deleteTopics(topic, `${topic}-dlq`);
});

interface Focused {
  testId: string | null;
  tag: string;
  visibleRing: boolean;
  inDialog: boolean;
}

/** Runs in the page (the test's tsconfig has no DOM types: a narrow cast). */
const focusedNow = (): Focused => {
  type El = { tagName: string; closest(s: string): El | null; getAttribute(n: string): string | null; matches(s: string): boolean };
  const g = globalThis as unknown as { document: { activeElement: El | null }; getComputedStyle(e: El): { outlineStyle: string; outlineWidth: string; boxShadow: string } };
  const el = g.document.activeElement;
  if (!el) return { testId: null, tag: '', visibleRing: false, inDialog: false };
  const s = g.getComputedStyle(el);
  const ring = el.matches(':focus-visible') && ((s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || (s.boxShadow !== 'none' && s.boxShadow !== ''));
  return { testId: el.closest('[data-testid]')?.getAttribute('data-testid') ?? null, tag: el.tagName.toLowerCase(), visibleRing: ring, inDialog: el.closest('dialog[open]') !== null };
};

const focused = (page: Page): Promise<Focused> => page.evaluate(focusedNow);

/** Presses Tab (or Shift+Tab) until the element with `testId` has focus; it must show a focus ring. */
async function tabTo(page: Page, testId: string, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.testId === testId) {
      expect(f.visibleRing, `${testId} shows a focus ring`).toBe(true);
      return;
    }
    seen.push(f.testId ?? f.tag);
  }
  throw new Error(`${testId} was not reached by keyboard; focus went through: ${seen.join(', ')}`);
}

type StatusArgs = [kind: string, want: string[]];
const statusIs = ([kind, want]: StatusArgs): boolean => {
  const doc = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document;
  return want.includes(doc.querySelector(`[data-testid="${kind}-test-status"]`)?.getAttribute('data-status') ?? '');
};

async function testByKeyboard(page: Page, kind: 'kafka' | 'milvus'): Promise<void> {
  await tabTo(page, `${kind}-test-button`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(statusIs, [kind, ['ok', 'error']] satisfies StatusArgs, { polling: 50, timeout: 30_000 });
  const status = page.getByTestId(`${kind}-test-status`);
  expect(await status.getAttribute('data-status')).toBe('ok');
  // Announced: the result is inside a polite live region, in Spanish.
  expect(await status.getAttribute('aria-live')).toBe('polite');
  await expect(status.innerText()).resolves.toMatch(/correct|conectad|funciona/i);
}

async function produce(n: number): Promise<void> {
  const producer = testKafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: n }, (_, i) => ({ key: String(i), value: JSON.stringify(exampleMessage(i)) })) });
  } finally {
    await producer.disconnect();
  }
}

describe('keyboard only, in Spanish', () => {
  it('sets up both connections with the wizard', async () => {
    const { page } = app;
    await page.getByTestId('wizard-panel-kafka').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await tabTo(page, 'sandbox-start');
    await page.keyboard.press('Enter');
    await page.getByTestId('sandbox-filled').waitFor({ timeout: 180_000 });
    await testByKeyboard(page, 'kafka');
    await tabTo(page, 'wizard-next');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-panel-milvus').waitFor();
    await testByKeyboard(page, 'milvus');
    await app.screenshot('keyboard-es-wizard-milvus');
    await tabTo(page, 'wizard-next');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-panel-review').waitFor();
    await tabTo(page, 'wizard-save');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    expect((await studio.commands['profiles.list']()).map((p) => p.kind).sort()).toEqual(['kafka', 'milvus']);
    expect(app.errors).toEqual([]);
  });

  it('creates and starts a pipeline, and hears its state change', async () => {
    const { page } = app;
    await tabTo(page, 'nav-pipelines', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, 'new-pipeline');
    await page.keyboard.press('Enter');
    await tabTo(page, 'pipeline-name', { back: true, max: 40 }).catch(async () => tabTo(page, 'pipeline-name'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(name);
    await tabTo(page, `topic-${topic}`);
    await page.keyboard.press('Space');
    await expect(page.getByTestId(`topic-${topic}`).isChecked()).resolves.toBe(true);
    const values = () => page.getByTestId('pipeline-collection').locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    await waitFor('collections listed', async () => (await values()).includes(collection), 20_000, 200);
    await tabTo(page, 'pipeline-collection');
    // A focused <select> picks the option whose text is typed.
    await page.keyboard.type(collection);
    await expect(page.getByTestId('pipeline-collection').inputValue()).resolves.toBe(collection);
    await app.screenshot('keyboard-es-pipeline-form');
    await tabTo(page, 'pipeline-create-start');
    await page.keyboard.press('Enter');
    const card = page.locator(`[data-name="${name}"]`);
    await card.and(page.locator('[data-state="running"]')).waitFor({ timeout: 30_000 });
    const announcer = page.getByTestId('pipeline-announcer');
    await expect(announcer.getAttribute('aria-live')).resolves.toBe('polite');
    await waitFor('state change announced', async () => (await announcer.innerText()).includes(`Pipeline ${name}: En marcha.`), 10_000, 100);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('watches records arrive on the monitor, and every dialog keeps and gives back focus', async () => {
    const { page } = app;
    await produce(50);
    await tabTo(page, 'pipeline-monitor');
    await page.keyboard.press('Enter');
    await page.getByTestId('monitor-counters').waitFor();
    await waitFor('50 written', async () => Number(await page.getByTestId('counter-written').getAttribute('data-value')) === 50, 60_000, 250);
    await app.screenshot('keyboard-es-monitor');

    // Presentation: a modal dialog; Tab stays inside, Escape leaves, focus returns to its button.
    await tabTo(page, 'monitor-present', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('presentation').waitFor();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog, 'focus stays in the presentation').toBe(true);
    }
    await app.screenshot('keyboard-es-presentation');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('monitor-present');

    // A confirmation: Cancel has focus first (destructive action), Tab cycles, Escape keeps the pipeline.
    await tabTo(page, 'nav-pipelines', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, 'pipeline-stop');
    await page.keyboard.press('Enter');
    await page.locator(`[data-name="${name}"][data-state="stopped"]`).waitFor({ timeout: 30_000 });
    await waitFor('stop announced', async () => (await page.getByTestId('pipeline-announcer').innerText()).includes(`Pipeline ${name}: Detenido.`), 10_000, 100);
    await tabTo(page, 'pipeline-delete');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('delete-pipeline-dialog');
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ inDialog: true, tag: 'button' });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      expect((await focused(page)).inDialog, 'focus stays in the confirmation').toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.locator('.modal-title').waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('pipeline-delete');
    expect(await studio.commands['pipeline.list']()).toHaveLength(1);
    expect(app.errors).toEqual([]);
  });
});
