// The sandbox service's process handling with stand-in stack scripts (real bash child processes):
// a failing run, a missing script. The real script is exercised in test/integration/services-sandbox.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandArgs } from '../../../shared/contract';
import type { SandboxStatus } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { profilesHandlers } from '../../../electron/services/profiles-service';
import { sandboxHandlers } from '../../../electron/services/sandbox-service';
import { makeTestContext, type TestContext } from './support/context';

const contexts: TestContext[] = [];
afterEach(() => {
  for (const c of contexts.splice(0)) c.cleanup();
});

function withScript(body: string): TestContext {
  const ctx = makeTestContext();
  contexts.push(ctx);
  const root = join(ctx.dataDir, 'app');
  mkdirSync(join(root, 'scripts'), { recursive: true });
  writeFileSync(join(root, 'scripts', 'stack.sh'), `#!/usr/bin/env bash\n${body}\n`);
  ctx.appRoot = root;
  return ctx;
}

describe('sandbox service', () => {
  it('reports a failed start as sandbox_failed, with per-service states and the script output', async () => {
    const ctx = withScript([
      'if [ "$1" = status ]; then echo "kafka: starting (process 1, not answering yet)"; echo "milvus: down"; exit 1; fi',
      'echo "stack: starting kafka on 127.0.0.1:9092"', 'echo "stack: port 19530 is busy (another process listens there); set MILVUS_PORT to use another" >&2', 'exit 1'].join('\n'));
    const err = await Promise.resolve(sandboxHandlers(ctx, { env: {} })['sandbox.start']()).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({ code: 'sandbox_failed', message: expect.stringContaining('port 19530 is busy') });
    expect((err as AppFailure).detail).toContain('starting kafka');
    const last = ctx.emitted.at(-1)?.payload as SandboxStatus;
    // milvus was blamed; kafka's real state comes from `stack.sh status`
    expect(last).toMatchObject({ kafka: 'starting', milvus: 'error' });
    const progress = ctx.emitted.map((e) => e.payload as SandboxStatus);
    expect(progress.some((p) => p.kafka === 'starting' && p.milvus === 'error')).toBe(true);
    expect(await profilesHandlers(ctx)['profiles.list']()).toEqual([]);
  });

  it('creates the sandbox profiles on success, with the ports from the environment', async () => {
    const ctx = withScript('echo "stack: kafka ready on 127.0.0.1:9292"; echo "stack: milvus ready on 127.0.0.1:19630"');
    const status = await sandboxHandlers(ctx, { env: { KAFKA_PORT: '9292', MILVUS_PORT: '19630' } })['sandbox.start']();
    expect(status).toMatchObject({ kafka: 'up', milvus: 'up', kafkaConnection: { brokers: ['127.0.0.1:9292'] }, milvusConnection: { address: '127.0.0.1:19630' } });
    const profiles = await profilesHandlers(ctx)['profiles.list']();
    expect(profiles).toEqual([
      expect.objectContaining({ name: 'Local sandbox · Kafka', sandbox: true, kafka: { brokers: ['127.0.0.1:9292'], securityProtocol: 'PLAINTEXT' } }),
      expect.objectContaining({ name: 'Local sandbox · Milvus', sandbox: true, milvus: { address: '127.0.0.1:19630' } }),
    ]);
  });

  it('names new sandbox profiles as the wizard asks, in the user’s language, and keeps a renamed one', async () => {
    const ctx = withScript('echo "stack: kafka ready on 127.0.0.1:9092"; echo "stack: milvus ready on 127.0.0.1:19530"');
    const h = sandboxHandlers(ctx, { env: {} });
    await h['sandbox.start']({ kafka: 'Sandbox local · Kafka', milvus: 'Sandbox local · Milvus' });
    const profiles = profilesHandlers(ctx);
    expect((await profiles['profiles.list']()).map((p) => p.name)).toEqual(['Sandbox local · Kafka', 'Sandbox local · Milvus']);
    const kafka = (await profiles['profiles.list']()).find((p) => p.kind === 'kafka');
    await profiles['profiles.save']({ id: kafka?.id, name: 'Mi Kafka', kind: 'kafka', kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' } });
    await h['sandbox.start']({ kafka: 'Local sandbox · Kafka', milvus: 'Local sandbox · Milvus' });
    expect((await profiles['profiles.list']()).map((p) => p.name).sort()).toEqual(['Mi Kafka', 'Sandbox local · Milvus']);
  });

  it('takes profile names or none, and refuses empty ones', () => {
    const args = commandArgs['sandbox.start'];
    expect(args.safeParse([]).success).toBe(true);
    expect(args.safeParse([{ kafka: 'K', milvus: 'M' }]).success).toBe(true);
    expect(args.safeParse([{ kafka: ' ', milvus: 'M' }]).success).toBe(false);
    expect(args.safeParse([{ kafka: 'K' }]).success).toBe(false);
  });

  it('says the sandbox is not part of an installation without the script', async () => {
    const ctx = makeTestContext({ appRoot: '/nonexistent-studio-root' });
    contexts.push(ctx);
    const h = sandboxHandlers(ctx);
    expect(await h['sandbox.status']()).toMatchObject({ kafka: 'down', milvus: 'down' });
    await expect(h['sandbox.start']()).rejects.toMatchObject({ code: 'unsupported' });
  });
});
