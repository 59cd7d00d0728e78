// Monitor commands of the main side (see shared/contract-monitor.ts): duplicate, offset reset of a
// stopped pipeline, the Milvus row count, and the dead-letter browser with redrive.
import type { Admin, Kafka } from 'kafkajs';
import type { KafkaConnection } from '../../shared/connections';
import type { MonitorCommands, OffsetResetTarget, RedriveResult } from '../../shared/contract-monitor';
import { AppFailure } from '../../shared/errors';
import { logText, type LogText } from '../../shared/log-text';
import type { PipelineConfig } from '../../shared/pipeline-config';
import { createKafka } from '../clients/kafka-client';
import type { Handlers, ServiceContext } from '../rpc/types';
import { withDeadline } from './deadline';
import { createRedriveLedger } from './dlq-ledger';
import { recordKey, toDlqRecord } from './dlq-records';
import { redrive } from './dlq-redrive';
import { scanTopic, tailRanges, topicBounds } from './dlq-scan';
import { classifyKafkaError } from './error-classify';
import { applyPipelineReset, planPipelineReset } from './monitor-offsets';
import { createRowCounter } from './monitor-rowcount';
import type { PipelinesService } from './pipelines-service';
import { KAFKA_SECRETS, secretValues } from './profile-secrets';
import type { ConnectionResolver } from './profiles-resolve';

export interface MonitorDeps {
  resolver: ConnectionResolver;
  pipelines: PipelinesService;
}

const KAFKA_OPTIONS = {
  clientId: 'kafka-milvus-studio-monitor',
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
  retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
};

/** A short-lived client and admin for one call, under an overall deadline, errors typed. */
async function withKafka<T>(conn: KafkaConnection, deadlineMs: number, fn: (kafka: Kafka, admin: Admin) => Promise<T>): Promise<T> {
  const kafka = createKafka(conn, KAFKA_OPTIONS);
  const admin = kafka.admin();
  try {
    return await withDeadline(deadlineMs, async () => {
      await admin.connect();
      return fn(kafka, admin);
    });
  } catch (err) {
    throw classifyKafkaError(err, { endpoint: conn.brokers.join(', '), securityProtocol: conn.securityProtocol, secrets: secretValues(KAFKA_SECRETS, conn) });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function dlqTopicOf(cfg: PipelineConfig): string {
  if (!cfg.deadLetterTopic) throw new AppFailure('validation', `Pipeline "${cfg.name}" has no dead-letter topic`, undefined, 'deadLetterTopic');
  return cfg.deadLetterTopic;
}

/** The log line of an offset reset: where the group now reads, and what that re-reads or skips. */
export function resetText(t: OffsetResetTarget, counts: { group: string; reread: number; skipped: number }): LogText {
  switch (t.kind) {
    case 'earliest':
      return { code: 'offsets.resetEarliest', params: counts };
    case 'latest':
      return { code: 'offsets.resetLatest', params: counts };
    case 'timestamp':
      return { code: 'offsets.resetTime', params: { ...counts, at: t.timestampMs } };
    case 'offsets':
      return { code: 'offsets.resetChosen', params: { ...counts, partitions: t.offsets.length } };
  }
}

/** The log line of a redrive; skipped and failed records are named only when there were some. */
export function redriveText(topic: string, r: RedriveResult): LogText {
  const counts = { topic, redriven: r.redriven, requested: r.requested, topics: r.topics.join(', ') || '—' };
  return r.skipped || r.failed ? { code: 'dlq.redrivenProblems', params: { ...counts, skipped: r.skipped, failed: r.failed } } : { code: 'dlq.redriven', params: counts };
}

export function monitorHandlers(ctx: ServiceContext, deps: MonitorDeps): Pick<Handlers, keyof MonitorCommands> {
  const { pipelines } = deps;
  const rows = createRowCounter();
  const ledger = createRedriveLedger(ctx.dataDir);

  return {
    'pipeline.duplicate': (id) => pipelines.duplicate(id),

    'pipeline.planOffsetReset': async (id, target) => {
      const { config } = await pipelines.lookup(id);
      return withKafka(config.kafka, 20_000, (_kafka, admin) => planPipelineReset(admin, config, target));
    },

    'pipeline.resetOffsets': async (id, target) => {
      const { spec, config, active } = await pipelines.lookup(id);
      if (active) throw new AppFailure('conflict', `Pipeline "${spec.name}" is running: stop it before resetting its offsets`, undefined, id);
      const plan = await withKafka(config.kafka, 30_000, (_kafka, admin) => applyPipelineReset(admin, config, target));
      pipelines.log({
        at: Date.now(),
        pipelineId: id,
        level: 'info',
        kind: 'config',
        ...logText(resetText(target, { group: config.groupId, reread: plan.reread, skipped: plan.skipped })),
        detail: { group: config.groupId, reread: plan.reread, skipped: plan.skipped },
      });
      return plan;
    },

    'monitor.rowCount': async (id) => {
      const { config } = await pipelines.lookup(id);
      const rowCount = await rows.count(config.milvus, config.collection, config.database);
      return { pipelineId: id, collection: config.collection, rowCount, at: Date.now() };
    },

    'dlq.read': async (id, { limit }) => {
      const { config } = await pipelines.lookup(id);
      const topic = dlqTopicOf(config);
      const redriven = await ledger.of(id);
      return withKafka(config.kafka, 30_000, async (kafka, admin) => {
        if (!(await admin.listTopics()).includes(topic)) return { topic, exists: false, total: 0, records: [], partial: false };
        const bounds = await topicBounds(admin, topic);
        const total = Number(bounds.reduce((s, b) => s + b.high - b.low, 0n));
        const scan = await scanTopic(kafka, admin, topic, tailRanges(bounds, limit), 20_000);
        const records = scan.records
          .sort((a, b) => b.timestamp - a.timestamp || b.partition - a.partition || Number(BigInt(b.offset) - BigInt(a.offset)))
          .slice(0, limit)
          .map((r) => toDlqRecord(r, redriven.get(recordKey(r.partition, r.offset))));
        return { topic, exists: true, total, records, partial: !scan.complete };
      });
    },

    'dlq.redrive': async (id, selection) => {
      const { config } = await pipelines.lookup(id);
      const topic = dlqTopicOf(config);
      const { result, sent } = await withKafka(config.kafka, 60_000, (kafka, admin) => redrive(kafka, admin, topic, selection));
      await ledger.add(id, sent);
      pipelines.log({
        at: Date.now(),
        pipelineId: id,
        level: result.failed || result.skipped ? 'warn' : 'info',
        kind: 'dead-letter',
        ...logText(redriveText(topic, result)),
        detail: { redriven: result.redriven, skipped: result.skipped, failed: result.failed },
      });
      return result;
    },
  };
}
