// Demo data generators run by the app (UI or `serve --demo`): one per start, each with its own Kafka
// producer, reported as 'generator.state' events at most twice a second and on every state change.
import { randomUUID } from 'node:crypto';
import type { GeneratorStart, GeneratorStatus } from '../../shared/contract-producer';
import { AppFailure } from '../../shared/errors';
import { createKafka } from '../clients/kafka-client';
import { kafkaSender, startGenerator, type GeneratorHandle, type GeneratorProgress } from '../generator';
import type { ProducerClients } from './producer-clients';
import type { ConnectionResolver } from './profiles-resolve';
import { checkTopic } from './producer-send';

export interface GeneratorDeps {
  resolver: ConnectionResolver;
  clients: ProducerClients;
  emit(s: GeneratorStatus): void;
}

const KEEP_FINISHED = 20;

export function createGenerators(deps: GeneratorDeps) {
  const all = new Map<string, { status: GeneratorStatus; handle?: GeneratorHandle }>();

  const update = (id: string, p: GeneratorProgress) => {
    const g = all.get(id);
    if (!g) return;
    const status: GeneratorStatus = { ...g.status, state: p.state, sent: p.sent, observedRatePerSec: p.ratePerSec };
    if (p.lastError) status.lastError = p.lastError;
    else delete status.lastError;
    g.status = status;
    deps.emit(status);
  };

  const prune = () => {
    const finished = [...all.values()].filter((g) => !g.handle).map((g) => g.status.id);
    for (const id of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) all.delete(id);
  };

  return {
    async start(req: GeneratorStart): Promise<GeneratorStatus> {
      const k = await deps.clients.kafka(req.kafkaProfileId);
      try {
        await checkTopic(k, req.topic, undefined);
      } catch (err) {
        throw deps.clients.kafkaFailure(req.kafkaProfileId, k.conn, err);
      }
      const id = `g-${randomUUID().slice(0, 8)}`;
      const sender = kafkaSender(createKafka(await deps.resolver.kafkaProfile(req.kafkaProfileId), { clientId: `kafka-milvus-studio-generator-${id}` }), req.topic);
      const status: GeneratorStatus = { ...req, id, state: 'running', sent: 0, startedAt: Date.now(), observedRatePerSec: 0 };
      all.set(id, { status });
      const handle = startGenerator({
        ratePerSec: req.ratePerSec,
        dim: req.dim,
        ...(req.count !== undefined ? { count: req.count } : {}),
        send: (records) => sender.send(records),
        onProgress: (p) => update(id, p),
      });
      const entry = all.get(id);
      if (entry) entry.handle = handle;
      void handle.done.then(async (p) => {
        await sender.close();
        const g = all.get(id);
        if (g) delete g.handle;
        update(id, p);
        prune();
      });
      return status;
    },

    async stop(id: string): Promise<GeneratorStatus> {
      const g = all.get(id);
      if (!g) throw new AppFailure('not_found', `no generator ${id}`, undefined, 'id');
      if (g.handle) update(id, await g.handle.stop());
      return all.get(id)?.status ?? g.status;
    },

    list: (): GeneratorStatus[] => [...all.values()].map((g) => g.status).sort((a, b) => b.startedAt - a.startedAt),

    /** Running generators on a topic (the demo starts one only when none runs). */
    runningOn: (topic: string): GeneratorStatus[] => [...all.values()].filter((g) => g.handle && g.status.topic === topic).map((g) => g.status),

    async stopAll(): Promise<void> {
      await Promise.all([...all.values()].map((g) => g.handle?.stop()));
    },
  };
}

export type Generators = ReturnType<typeof createGenerators>;
