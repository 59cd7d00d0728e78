// The saved pipelines file: read back as saved, and a damaged file is an error that names it,
// never a crash later on or an empty list that the next save would write over.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../../shared/domain';
import { PIPELINE_DEFAULTS } from '../../../shared/pipeline-config';
import { createPipelinesService, type PipelinesService } from '../../../electron/services/pipelines-service';
import { makeTestContext, type TestContext } from './support/context';

const spec: PipelineSpec = {
  ...PIPELINE_DEFAULTS,
  id: 'replaced-on-create',
  mapping: [],
  ignore: [],
  name: 'orders',
  topics: { names: ['orders'] },
  groupId: 'g-orders',
  collection: 'orders',
  deadLetterTopic: 'orders.dlq',
  kafkaProfileId: 'k',
  milvusProfileId: 'm',
};

let ctx: TestContext;
let service: PipelinesService;
beforeEach(() => {
  ctx = makeTestContext();
  const unused = () => Promise.reject(new Error('not used here'));
  service = createPipelinesService(ctx, { resolveKafka: unused, resolveMilvus: unused, createRunner: () => { throw new Error('not used here'); } });
});
afterEach(async () => {
  await service.shutdown();
  ctx.cleanup();
});

describe('pipelines.json', () => {
  it('lists what was saved, with its id', async () => {
    writeFileSync(join(ctx.dataDir, 'pipelines.json'), JSON.stringify([{ ...spec, id: 'p-1' }]));
    const list = await service.handlers['pipeline.list']();
    expect(list.map((v) => [v.spec.id, v.spec.name, v.status.state])).toEqual([['p-1', 'orders', 'idle']]);
  });

  it('refuses a damaged file with its path and the first problem, and does not write over it', async () => {
    const file = join(ctx.dataDir, 'pipelines.json');
    writeFileSync(file, JSON.stringify([{ ...spec, id: 'p-1', batchSize: 'many' }]));
    await expect(service.handlers['pipeline.list']()).rejects.toMatchObject({ code: 'internal', message: `${file} is damaged; fix or move it away`, detail: expect.stringContaining('0.batchSize') });
    await expect(service.handlers['pipeline.create'](spec)).rejects.toMatchObject({ message: expect.stringContaining('is damaged') });
  });
});
