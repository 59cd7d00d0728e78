import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { appHandlers } from '../../../electron/services/app-service';
import { DEFAULT_SETTINGS, settingsHandlers } from '../../../electron/services/settings-service';
import { makeTestContext, type TestContext } from './support/context';

let ctx: TestContext;
beforeEach(() => {
  ctx = makeTestContext();
});
afterEach(() => ctx.cleanup());

describe('settings', () => {
  it('starts from the defaults and persists patches atomically with mode 0600', async () => {
    const h = settingsHandlers(ctx);
    expect(await h['settings.get']()).toEqual({ theme: 'system', locale: 'auto' });
    expect(await h['settings.set']({ theme: 'dark' })).toEqual({ theme: 'dark', locale: 'auto' });
    expect(await h['settings.set']({ locale: 'es' })).toEqual({ theme: 'dark', locale: 'es' });
    expect(await settingsHandlers(ctx)['settings.get']()).toEqual({ theme: 'dark', locale: 'es' });
    const file = join(ctx.dataDir, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ theme: 'dark', locale: 'es' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the valid keys of a damaged file and defaults the rest', async () => {
    const file = join(ctx.dataDir, 'settings.json');
    writeFileSync(file, '{"theme":"dark","locale":"klingon"}');
    expect(await settingsHandlers(ctx)['settings.get']()).toEqual({ theme: 'dark', locale: 'auto' });
    writeFileSync(file, 'not json');
    expect(await settingsHandlers(ctx)['settings.get']()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not lose one of two quick changes', async () => {
    const h = settingsHandlers(ctx);
    await Promise.all([h['settings.set']({ theme: 'light' }), h['settings.set']({ locale: 'en' })]);
    expect(await h['settings.get']()).toEqual({ theme: 'light', locale: 'en' });
  });
});

describe('app', () => {
  it('describes the app, including where secrets live', async () => {
    expect(await appHandlers(ctx)['app.info']()).toEqual({
      name: 'Kafka-Milvus Studio',
      version: '0.0.0-test',
      host: 'browser',
      platform: process.platform,
      secretStorage: 'file-0600',
      dataDir: ctx.dataDir,
    });
  });

  it('opens only allowlisted https links, through the opener when there is one', async () => {
    const opened: string[] = [];
    const h = appHandlers(ctx, async (url) => {
      opened.push(url);
    });
    await h['app.openExternal']('https://milvus.io/docs');
    await h['app.openExternal']('https://github.com/zilliztech/kafka-connect-milvus');
    expect(opened).toEqual(['https://milvus.io/docs', 'https://github.com/zilliztech/kafka-connect-milvus']);
    for (const bad of ['http://milvus.io/docs', 'https://evil.example/', 'file:///etc/passwd', 'https://milvus.io.evil.example/', 'https://user:pw@github.com/']) {
      const err = await Promise.resolve(h['app.openExternal'](bad)).then(() => undefined, (e: unknown) => e);
      expect(err, bad).toBeInstanceOf(AppFailure);
      expect((err as AppFailure).code).toBe('validation');
    }
    expect(opened).toHaveLength(2);
  });

  it('headless: checks the link and returns, the browser page opens it', async () => {
    await expect(appHandlers(ctx)['app.openExternal']('https://kafka.apache.org/documentation/')).resolves.toBeUndefined();
  });
});
