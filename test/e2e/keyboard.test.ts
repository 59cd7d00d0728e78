// A Spanish-speaking first-time user with only a keyboard (no clicks, no filling of fields by
// script): the connection wizard against the sandbox, a new pipeline from a topic and a collection,
// started; a test message and then a batch from the producer; the monitor counting them live;
// pause and resume, stop, offset reset and delete. At every step focus is where the user expects
// it (never dropped to the top of the page), every stop shows a focus ring, dialogs keep Tab inside,
// close on Escape and give focus back, and live regions say the connection tests' results, the
// delivery of the message and every change of pipeline state. Screenshots in Spanish for review.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import type { Page } from 'playwright-core';
import type { PipelineSpec } from '../../shared/domain';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, waitFor } from '../integration/support/env';
import { createTopic, deleteTopics } from '../integration/support/kafka';
import { createExampleCollection, dropCollection, loadCollection, testMilvus } from '../integration/support/milvus';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { clippedText, focused, press, tabStaysInside, tabTo } from './support/keyboard';
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
  await loadCollection(milvus, collection);
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

const liveText = async (page: Page, testId: string) => {
  const region = page.getByTestId(testId);
  expect(await region.getAttribute('aria-live'), `${testId} is a live region`).toBe('polite');
  return region.innerText();
};
const announced = (page: Page, testId: string, text: string) => waitFor(`"${text}" said in ${testId}`, async () => (await liveText(page, testId)).includes(text), 60_000, 100);
const counter = async (page: Page, id: string) => Number((await page.getByTestId(`counter-${id}`).getAttribute('data-value')) ?? NaN);

/** A Spanish screen for review: saved to artifacts/, and no text cut off by its box. */
async function screen(shot: string): Promise<void> {
  await app.screenshot(`keyboard-es-${shot}`);
  expect({ shot, clipped: await clippedText(app.page) }).toEqual({ shot, clipped: [] });
}

/** Focus arrives on a page's title (a new page is rendered after the hash changes). */
const onTitleOf = (page: Page, nav: string) =>
  waitFor(`focus on the ${nav} page's title`, async () => {
    const f = await focused(page);
    return f.tag === 'h1' && f.within.includes(`page-${nav}`) && f.visibleRing;
  }, 5_000, 50);

/** Goes to a page through the side navigation; focus lands on the new page's title. */
async function openPage(page: Page, nav: 'pipelines' | 'producer' | 'monitor'): Promise<void> {
  await tabTo(page, `nav-${nav}`, { back: true });
  await page.keyboard.press('Enter');
  await onTitleOf(page, nav);
}

async function testConnection(page: Page, kind: 'kafka' | 'milvus', service: string): Promise<void> {
  await tabTo(page, `${kind}-test-button`);
  // While the test runs the button keeps focus (busy, not disabled); afterwards too.
  expect((await press(page, 'Enter')).testId).toBe(`${kind}-test-button`);
  await announced(page, `${kind}-test-status`, `${service}: conectado.`);
  expect(await page.getByTestId(`${kind}-test-status`).getAttribute('data-status')).toBe('ok');
  expect(await focused(page)).toMatchObject({ testId: `${kind}-test-button`, visibleRing: true });
}

describe('keyboard only, in Spanish', () => {
  it('sets up both connections with the wizard', async () => {
    const { page } = app;
    await page.getByTestId('wizard-panel-kafka').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await tabTo(page, 'sandbox-start');
    await page.keyboard.press('Enter');
    await page.getByTestId('sandbox-filled').waitFor({ timeout: 180_000 });
    // The button gave way to "Pasos completados": focus stays in the step, on its next control.
    await waitFor('focus kept in the step', async () => (await focused(page)).within.includes('wizard-panel-kafka'), 5_000, 50);
    expect((await focused(page)).visibleRing).toBe(true);
    await testConnection(page, 'kafka', 'Kafka');
    await screen('wizard-kafka');

    await tabTo(page, 'wizard-next');
    expect(await press(page, 'Enter')).toMatchObject({ testId: 'wizard-panel-milvus', visibleRing: true });
    await expect(page.getByTestId('wizard-panel-milvus').getAttribute('aria-label')).resolves.toBe('Paso 2 de 3: Milvus');
    await testConnection(page, 'milvus', 'Milvus');
    await screen('wizard-milvus');

    await tabTo(page, 'wizard-next');
    expect(await press(page, 'Enter')).toMatchObject({ testId: 'wizard-panel-review' });
    await expect(page.getByTestId('wizard-step-kafka').innerText()).resolves.toMatch(/completado/);
    await screen('wizard-review');
    await tabTo(page, 'wizard-save');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Todo conectado', within: expect.arrayContaining(['wizard-done']) });
    await screen('wizard-done');
    expect((await studio.commands['profiles.list']()).map((p) => p.kind).sort()).toEqual(['kafka', 'milvus']);
    // The sandbox's profiles are named in Spanish too.
    expect((await studio.commands['profiles.list']()).map((p) => p.name).sort()).toEqual(['Sandbox local · Kafka', 'Sandbox local · Milvus']);

    await tabTo(page, 'wizard-go-pipelines');
    await page.keyboard.press('Enter');
    await onTitleOf(page, 'pipelines');
    expect(app.errors).toEqual([]);
  });

  it('creates and starts a pipeline, and hears its state change', async () => {
    const { page } = app;
    await tabTo(page, 'new-pipeline');
    // The button gives way to the form: typing starts at its name.
    expect((await press(page, 'Enter')).testId).toBe('pipeline-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(name);
    const box = page.getByTestId(`topic-${topic}`);
    await waitFor('topics listed', async () => (await box.count()) > 0, 20_000, 200);
    if (await page.getByTestId('topic-filter').count()) {
      // A long list (the broker is shared) is narrowed with the filter first.
      await tabTo(page, 'topic-filter');
      await page.keyboard.type(topic);
    }
    await tabTo(page, `topic-${topic}`);
    await page.keyboard.press('Space');
    await expect(box.isChecked()).resolves.toBe(true);
    const values = () => page.getByTestId('pipeline-collection').locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    await waitFor('collections listed', async () => (await values()).includes(collection), 20_000, 200);
    await tabTo(page, 'pipeline-collection');
    // A focused <select> picks the option whose text is typed.
    await page.keyboard.type(collection);
    await expect(page.getByTestId('pipeline-collection').inputValue()).resolves.toBe(collection);
    await screen('pipeline-form');
    await tabTo(page, 'pipeline-create-start');
    await page.keyboard.press('Enter');
    await page.locator(`[data-name="${name}"][data-state="running"]`).waitFor({ timeout: 30_000 });
    // The form gave way to the list: focus is on the new pipeline's title.
    await waitFor('focus on the new card', async () => (await focused(page)).card === name, 5_000, 50);
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: name });
    await announced(page, 'pipeline-announcer', `Pipeline ${name}: En marcha.`);
    await screen('pipelines');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('sends a test message from the producer and hears it land', async () => {
    const { page } = app;
    await openPage(page, 'producer');
    await page.locator('[data-testid="producer-validation"][data-valid="true"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('producer-pipeline').inputValue()).resolves.not.toBe('');
    await tabTo(page, 'producer-send');
    expect((await press(page, 'Enter')).testId).toBe('producer-send');
    await page.getByTestId('verify-written').waitFor({ timeout: 60_000 });
    await announced(page, 'verify-announcer', 'Enviado a Kafka. Escrito en Milvus');
    expect(await focused(page)).toMatchObject({ testId: 'producer-send', visibleRing: true });
    await screen('producer');

    // "Guardar como plantilla": a dialog; focus starts in its name field and comes back on Escape.
    await tabTo(page, 'producer-save-template', { back: true });
    expect(await press(page, 'Enter')).toMatchObject({ testId: 'producer-save-name', inDialog: true });
    await tabStaysInside(page);
    await screen('producer-save-dialog');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="producer-save-dialog"][open]').waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('producer-save-template');

    // Then a batch of 30 at 6 per second, watched on the monitor while it arrives.
    await tabTo(page, 'producer-many-count');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await tabTo(page, 'producer-many-rate');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    await tabTo(page, 'producer-many-start');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="producer-many-progress"][data-state="running"]').waitFor();
    expect(app.errors).toEqual([]);
  });

  it('watches the counters rise on the monitor, pauses and resumes, and presents', async () => {
    const { page } = app;
    await openPage(page, 'monitor');
    // The batch is still arriving: the written counter is seen rising, never falling.
    const written: number[] = [];
    await waitFor('31 written', async () => {
      const n = await counter(page, 'written');
      if (n !== written.at(-1)) written.push(n);
      return n === 31;
    }, 60_000, 200);
    expect(written, 'written only goes up').toEqual([...written].sort((a, b) => a - b));
    expect(written.length, `written rose while watched: ${written.join(', ')}`).toBeGreaterThan(2);
    await waitFor('counters add up', async () => (await page.getByTestId('adds-up').getAttribute('data-ok')) === 'true' && (await counter(page, 'lag')) === 0, 20_000, 250);
    await screen('monitor');

    // Pause: the button gives way to Reanudar, which takes focus; the change is said.
    await tabTo(page, 'pipeline-pause');
    await page.keyboard.press('Enter');
    await announced(page, 'pipeline-announcer', `Pipeline ${name}: En pausa.`);
    await waitFor('focus on Reanudar', async () => (await focused(page)).testId === 'pipeline-resume', 5_000, 50);
    await page.keyboard.press('Enter');
    await announced(page, 'pipeline-announcer', `Pipeline ${name}: En marcha.`);
    await waitFor('focus on Pausar', async () => (await focused(page)).testId === 'pipeline-pause', 5_000, 50);

    // Presentation: a modal dialog; Tab stays inside, Escape leaves, focus returns to its button.
    await tabTo(page, 'monitor-present', { back: true });
    expect(await press(page, 'Enter')).toMatchObject({ testId: 'presentation-exit', inDialog: true });
    await tabStaysInside(page);
    await screen('presentation');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ testId: 'monitor-present', visibleRing: true });

    // The event log and the dead letters: one Tab stop, the arrow keys switch tabs.
    await tabTo(page, 'tab-log');
    expect(await press(page, 'ArrowRight')).toMatchObject({ testId: 'tab-dlq', visibleRing: true });
    await page.getByTestId('dlq-browser').waitFor();
    await expect(page.getByTestId('tab-dlq').getAttribute('aria-selected')).resolves.toBe('true');
    expect((await press(page, 'Tab')).within).toContain('dlq-browser');
    await tabTo(page, 'tab-dlq', { back: true });
    expect((await press(page, 'Home')).testId).toBe('tab-log');
    await page.getByTestId('event-log').waitFor();
    // The lines the main side wrote read in Spanish too: creation, state changes, the route, the write mode.
    const lines = await page.locator('[data-testid="log-entry"] .log-message').allTextContents();
    for (const line of [`Pipeline «${name}» creado`, 'Iniciando → En marcha', 'En marcha → En pausa', `Consumiendo ${topic} hacia ${collection}`, 'Modo de escritura: ']) {
      expect(lines.some((l) => l.includes(line)), `"${line}" in the log:\n${lines.join('\n')}`).toBe(true);
    }
    expect(lines.filter((l) => /\b(created|Consuming|Write mode|Starting|Running|Retry)\b/.test(l))).toEqual([]);
    // The search finds a line by the words on screen.
    await tabTo(page, 'log-search');
    await page.keyboard.type('consumiendo');
    await expect(page.getByTestId('log-entry').allTextContents()).resolves.toEqual([expect.stringContaining(`Consumiendo ${topic}`)]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.getByTestId('event-log').scrollIntoViewIfNeeded();
    await screen('monitor-log');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('stops, then opens and leaves the reset and delete dialogs, and deletes', async () => {
    const { page } = app;
    await openPage(page, 'pipelines');
    await tabTo(page, 'pipeline-stop');
    await page.keyboard.press('Enter');
    await page.locator(`[data-name="${name}"][data-state="stopped"]`).waitFor({ timeout: 30_000 });
    await announced(page, 'pipeline-announcer', `Pipeline ${name}: Detenido.`);
    // The stop button is gone: focus waits in the card's controls, not at the top of the page.
    expect(await focused(page)).toMatchObject({ card: name });

    // The card's head (duplicate, reset, delete) comes before its controls.
    for (const [button, dialog, first, back] of [
      ['pipeline-reset', 'reset-dialog', 'Cancelar', true],
      ['pipeline-delete', 'delete-pipeline-dialog', 'Cancelar', false],
    ] as const) {
      await tabTo(page, button, { back });
      // Cancel has focus first: both dialogs can lose work.
      expect(await press(page, 'Enter')).toMatchObject({ inDialog: true, tag: 'button', text: first });
      await tabStaysInside(page);
      await screen(dialog);
      await page.keyboard.press('Escape');
      await page.getByTestId(dialog).locator('.modal-title').waitFor({ state: 'detached' });
      expect(await focused(page)).toMatchObject({ testId: button, visibleRing: true });
    }
    expect(await studio.commands['pipeline.list']()).toHaveLength(1);

    // Delete for real: the card goes, and focus goes to what is left of the page.
    await page.keyboard.press('Enter');
    await tabTo(page, 'confirm-dialog-confirm');
    await page.keyboard.press('Enter');
    await page.getByTestId('pipelines-empty').waitFor();
    await waitFor('focus kept on the page', async () => (await focused(page)).within.includes('page-pipelines'), 5_000, 50);
    expect((await focused(page)).visibleRing).toBe(true);
    expect(await studio.commands['pipeline.list']()).toHaveLength(0);
    expect(app.errors).toEqual([]);
  });

  it('hears in Spanish why a pipeline cannot start', async () => {
    const { page } = app;
    const missing = uid('kb_missing');
    const profiles = await studio.commands['profiles.list']();
    const spec: PipelineSpec = {
      ...PIPELINE_DEFAULTS,
      mapping: [],
      ignore: [],
      id: uid('kb-fail'),
      name: 'Sin topic',
      topics: { names: [missing] },
      groupId: `g_${missing}`,
      collection,
      kafkaProfileId: profiles.find((p) => p.kind === 'kafka')?.id ?? '',
      milvusProfileId: profiles.find((p) => p.kind === 'milvus')?.id ?? '',
    };
    const created = await studio.commands['pipeline.create'](spec);
    // Made outside this page: reload the list, then start it from its card.
    await page.reload();
    await page.locator('[data-name="Sin topic"][data-state="idle"]').waitFor({ timeout: 20_000 });
    await tabTo(page, 'pipeline-start');
    await page.keyboard.press('Enter');
    await page.locator('[data-name="Sin topic"][data-state="failed"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('pipeline-cause').innerText()).resolves.toContain(`El topic ${missing} no existe`);
    await announced(page, 'pipeline-announcer', `Pipeline Sin topic: Con error. El topic ${missing} no existe`);
    // A failed start is the pipeline's state, not an error of the app; it is still there after a reload.
    await expect(page.getByTestId('pipelines-error').count()).resolves.toBe(0);
    await screen('pipeline-failed');
    await page.reload();
    await page.locator('[data-name="Sin topic"][data-state="failed"]').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('pipeline-cause').innerText()).resolves.toContain(`El topic ${missing} no existe`);
    await studio.commands['pipeline.delete'](created.spec.id);
    expect(app.errors).toEqual([]);
  });
});
