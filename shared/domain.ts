// Domain types that cross the IPC boundary (besides connections, pipeline config and status).
import { z } from 'zod';
import { KafkaConnection, MilvusConnection } from './connections';
import { PipelineConfigShape, checkPipeline } from './pipeline-config';

/** Secrets sent to the renderer are replaced by this mask; saving the mask keeps the stored value. */
export const SECRET_MASK = '••••••••';

export interface AppInfo {
  name: string;
  version: string;
  host: 'desktop' | 'browser';
  platform: string;
  /** Where secrets live, said to the user in Settings. */
  secretStorage: 'os-keychain' | 'file-0600';
  dataDir: string;
}

export const Settings = z.object({
  theme: z.enum(['light', 'dark', 'system']),
  locale: z.enum(['auto', 'en', 'es']),
});
export type Settings = z.infer<typeof Settings>;

export const ProfileInput = z.discriminatedUnion('kind', [
  z.object({ id: z.string().max(64).optional(), name: z.string().trim().min(1).max(120), kind: z.literal('kafka'), kafka: KafkaConnection }),
  z.object({ id: z.string().max(64).optional(), name: z.string().trim().min(1).max(120), kind: z.literal('milvus'), milvus: MilvusConnection }),
]);
export type ProfileInput = z.infer<typeof ProfileInput>;
/** A stored profile as the renderer sees it: secrets masked. */
export type ProfileView = ProfileInput & { id: string; updatedAt: number; sandbox?: boolean };

/** What to connect to: a full connection (wizard form), optionally filling masked secrets from a profile. */
export const KafkaTarget = z.object({ kafka: KafkaConnection, profileId: z.string().max(64).optional() });
export type KafkaTarget = z.infer<typeof KafkaTarget>;
export const MilvusTarget = z.object({ milvus: MilvusConnection, profileId: z.string().max(64).optional() });
export type MilvusTarget = z.infer<typeof MilvusTarget>;

export interface KafkaTestResult {
  clusterId: string;
  controllerId: number | null;
  brokers: { nodeId: number; host: string; port: number }[];
  topicCount: number;
  latencyMs: number;
}

export interface MilvusTestResult {
  serverVersion: string;
  database: string;
  databases: string[];
  collections: string[];
  latencyMs: number;
}

export interface TopicInfo {
  name: string;
  partitions: number;
  /** Sum of high watermarks minus low watermarks: records currently retained. */
  messages?: number;
}

export const CreateTopicInput = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'topic names use letters, digits, ".", "_" and "-" (max 249)'),
  partitions: z.number().int().min(1).max(1000),
  replicationFactor: z.number().int().min(1).max(10),
});
export type CreateTopicInput = z.infer<typeof CreateTopicInput>;

export interface CollectionSummary {
  name: string;
  rowCount?: number;
}

/** Names for the two profiles the sandbox saves, in the user's language (a renamed profile keeps its name). */
export const SandboxProfileNames = z.object({ kafka: z.string().trim().min(1).max(120), milvus: z.string().trim().min(1).max(120) });
export type SandboxProfileNames = z.infer<typeof SandboxProfileNames>;

export type ServiceState = 'down' | 'installing' | 'starting' | 'up' | 'error';
export interface SandboxStatus {
  kafka: ServiceState;
  milvus: ServiceState;
  /** Latest progress line or error, in English (from the stack script). */
  message?: string;
  kafkaConnection: KafkaConnection;
  milvusConnection: MilvusConnection;
}

/** A pipeline as saved: connections by profile, so secrets live in one place. */
export const PipelineSpec = PipelineConfigShape.omit({ kafka: true, milvus: true })
  .extend({ kafkaProfileId: z.string().min(1).max(64), milvusProfileId: z.string().min(1).max(64) })
  .superRefine(checkPipeline);
export type PipelineSpec = z.infer<typeof PipelineSpec>;
