// Producer commands of the main side (see shared/contract-producer.ts): templates from the
// collection schema, send one or N messages, verify that a sent record landed, saved templates,
// demo data generators and vector search.
import type { MetricsSnapshot } from '../../shared/pipeline-status';
import type { ProducerCommands } from '../../shared/contract-producer';
import { AppFailure } from '../../shared/errors';
import type { Handlers, ServiceContext } from '../rpc/types';
import { createProducerClients } from './producer-clients';
import { createGenerators } from './producer-generators';
import { createJobs } from './producer-jobs';
import { searchCollection } from './producer-search';
import { sendOne } from './producer-send';
import { buildTemplate, formatMessage } from './producer-template';
import { createTemplateStore } from './producer-templates-store';
import { verifyRecord, type SentRecord } from './producer-verify';
import type { PipelinesService } from './pipelines-service';
import type { ConnectionResolver } from './profiles-resolve';

export interface ProducerDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

const KEEP_RECEIPTS = 500;

export function producerHandlers(ctx: ServiceContext, deps: ProducerDeps): Pick<Handlers, keyof ProducerCommands> {
  const clients = createProducerClients(deps.resolver);
  const templates = createTemplateStore(ctx);
  const sent = new Map<string, SentRecord>();
  const remember = (rec: SentRecord) => {
    sent.set(rec.receipt.id, rec);
    if (sent.size > KEEP_RECEIPTS) sent.delete(sent.keys().next().value as string);
  };
  const pipelines = () => Promise.resolve(deps.pipelines.handlers['pipeline.list']());
  const committed = async (pipelineId: string, topic: string, partition: number): Promise<string | undefined> => {
    const history: MetricsSnapshot[] = await deps.pipelines.handlers['metrics.history'](pipelineId, 60);
    const last = history[history.length - 1];
    const lag = last?.lag.find((l) => l.topic === topic && l.partition === partition);
    return lag && BigInt(lag.committed) >= 0n ? lag.committed : undefined;
  };
  const jobs = createJobs({ clients, pipelines, remember, emit: (p) => ctx.events.emit('producer.progress', p) });
  const generators = createGenerators({ resolver: deps.resolver, clients, emit: (s) => ctx.events.emit('generator.state', s) });

  return {
    'producer.template': async (ref) => {
      const schema = await clients.schema(ref.milvusProfileId, ref.collection, ref.database);
      const built = buildTemplate(schema);
      return {
        schema,
        value: formatMessage(built.value),
        ...(built.trackField ? { trackField: built.trackField } : {}),
        ...(built.untrackable ? { untrackable: built.untrackable } : {}),
      };
    },
    'producer.send': async (req) => {
      const rec = await sendOne({ clients, pipelines }, req.target, req.message);
      remember(rec);
      return rec.receipt;
    },
    'producer.verify': async (receiptId, options) => {
      const rec = sent.get(receiptId);
      if (!rec) throw new AppFailure('not_found', 'This message was sent before the Studio restarted (or too long ago) and can no longer be followed', undefined, 'receiptId');
      return verifyRecord(rec, options.timeoutMs, { clients, pipelines, committed, emit: (u) => ctx.events.emit('producer.verify', u) });
    },
    'producer.sendMany': (req) => jobs.start(req),
    'producer.cancel': (jobId) => jobs.cancel(jobId),
    'producer.templates.list': () => templates.list(),
    'producer.templates.save': (input) => templates.save(input),
    'producer.templates.delete': (id) => templates.remove(id),
    'generator.start': (req) => generators.start(req),
    'generator.stop': (id) => generators.stop(id),
    'generator.list': () => generators.list(),
    'milvus.search': (req) => searchCollection(clients, req),
  };
}
