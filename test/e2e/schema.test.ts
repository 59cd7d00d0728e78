// The schema view end to end in Chromium against the real stack: seed-style messages on a fresh
// topic against a collection whose title_vector has 16 dimensions → the mismatch row with its
// sentence and a blocked verdict; then "create collection from this topic" → every field matches
// and the verdict is ready. Light, dark and Spanish screenshots; no console errors.
import { randomBytes } from 'node:crypto';
import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

const KAFKA = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const MILVUS = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';
const suffix = randomBytes(4).toString('hex');
const topic = `schema-e2e-${suffix}`;
const wideTopic = `schema-e2e-wide-${suffix}`;
const wideCollection = `schema_e2e_wide_${suffix}`;
const newTopic = `schema-e2e-new-${suffix}`;
const mismatched = `schema_e2e_${suffix}`;
const created = `schema_e2e_new_${suffix}`;
const kafka = new Kafka({ clientId: 'schema-e2e', brokers: KAFKA, logLevel: logLevel.NOTHING });
const sdk = new MilvusClient({ address: MILVUS, logLevel: 'error' });

let studio: Studio;
let app: OpenPage;

/** One command over the browser-mode bridge, as the page would send it. */
async function invoke(cmd: string, ...args: unknown[]): Promise<unknown> {
  const ws = new WebSocket(`${studio.origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(studio.token)}`, { origin: studio.origin });
  try {
    return await new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (data: WebSocket.RawData) => {
        const msg = JSON.parse(String(data)) as { t: string; result?: { ok: boolean; value?: unknown; error?: { message: string } } };
        if (msg.t === 'hello') ws.send(JSON.stringify({ t: 'invoke', id: 1, cmd, args }));
        else if (msg.t === 'result' && msg.result?.ok) resolve(msg.result.value);
        else if (msg.t === 'result') reject(new Error(`${cmd}: ${msg.result?.error?.message}`));
      });
    });
  } finally {
    ws.close();
  }
}

function seedMessage(i: number) {
  const title_vector = Array.from({ length: 8 }, (_, k) => Math.round(Math.sin(i * 8 + k) * 1e6) / 1e6);
  return { id: i, title: `The Reported Mortality Rate of Coronavirus, part ${i}`, title_vector, link: `https://medium.com/swlh/article-${i}` };
}

/** 220 scalar fields besides the key and the vector. */
function wideMessage(i: number) {
  const m: Record<string, unknown> = { id: i, embedding: Array.from({ length: 8 }, (_, j) => Math.cos(i + j)) };
  for (let k = 0; k < 220; k++) m[`f${k}`] = k % 2 ? `value ${i}-${k}` : i * k;
  return m;
}

async function pick(page: Page, testId: string, value: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.locator(`option[value="${value}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await select.selectOption(value);
}

/** Switches the colour scheme and lets the 120 ms colour transitions finish before a screenshot. */
async function theme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.waitForTimeout(300);
}

/** Scrolls the page's content so the element is at the top (screenshots show what matters). */
const scrollTo = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const box = el.closest('.content');
    if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 16;
  });

const row = (page: Page, target: string) => page.locator(`[data-testid="schema-row"][data-target="${target}"]`);

beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }, { topic: wideTopic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ key: String(i), value: JSON.stringify(seedMessage(i)) })) });
  await producer.send({ topic: wideTopic, messages: Array.from({ length: 30 }, (_, i) => ({ value: JSON.stringify(wideMessage(i)) })) });
  await producer.disconnect();
  await sdk.createCollection({
    collection_name: wideCollection,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'embedding', data_type: DataType.FloatVector, dim: 8 },
      ...Array.from({ length: 60 }, (_, k) => ({ name: `f${k}`, data_type: k % 2 ? DataType.VarChar : DataType.Int64, max_length: 64 })),
    ],
    enable_dynamic_field: true,
  });
  await sdk.createCollection({
    collection_name: mismatched,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'title', data_type: DataType.VarChar, max_length: 512 },
      { name: 'title_vector', data_type: DataType.FloatVector, dim: 16 },
      { name: 'link', data_type: DataType.VarChar, max_length: 512 },
    ],
    enable_dynamic_field: true,
  });

  studio = await startStudio();
  await invoke('profiles.save', { name: 'Local Kafka', kind: 'kafka', kafka: { brokers: KAFKA, securityProtocol: 'PLAINTEXT' } });
  await invoke('profiles.save', { name: 'Local Milvus', kind: 'milvus', milvus: { address: MILVUS } });
  app = await openApp(studio.url);
});

afterAll(async () => {
  await app?.close();
  await studio?.stop();
  for (const name of [mismatched, created, wideCollection]) await sdk.dropCollection({ collection_name: name }).catch(() => undefined);
  await sdk.closeConnection();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, wideTopic, newTopic, `${topic}-dlq`] }).catch(() => undefined);
  await admin.disconnect();
});

describe('schema view', () => {
  it('shows the dimension mismatch of a topic against a collection, with its sentence', async () => {
    const { page } = app;
    await page.getByTestId('nav-schema').click();
    await page.getByTestId('page-schema').waitFor();
    const kafkaId = await page.getByTestId('schema-kafka-profile').locator('option', { hasText: 'Local Kafka' }).getAttribute('value');
    await pick(page, 'schema-kafka-profile', kafkaId ?? '');
    await pick(page, 'schema-topic', topic);
    await page.getByTestId('schema-topic-fields').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('schema-sample-status').textContent()).resolves.toContain('Read 20 of 20 messages');

    const milvusId = await page.getByTestId('schema-milvus-profile').locator('option', { hasText: 'Local Milvus' }).getAttribute('value');
    await pick(page, 'schema-milvus-profile', milvusId ?? '');
    await pick(page, 'schema-collection', mismatched);
    await row(page, 'title_vector').waitFor({ timeout: 30_000 });

    const vector = row(page, 'title_vector');
    await expect(vector.getAttribute('data-status')).resolves.toBe('dimension_mismatch');
    await expect(vector.getAttribute('data-severity')).resolves.toBe('error');
    await expect(vector.getByTestId('schema-row-sentence').textContent()).resolves.toBe('title_vector: messages carry 8 numbers, the collection expects 16.');
    await expect(vector.getByTestId('schema-status').textContent()).resolves.toBe('Dimension mismatch');
    await expect(page.getByTestId('schema-verdict').getAttribute('data-verdict')).resolves.toBe('blocked');
    await expect(row(page, 'title').getAttribute('data-status')).resolves.toBe('match');

    // Pointing at a row shows its sampled values in the inspector.
    await row(page, 'link').hover();
    await expect(page.getByTestId('schema-samples').textContent()).resolves.toContain('https://medium.com/swlh/article-');
    // A click pins the row: the inspector keeps it whatever the pointer does next.
    await vector.locator('button').click();
    await expect(page.getByTestId('schema-inspector-sentence').textContent()).resolves.toContain('the collection expects 16');
    await scrollTo(page, 'page-schema');
    await app.screenshot('schema-overview-light');
    await scrollTo(page, 'schema-verdict');
    await app.screenshot('schema-mismatch-light');
    await theme(page, 'dark');
    await app.screenshot('schema-mismatch-dark');
    await theme(page, 'light');
  });

  it('is operable from the keyboard: a row pins with Enter, the mapping edits re-judge at once', async () => {
    const { page } = app;
    await row(page, 'title').locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(row(page, 'title').locator('button').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('li:has(> button:focus)').getAttribute('data-target')).resolves.toBe('title_vector');
    await page.keyboard.press('ArrowUp');
    // Map "link" into title: title still converts, link row stays; mapping back restores.
    await page.getByTestId('schema-map-source').selectOption('link');
    await expect(row(page, 'title').getByTestId('schema-row-sentence').textContent()).resolves.toContain('title: all 20 sampled messages convert.');
    await page.getByTestId('schema-map-source').selectOption('title');
    await expect(row(page, 'title_vector').getAttribute('data-status')).resolves.toBe('dimension_mismatch');
  });

  it('creates a collection from the topic, after which every field matches and the verdict is ready', async () => {
    const { page } = app;
    await page.getByTestId('schema-create-collection').click();
    await page.getByTestId('schema-create').waitFor();
    // Focus moves to the form's heading, so keyboard users continue from there.
    await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('schema-create-title');
    const name = page.getByTestId('schema-create-name');
    await name.fill(created);
    await expect(page.getByTestId('schema-field-dim-2').inputValue()).resolves.toBe('8');
    await scrollTo(page, 'schema-create');
    await app.screenshot('schema-create-light');
    await theme(page, 'dark');
    await app.screenshot('schema-create-dark');
    await theme(page, 'light');
    await page.getByTestId('schema-create-submit').click();

    await page.locator('[data-testid="schema-verdict"][data-verdict="ready"]').waitFor({ timeout: 60_000 });
    await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('schema-verdict-title');
    const statuses = await page.locator('[data-testid="schema-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['match', 'match', 'match', 'match']);
    await expect(page.getByTestId('schema-collection').inputValue()).resolves.toBe(created);
    await expect(page.getByTestId('schema-verdict').locator('h2').textContent()).resolves.toBe('Ready');
    await expect(page.getByTestId('schema-verdict-sentence').textContent()).resolves.toBe('All 20 sampled messages convert.');
    await scrollTo(page, 'page-schema');
    await app.screenshot('schema-ready-light');
    await theme(page, 'dark');
    await app.screenshot('schema-ready-dark');
    await theme(page, 'light');
    expect((await sdk.getLoadState({ collection_name: created })).state).toBe('LoadStateLoaded');
  });

  it('saves the choices as a new pipeline with a dead-letter topic', async () => {
    const { page } = app;
    await page.getByTestId('schema-new-pipeline').click();
    await page.getByTestId('schema-create-pipeline-submit').click();
    await page.getByTestId('schema-save-pipeline').waitFor();
    const pipelines = (await invoke('pipeline.list')) as { spec: { collection: string; deadLetterTopic?: string; topics: { names: string[] } } }[];
    expect(pipelines.map((p) => p.spec)).toEqual([expect.objectContaining({ collection: created, deadLetterTopic: `${topic}-dlq`, topics: { names: [topic] } })]);
  });

  it('starts from a saved pipeline and saves a changed policy back into it', async () => {
    const { page } = app;
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    const [pipeline] = (await invoke('pipeline.list')) as { spec: { id: string } }[];
    await pick(page, 'schema-pipeline', pipeline?.spec.id ?? '');
    await page.locator('[data-testid="schema-verdict"][data-verdict="ready"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('schema-topic').inputValue()).resolves.toBe(topic);
    await expect(page.getByTestId('schema-collection').inputValue()).resolves.toBe(created);
    await expect(page.getByTestId('schema-save-pipeline').isDisabled()).resolves.toBe(true);
    await page.getByTestId('schema-extra-policy').selectOption('drop');
    await page.getByTestId('schema-save-pipeline').click();
    await expect(page.getByTestId('schema-save-pipeline').isDisabled()).resolves.toBe(true);
    const [saved] = (await invoke('pipeline.list')) as { spec: { extraFields: string } }[];
    expect(saved?.spec.extraFields).toBe('drop');
  });

  it('creates a missing topic from the view, then samples it', async () => {
    const { page } = app;
    await page.getByTestId('schema-topic-create').click();
    const dialog = page.getByTestId('schema-create-topic');
    await dialog.getByTestId('schema-topic-name').fill('bad name');
    await page.getByTestId('schema-topic-submit').click();
    await expect(dialog.locator('.field-error').first().textContent()).resolves.toContain('letters, digits');
    await dialog.getByTestId('schema-topic-name').fill(newTopic);
    await dialog.getByTestId('schema-topic-partitions').fill('2');
    await page.getByTestId('schema-topic-submit').click();
    await page.locator('[data-testid="schema-sample-status"]', { hasText: 'no messages yet' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('schema-topic').inputValue()).resolves.toBe(newTopic);
  });

  it('speaks Spanish', async () => {
    const es = await openApp(studio.url, { locale: 'es-ES' });
    try {
      const { page } = es;
      await page.getByTestId('nav-schema').click();
      const kafkaId = await page.getByTestId('schema-kafka-profile').locator('option', { hasText: 'Local Kafka' }).getAttribute('value');
      await pick(page, 'schema-kafka-profile', kafkaId ?? '');
      await pick(page, 'schema-topic', topic);
      const milvusId = await page.getByTestId('schema-milvus-profile').locator('option', { hasText: 'Local Milvus' }).getAttribute('value');
      await pick(page, 'schema-milvus-profile', milvusId ?? '');
      await pick(page, 'schema-collection', mismatched);
      await row(page, 'title_vector').waitFor({ timeout: 30_000 });
      await expect(row(page, 'title_vector').getByTestId('schema-row-sentence').textContent()).resolves.toBe(
        'title_vector: los mensajes traen 8 números y la colección espera 16.',
      );
      await expect(page.getByTestId('schema-verdict').textContent()).resolves.toContain('Bloqueado');
      // Why the first sample fails, in Spanish too (the converter's sentence, not its English).
      await expect(page.getByTestId('schema-verdict-error').textContent()).resolves.toBe('campo title_vector: se esperaba un vector de 16 números, pero llegó un array de 8 elementos');
      await scrollTo(page, 'page-schema');
      await es.screenshot('schema-mismatch-es');
      expect(es.errors).toEqual([]);
    } finally {
      await es.close();
    }
  });

  it('stays responsive with 222 fields: a mapping edit re-judges every row at once', async () => {
    const { page } = app;
    await pick(page, 'schema-pipeline', '');
    await pick(page, 'schema-topic', wideTopic);
    await page.getByTestId('schema-topic-fields').or(page.getByTestId('schema-match')).waitFor({ timeout: 30_000 });
    await pick(page, 'schema-collection', wideCollection);
    await page.locator('[data-testid="schema-row"][data-source="f219"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-testid="schema-row"]').count()).resolves.toBe(222);

    const extra = page.locator('[data-testid="schema-row"][data-source="f150"]');
    await extra.locator('button').click();
    const t0 = Date.now();
    await page.getByTestId('schema-toggle-ignore').click();
    await page.locator('[data-testid="schema-row"][data-source="f150"][data-status="ignored"]').waitFor({ timeout: 5_000 });
    const ms = Date.now() - t0;
    console.log(`ignore f150 → re-judged 222 rows and re-rendered in ${ms} ms (including the browser round trip)`);
    expect(ms).toBeLessThan(1_000);
    await page.getByTestId('schema-filter').fill('f21');
    // The filter is deferred (typing stays smooth): wait for the list to follow.
    await expect.poll(() => page.locator('[data-testid="schema-row"]').count(), { timeout: 5_000 }).toBe(11);
    await page.getByTestId('schema-filter').fill('');
  });

  it('never makes the document itself scroll (only the content pane does)', async () => {
    await expect(app.page.evaluate<number>('document.documentElement.scrollHeight - window.innerHeight')).resolves.toBeLessThanOrEqual(0);
  });

  it('logged no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
