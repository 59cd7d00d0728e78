// 'sandbox.*' with the real stack script. The stack is already up in test runs, so `up` finds both
// services running and only waits for them to answer: this checks the progress events, the final
// status, the sandbox profiles and that concurrent starts share one run, without stopping anything.
import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxStatus } from '../../shared/domain';
import { profilesHandlers } from '../../electron/services/profiles-service';
import { sandboxHandlers } from '../../electron/services/sandbox-service';
import { makeTestContext } from '../unit/services/support/context';

const ctx = makeTestContext();
afterAll(() => ctx.cleanup());
const h = sandboxHandlers(ctx);

describe('sandbox', () => {
  it('reports the running stack as up', async () => {
    const status = await h['sandbox.status']();
    expect(status).toMatchObject({ kafka: 'up', milvus: 'up' });
    expect(status.kafkaConnection.brokers).toEqual([`127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`]);
    expect(status.milvusConnection.address).toBe(`127.0.0.1:${process.env.MILVUS_PORT ?? 19530}`);
  });

  it('starts once for concurrent callers, streams progress and ends with both up', async () => {
    const first = h['sandbox.start']();
    const second = h['sandbox.start']();
    expect(second).toBe(first);
    const status = await first;
    expect(status).toMatchObject({ kafka: 'up', milvus: 'up' });
    const progress = ctx.emitted.filter((e) => e.event === 'sandbox.progress').map((e) => e.payload as SandboxStatus);
    expect(progress[0]).toMatchObject({ kafka: 'starting', milvus: 'starting' });
    expect(progress.at(-1)).toMatchObject({ kafka: 'up', milvus: 'up' });
    expect(progress.some((p) => p.message?.includes('ready'))).toBe(true);
  });

  it('creates the two sandbox profiles once, and not again on the next start', async () => {
    await h['sandbox.start']();
    const profiles = await profilesHandlers(ctx)['profiles.list']();
    expect(profiles.map((p) => [p.name, p.kind, p.sandbox])).toEqual([
      ['Local sandbox · Kafka', 'kafka', true],
      ['Local sandbox · Milvus', 'milvus', true],
    ]);
  });
});
