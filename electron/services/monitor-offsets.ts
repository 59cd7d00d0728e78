// Offset reset of a stopped pipeline through the Kafka admin API: read the group's committed offsets
// and the log bounds, plan (pure, monitor-offsets-plan.ts), then commit the new positions.
import type { Admin } from 'kafkajs';
import type { OffsetResetPlan, OffsetResetTarget } from '../../shared/contract-monitor';
import { AppFailure } from '../../shared/errors';
import type { PipelineConfig } from '../../shared/pipeline-config';
import { commitsFor, planReset, timestampKey, type Fallback, type PartitionOffsets } from './monitor-offsets-plan';

/** The pipeline's topics as they exist now: its list (all must exist) or what its pattern matches. */
export async function pipelineTopics(admin: Admin, topics: PipelineConfig['topics']): Promise<string[]> {
  const existing = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
  if ('pattern' in topics) {
    const re = new RegExp(topics.pattern);
    return existing.filter((t) => re.test(t)).sort();
  }
  const missing = topics.names.filter((n) => !existing.includes(n));
  if (missing.length) throw new AppFailure('not_found', `Topic ${missing.join(', ')} does not exist on the cluster`, undefined, 'topics');
  return [...topics.names];
}

export async function partitionOffsets(admin: Admin, groupId: string, topics: string[]): Promise<PartitionOffsets[]> {
  if (!topics.length) return [];
  const committed = await admin.fetchOffsets({ groupId, topics });
  const out: PartitionOffsets[] = [];
  for (const topic of topics) {
    const commits = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const o of await admin.fetchTopicOffsets(topic)) {
      out.push({ topic, partition: o.partition, low: o.low, high: o.high, committed: commits.find((c) => c.partition === o.partition)?.offset ?? null });
    }
  }
  return out;
}

function fallbackOf(cfg: PipelineConfig): Fallback {
  const sp = cfg.startPosition;
  return sp.kind === 'committed' ? sp.fallback : sp.kind === 'latest' ? 'latest' : 'earliest';
}

export async function planPipelineReset(admin: Admin, cfg: PipelineConfig, target: OffsetResetTarget): Promise<OffsetResetPlan> {
  const topics = await pipelineTopics(admin, cfg.topics);
  const partitions = await partitionOffsets(admin, cfg.groupId, topics);
  let byTimestamp: Map<string, string> | undefined;
  if (target.kind === 'timestamp') {
    byTimestamp = new Map();
    for (const topic of topics) {
      for (const o of await admin.fetchTopicOffsetsByTimestamp(topic, target.timestampMs)) byTimestamp.set(timestampKey(topic, o.partition), o.offset);
    }
  }
  return planReset(cfg.groupId, partitions, target, { fallback: fallbackOf(cfg), effective: cfg.startPosition.kind === 'committed', byTimestamp });
}

/** Commits the planned offsets and returns the plan it carried out. Kafka refuses while a member of the group runs. */
export async function applyPipelineReset(admin: Admin, cfg: PipelineConfig, target: OffsetResetTarget): Promise<OffsetResetPlan> {
  const plan = await planPipelineReset(admin, cfg, target);
  for (const [topic, partitions] of commitsFor(plan, target)) {
    try {
      await admin.setOffsets({ groupId: cfg.groupId, topic, partitions });
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      if (/no running instances/i.test(text)) {
        throw new AppFailure('conflict', `Consumer group "${cfg.groupId}" still has running members (another instance of this pipeline?): stop them, then reset`, text);
      }
      throw err;
    }
  }
  return plan;
}
