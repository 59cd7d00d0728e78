// Live monitoring end to end, in Chromium against the real stack and a Milvus of its own (19580, so
// it can be stopped): create and start a pipeline from the UI, watch counters and charts add up,
// stop Milvus (retrying with the cause) and bring it back (resumes, lag drains), browse dead letters
// and redrive them after the fix, reset offsets, duplicate and delete. Fails on any console error.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { MilvusClient } from '@zilliz/milvus2-sdk-node';
import { Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid, waitFor } from '../integration/support/env';
import { exampleMessage } from '../integration/support/example';
import { createTopic, deleteTopics, testKafka } from '../integration/support/kafka';
import { createExampleCollection, dropCollection, testMilvus } from '../integration/support/milvus';
import { profilesHandlers } from '../../electron/services/profiles-service';
import { seriousViolations } from './support/axe';
import { openApp, type OpenPage } from './support/browser';
import { startStudio, type Studio } from './support/studio';

const run = promisify(execFile);
const STACK = new URL('../../scripts/stack.sh', import.meta.url).pathname;
const MILVUS_PORT = 19580;
const MILVUS = `127.0.0.1:${MILVUS_PORT}`;
const topic = uid('mon');
const collection = uid('mon');
const name = `Articles ${topic.slice(-4)}`;
let milvus: MilvusClient;
let studio: Studio;
let app: OpenPage;

const milvusStack = (cmd: 'up' | 'down') => run('bash', [STACK, cmd, 'milvus'], { env: { ...process.env, MILVUS_PORT: String(MILVUS_PORT) }, timeout: 120_000 });

async function produceOver(ids: number[], seconds: number, make = (i: number) => JSON.stringify(exampleMessage(i))): Promise<void> {
  const producer = testKafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const per = Math.ceil(ids.length / seconds);
    for (let k = 0; k < ids.length; k += per) {
      await producer.send({ topic, acks: -1, messages: ids.slice(k, k + per).map((i) => ({ key: String(i), value: make(i) })) });
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await producer.disconnect();
  }
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const counter = async (id: string) => Number((await app.page.getByTestId(`counter-${id}`).getAttribute('data-value')) ?? NaN);
const barState = () => app.page.getByTestId('monitor-bar').getAttribute('data-state');
/** No serious or critical accessibility violation (axe-core) on what is on screen now. */
const accessible = async (where: string) => expect({ where, violations: await seriousViolations(app.page) }).toEqual({ where, violations: [] });

beforeAll(async () => {
  await milvusStack('up');
  milvus = testMilvus(MILVUS);
  await createExampleCollection(milvus, collection, { titleMaxLength: 64 });
  await createTopic(topic, 3);
  studio = await startStudio();
  const profiles = profilesHandlers(studio.ctx);
  await profiles['profiles.save']({ name: 'Local Kafka', kind: 'kafka', kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' } });
  await profiles['profiles.save']({ name: 'Milvus 19580', kind: 'milvus', milvus: { address: MILVUS } });
  app = await openApp(`${studio.url}#/pipelines`);
});

afterAll(async () => {
  await app?.close();
  await studio?.stop();
  await dropCollection(milvus, collection);
  await milvus?.closeConnection();
  await deleteTopics(topic, `${topic}-dlq`);
  await milvusStack('down').catch(() => undefined);
});

describe('live monitoring', () => {
  it('creates and starts a pipeline from the UI; counters and charts move and add up', async () => {
    const { page } = app;
    await page.getByTestId('new-pipeline').click();
    await page.getByTestId('pipeline-name').fill(name);
    // The profiles saved last are preselected; topics and collections come from the clusters.
    await expect(page.getByTestId('pipeline-kafka-profile').inputValue()).resolves.not.toBe('');
    await page.getByTestId(`topic-${topic}`).check();
    await expect(page.getByTestId('pipeline-dlq-topic').inputValue()).resolves.toBe(`${topic}-dlq`);
    await page.getByTestId('pipeline-collection').selectOption(collection);
    await page.getByTestId('pipeline-batch-size').fill('200');
    await app.screenshot('monitor-create-form');
    await accessible('new pipeline form');
    await page.getByTestId('pipeline-create-start').click();
    const card = page.locator(`[data-name="${name}"]`);
    await card.and(page.locator('[data-state="running"]')).waitFor({ timeout: 30_000 });

    const producing = produceOver(range(0, 3000), 10);
    await card.getByTestId('pipeline-monitor').click();
    await page.getByTestId('monitor-counters').waitFor();
    await waitFor('records flowing', async () => (await counter('consumed')) > 300, 30_000, 250);
    await waitFor('throughput legend above zero', async () => !/^(—|0\/s)$/.test((await page.getByTestId('legend-throughput-written').textContent()) ?? ''), 20_000, 250);
    await producing;
    await waitFor('all 3,000 written', async () => (await counter('written')) === 3000, 60_000, 250);
    await waitFor('counters add up and lag drains', async () => (await page.getByTestId('adds-up').getAttribute('data-ok')) === 'true' && (await counter('lag')) === 0, 20_000, 250);
    expect(await counter('consumed')).toBe((await counter('written')) + (await counter('dead-lettered')) + (await counter('skipped')) + (await counter('in-flight')));
    await waitFor('rows counted in Milvus', async () => (await counter('rows')) === 3000, 20_000, 500);
    await waitFor('chart points', async () => Number(await page.getByTestId('chart-throughput').getAttribute('data-points')) >= 8, 20_000, 500);
    await app.screenshot('monitor-first-rows');
    await accessible('monitor dashboard');

    // The chart series are drawn as paths; the cursor and its values follow the keyboard too.
    const throughput = page.getByTestId('chart-throughput');
    await expect(throughput.locator('.plot-series path').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.mouse.move(0, 0); // off the charts: only the focused chart shows its values
    await throughput.locator('.recharts-surface').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const tip = throughput.getByTestId('chart-tooltip');
    await tip.waitFor({ timeout: 5_000 });
    await expect(tip.textContent()).resolves.toMatch(/Written\s*[\d,.]+\/s/);
    await page.keyboard.press('Tab');
    await tip.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  });

  it('shows retrying with the cause while Milvus is down, then resumes and drains the lag', async () => {
    const { page } = app;
    await milvusStack('down');
    const producing = produceOver(range(3000, 500), 5);
    await waitFor('retrying', async () => (await barState()) === 'retrying', 60_000, 250);
    const cause = page.getByTestId('monitor-bar').getByTestId('pipeline-cause');
    await expect(cause.textContent()).resolves.toMatch(/Milvus/i);
    await expect(page.getByTestId('monitor-bar').getByTestId('pipeline-state').textContent()).resolves.toBe('Retrying');
    await producing;
    await waitFor('lag builds up', async () => (await counter('lag')) > 0, 20_000, 250);
    await app.screenshot('monitor-retrying');
    await milvusStack('up');
    await waitFor('running again', async () => (await barState()) === 'running', 90_000, 250);
    await waitFor('all 3,500 written, lag drained', async () => (await counter('written')) === 3500 && (await counter('lag')) === 0, 60_000, 250);
    await waitFor('rows counted', async () => (await counter('rows')) === 3500, 30_000, 500);
    await page.getByTestId('tab-log').click();
    await page.getByTestId('log-kind-info').click();
    await expect(page.getByTestId('log-entry').filter({ hasText: 'Running → Retrying' }).count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('log-kind-info').click();
    expect(app.errors).toEqual([]);
  });

  it('screenshots while records flow: dashboard in both themes, presentation, Spanish', async () => {
    const { page } = app;
    await page.getByTestId('window-60').check({ force: true });
    const producing = produceOver(range(20_000, 3000), 15);
    await page.waitForTimeout(9_000);
    await app.screenshot('monitor-dashboard-light');
    await page.getByTestId('monitor-present').click();
    await page.getByTestId('presentation').waitFor();
    await app.screenshot('monitor-presentation-light');
    await accessible('presentation');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    // The theme follows the system (the default setting): switch the emulated one.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForSelector('html[data-theme="dark"]');
    await page.waitForTimeout(400); // let the colour transitions finish
    await app.screenshot('monitor-dashboard-dark');
    await page.getByTestId('monitor-present').click();
    await app.screenshot('monitor-presentation-dark');
    await page.getByTestId('presentation-exit').click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForSelector('html[data-theme="light"]');
    await producing;
    await waitFor('all 6,500 written, lag drained', async () => (await counter('written')) === 6500 && (await counter('lag')) === 0, 60_000, 250);

    const es = await openApp(`${studio.url}#/monitor`, { locale: 'es-ES' });
    try {
      await es.page.getByTestId('monitor-counters').waitFor();
      await expect(es.page.getByTestId('chart-throughput').locator('h3').textContent()).resolves.toBe('Registros por segundo');
      await es.screenshot('monitor-dashboard-es');
      expect(es.errors).toEqual([]);
    } finally {
      await es.close();
    }
    expect(app.errors).toEqual([]);
  });

  it('browses dead letters by reason and redrives them once the collection is fixed', async () => {
    const { page } = app;
    const long = (i: number) => JSON.stringify({ ...exampleMessage(i), title: `An article title that is far too long for a sixty-four byte column, number ${i}` });
    const wrongDim = (i: number) => JSON.stringify({ ...exampleMessage(i), title_vector: [0.1, 0.2, 0.3] });
    await produceOver([10_000, 10_001], 1, long);
    await produceOver([10_002], 1, wrongDim);
    await waitFor('3 dead-lettered', async () => (await counter('dead-lettered')) === 3, 30_000, 250);
    await page.getByTestId('tab-dlq').click();
    await page.getByTestId('dlq-refresh').click();
    await waitFor('3 dead letters listed', async () => (await page.getByTestId('dlq-row').count()) === 3, 30_000, 250);
    await page.getByTestId('dlq-reason-filter').selectOption('too_long · title');
    await expect(page.getByTestId('dlq-row').count()).resolves.toBe(2);
    await expect(page.getByTestId('dlq-reason').first().textContent()).resolves.toMatch(/at most 64 bytes/);
    await expect(page.getByTestId('dlq-source').first().textContent()).resolves.toContain(topic);
    await page.getByTestId('dlq-expand').first().click();
    await app.screenshot('monitor-dead-letters');
    await accessible('dead-letter browser');

    // The fix: the collection is recreated with a larger max_length; the pipeline restarts to read it.
    await page.getByTestId('monitor-bar').getByTestId('pipeline-stop').click();
    await waitFor('stopped', async () => (await barState()) === 'stopped', 30_000, 250);
    await dropCollection(milvus, collection);
    await createExampleCollection(milvus, collection, { titleMaxLength: 512 });
    await page.getByTestId('monitor-bar').getByTestId('pipeline-start').click();
    await waitFor('running', async () => (await barState()) === 'running', 30_000, 250);

    await page.getByTestId('dlq-select-all').check();
    await page.getByTestId('dlq-redrive').click();
    await page.getByTestId('redrive-confirm').click();
    await expect(page.getByTestId('dlq-result').getAttribute('data-redriven')).resolves.toBe('2');
    await waitFor('2 rows written', async () => (await counter('written')) === 2, 30_000, 250);
    const rows = await milvus.query({ collection_name: collection, filter: 'id >= 10000', output_fields: ['id'] });
    expect(rows.data.map((r) => Number(r.id)).sort()).toEqual([10_000, 10_001]);
    await expect(page.getByTestId('dlq-redriven').count()).resolves.toBe(2);
    await app.screenshot('monitor-redriven');
    expect(app.errors).toEqual([]);
  });

  it('resets offsets of the stopped pipeline, duplicates it, and deletes the copy after a confirmation', async () => {
    const { page } = app;
    await page.getByTestId('monitor-bar').getByTestId('pipeline-stop').click();
    await waitFor('stopped', async () => (await barState()) === 'stopped', 30_000, 250);
    await page.getByTestId('nav-pipelines').click();
    const card = page.locator(`[data-name="${name}"]`);
    await card.getByTestId('pipeline-reset').click();
    // Everything the topic holds (6,505 records, offsets committed at the end) is read again.
    await expect(page.getByTestId('reset-summary').textContent()).resolves.toContain('6,505 records will be read and written again');
    await app.screenshot('monitor-reset-offsets');
    await accessible('offset reset dialog');
    await page.getByTestId('reset-confirm').click();
    await page.getByTestId('reset-dialog').waitFor({ state: 'hidden' });
    await card.getByTestId('pipeline-start').click();
    await card.and(page.locator('[data-state="running"]')).waitFor({ timeout: 30_000 });
    await waitFor('re-read into the fixed collection', async () => Number(await card.getByTestId('stat-written').locator('dd').textContent().then((t) => t?.replace(/\D/g, ''))) === 6504, 90_000, 500);
    await app.screenshot('monitor-pipelines-list');
    await page.getByTestId('toasts').locator('button').first().click().catch(() => undefined);
    await accessible('pipelines list');
    await card.getByTestId('pipeline-pause').click();
    await card.and(page.locator('[data-state="paused"]')).waitFor();
    await expect(card.getByTestId('pipeline-state').textContent()).resolves.toBe('Paused');
    await card.getByTestId('pipeline-resume').click();
    await card.and(page.locator('[data-state="running"]')).waitFor();

    await card.getByTestId('pipeline-duplicate').click();
    const copy = page.locator(`[data-name="${name} (copy)"]`);
    await copy.waitFor();
    await copy.getByTestId('pipeline-delete').click();
    const dialog = page.getByTestId('delete-pipeline-dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.evaluate((d: { contains(n: unknown): boolean; ownerDocument: { activeElement: unknown } }) => d.contains(d.ownerDocument.activeElement))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(copy.count()).resolves.toBe(1);
    await copy.getByTestId('pipeline-delete').click();
    await page.getByTestId('confirm-dialog-confirm').click();
    await copy.waitFor({ state: 'detached' });
    await card.getByTestId('pipeline-stop').click();
    expect(app.errors).toEqual([]);
  });
});
