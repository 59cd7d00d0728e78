// The producer page in Chromium against the real stack: with a pipeline running, the tutorial's
// message is sent through the UI and its row is shown; a message with a 7-number vector is shown
// dead-lettered with the reason; search finds the sent row first; demo data starts and stops.
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_DEFAULTS } from '../../shared/pipeline-config';
import type { PipelineSpec } from '../../shared/domain';
import { uid } from '../integration/support/env';
import { EXAMPLE_MESSAGE } from '../integration/support/example';
import { createTopic, deleteTopics } from '../integration/support/kafka';
import { createExampleCollection, dropCollection, loadCollection, testMilvus } from '../integration/support/milvus';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

const KAFKA = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const MILVUS = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';
const topic = uid('e2e_prod');
const lonely = uid('e2e_prod_nopipe');
const collection = uid('e2e_prod');
const milvus: MilvusClient = testMilvus();
let studio: Studio;
let app: OpenPage;

beforeAll(async () => {
  studio = await startStudio();
  await createTopic(topic);
  await createTopic(lonely);
  await createExampleCollection(milvus, collection);
  await loadCollection(milvus, collection);
  const kafka = await studio.commands['profiles.save']({ name: 'Local Kafka', kind: 'kafka', kafka: { brokers: KAFKA, securityProtocol: 'PLAINTEXT' } });
  const milvusProfile = await studio.commands['profiles.save']({ name: 'Local Milvus', kind: 'milvus', milvus: { address: MILVUS } });
  const spec: PipelineSpec = {
    ...PIPELINE_DEFAULTS,
    mapping: [],
    ignore: [],
    id: 'e2e-producer',
    name: 'Articles',
    topics: { names: [topic] },
    groupId: `g_${topic}`,
    collection,
    deadLetterTopic: `${topic}.dlq`,
    kafkaProfileId: kafka.id,
    milvusProfileId: milvusProfile.id,
  };
  const view = await studio.commands['pipeline.create'](spec);
  await studio.commands['pipeline.start'](view.spec.id);
  app = await openApp(`${studio.url}#/producer`);
});

afterAll(async () => {
  await app?.close();
  if (studio) for (const g of await studio.commands['generator.list']()) await Promise.resolve(studio.commands['generator.stop'](g.id)).catch(() => undefined);
  await studio?.stop();
  await dropCollection(milvus, collection);
  await deleteTopics(topic, `${topic}.dlq`, lonely);
  await milvus.closeConnection();
});

describe('producer in browser mode', () => {
  it('builds a template from the collection schema for the running pipeline', async () => {
    const { page } = app;
    await page.getByTestId('producer-schema').waitFor();
    await expect(page.getByTestId('producer-pipeline').inputValue()).resolves.not.toBe('');
    const template = JSON.parse(await page.getByTestId('producer-editor').inputValue()) as Record<string, unknown>;
    expect(Object.keys(template)).toEqual(['id', 'title', 'title_vector', 'link']);
    await expect(page.getByTestId('producer-validation').getAttribute('data-valid')).resolves.toBe('true');
    await app.screenshot('producer-template');
  });

  it('sends the tutorial message and shows the row written to Milvus', async () => {
    const { page } = app;
    await page.getByTestId('producer-editor').fill(JSON.stringify(EXAMPLE_MESSAGE, null, 2));
    await page.locator('[data-testid="producer-validation"][data-valid="true"]').waitFor();
    await page.getByTestId('producer-send').click();
    await page.getByTestId('verify-sent').waitFor();
    await page.getByTestId('verify-written').waitFor({ timeout: 60_000 });
    const row = page.getByTestId('verify-row');
    await expect(row.locator('tr[data-field="title"] td').textContent()).resolves.toBe(EXAMPLE_MESSAGE.title);
    await expect(row.locator('tr[data-field="id"] td').textContent()).resolves.toBe('0');
    await expect(row.locator('tr[data-field="link"] td').textContent()).resolves.toBe(EXAMPLE_MESSAGE.link);
    await expect(page.getByTestId('verify-written').textContent()).resolves.toMatch(/End to end in/);
    // the next message gets a new key
    const next = JSON.parse(await page.getByTestId('producer-editor').inputValue()) as { id: number };
    expect(next.id).toBeGreaterThan(0);
    await app.screenshot('producer-written');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('saves the message as a template and lists it', async () => {
    const { page } = app;
    await page.getByTestId('producer-save-template').click();
    await page.getByTestId('producer-save-name').fill('Tutorial article');
    await page.getByTestId('producer-save-confirm').click();
    await page.getByTestId('producer-saved').waitFor();
    await expect(page.getByTestId('producer-saved').locator('option').allTextContents()).resolves.toContain('Tutorial article');
    expect((await studio.commands['producer.templates.list']()).map((t) => t.name)).toEqual(['Tutorial article']);
  });

  it('flags a 7-number vector live, then shows it dead-lettered and why', async () => {
    const { page } = app;
    const bad = { ...EXAMPLE_MESSAGE, id: 1, title_vector: EXAMPLE_MESSAGE.title_vector.slice(0, 7) };
    await page.getByTestId('producer-editor').fill(JSON.stringify(bad, null, 2));
    const issue = page.locator('[data-testid="producer-issues"] li[data-field="title_vector"]');
    await issue.waitFor();
    await expect(issue.textContent()).resolves.toMatch(/expected 8 numbers, got 7/);
    await expect(page.getByTestId('producer-send').textContent()).resolves.toMatch(/Send anyway/);
    await app.screenshot('producer-invalid');
    await page.getByTestId('producer-send').click();
    await page.getByTestId('verify-dead-lettered').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('verify-reason').locator('code').textContent()).resolves.toBe('title_vector');
    await expect(page.getByTestId('verify-reason').textContent()).resolves.toMatch(/expected 8 numbers, got 7$/);
    await expect(page.getByTestId('verify-dead-lettered').textContent()).resolves.toContain(`${topic}.dlq`);
    await app.screenshot('producer-dead-lettered');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says when no pipeline runs for the chosen topic', async () => {
    const { page } = app;
    await page.getByTestId('producer-topic').selectOption(lonely);
    await expect(page.getByTestId('producer-pipeline').inputValue()).resolves.toBe('');
    await page.getByTestId('producer-regenerate').click();
    await page.locator('[data-testid="producer-validation"][data-valid="true"]').waitFor();
    await page.getByTestId('producer-send').click();
    await page.getByTestId('verify-no-pipeline').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('verify-no-pipeline').textContent()).resolves.toContain(`Nothing reads ${lonely} into ${collection}`);
    await page.getByTestId('producer-verify').scrollIntoViewIfNeeded();
    await app.screenshot('producer-no-pipeline');
    await page.getByTestId('producer-pipeline').selectOption({ label: 'Articles · Running' });
    await expect(page.getByTestId('producer-topic').inputValue()).resolves.toBe(topic);
  });

  it('says a message over 1 MiB is too large for Kafka, and does not send it', async () => {
    const { page } = app;
    await page.getByTestId('producer-editor').fill(JSON.stringify({ ...EXAMPLE_MESSAGE, id: 3, pad: 'x'.repeat(1_100_000) }));
    const issue = page.locator('[data-testid="producer-issues"] li', { hasText: 'Too large for Kafka' });
    await issue.waitFor();
    await expect(issue.textContent()).resolves.toMatch(/Too large for Kafka: 1\.1 MB, over the default limit of 1 MiB/);
    await expect(page.getByTestId('producer-send').isDisabled()).resolves.toBe(true);
  });

  it('points at the line of a JSON syntax error', async () => {
    const { page } = app;
    await page.getByTestId('producer-editor').fill('{\n  "id": 2,\n  "title": nope\n}');
    await page.locator('[data-testid="producer-issues"] li', { hasText: 'line 3, column' }).waitFor();
  });

  it('searches the collection: the sent row comes first for its own vector', async () => {
    const { page } = app;
    await page.getByTestId('search-vector').fill(EXAMPLE_MESSAGE.title_vector.join(', '));
    await page.getByTestId('search-run').click();
    await page.getByTestId('search-hit').first().waitFor();
    const first = page.getByTestId('search-hit').first();
    await expect(first.getAttribute('data-id')).resolves.toBe('0');
    await expect(first.textContent()).resolves.toContain(EXAMPLE_MESSAGE.title);
    await page.getByTestId('producer-search').scrollIntoViewIfNeeded();
    await app.screenshot('producer-search');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('starts demo data on the topic and stops it', async () => {
    const { page } = app;
    await page.getByTestId('gen-rate').fill('10');
    await page.getByTestId('gen-start').click();
    const row = page.getByTestId('gen-row').first();
    await row.waitFor();
    // (the page's CSP forbids string evaluation: poll from here)
    for (let i = 0; i < 200 && Number(await row.getAttribute('data-sent')) < 5; i++) await page.waitForTimeout(100);
    expect(Number(await row.getAttribute('data-sent'))).toBeGreaterThanOrEqual(5);
    await page.getByTestId('producer-generator').scrollIntoViewIfNeeded();
    await app.screenshot('producer-generator');
    await page.getByTestId('gen-stop').click();
    await page.locator('[data-testid="gen-row"][data-state="stopped"]').waitFor();
  });

  it('had no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('producer in Spanish, dark theme', () => {
  it('renders the page in Spanish, readable in the dark theme', async () => {
    const es = await openApp(`${studio.url}#/producer`, { locale: 'es-ES', colorScheme: 'dark' });
    try {
      await es.page.getByTestId('producer-schema').waitFor();
      await expect(es.page.getByTestId('producer-send').textContent()).resolves.toMatch(/Enviar/);
      await es.page.getByTestId('producer-editor').fill('{"id": 1, "title": 5}');
      await es.page.locator('[data-testid="producer-issues"] li[data-field="title_vector"]').waitFor();
      // Each problem in Spanish: the kind of problem and its detail.
      const issues = await es.page.locator('[data-testid="producer-issues"] li').allInnerTexts();
      expect(issues.join('\n')).toMatch(/title_vector\s+Falta el campo\s+falta en el mensaje/);
      expect(issues.join('\n')).toMatch(/title\s+Tipo incorrecto\s+se esperaba .*, pero llegó el número 5/);
      expect(issues.filter((l) => /\b(expected|got|missing from)\b/.test(l))).toEqual([]);
      await es.page.getByTestId('producer-issues').scrollIntoViewIfNeeded();
      await es.screenshot('producer-es');
      // Sent anyway: the dead letter's reason reads in Spanish as well.
      await es.page.getByTestId('producer-send').click();
      await es.page.getByTestId('verify-dead-lettered').waitFor({ timeout: 60_000 });
      await expect(es.page.getByTestId('verify-reason').innerText()).resolves.toMatch(/^title\s+Tipo incorrecto\s+se esperaba .*, pero llegó el número 5$/);
      expect(await seriousViolations(es.page)).toEqual([]);
      expect(es.errors).toEqual([]);
    } finally {
      await es.close();
    }
  });
});
