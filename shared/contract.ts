// The one contract between the renderer and the main side. Both hosts (Electron IPC and the
// browser-mode WebSocket) carry exactly these commands and events; names are `domain.verb`.
// `commandArgs` validates every payload in main; its keys are the runtime allowlist, and a command
// missing from it is a type error.
import { z } from 'zod';
import type { RpcResult } from './errors';
import { monitorArgs, monitorEventFlags, type MonitorCommands, type MonitorEvents } from './contract-monitor';
import { producerArgs, producerEventFlags, type ProducerCommands, type ProducerEvents } from './contract-producer';
import { schemaArgs, schemaEventFlags, type SchemaCommands, type SchemaEvents } from './contract-schema';
import type { CollectionSchema } from './milvus-schema';
import type { LogEntry, MetricsSnapshot, PipelineStatus } from './pipeline-status';
import {
  CreateTopicInput,
  KafkaTarget,
  MilvusTarget,
  PipelineSpec,
  ProfileInput,
  SandboxProfileNames,
  Settings,
  type AppInfo,
  type CollectionSummary,
  type KafkaTestResult,
  type MilvusTestResult,
  type ProfileView,
  type SandboxStatus,
  type TopicInfo,
} from './domain';

export interface PipelineView {
  spec: PipelineSpec & { id: string };
  status: PipelineStatus;
}

/** Connections, profiles, settings and pipelines here; the other domains in contract-<domain>.ts. */
export interface Commands extends SchemaCommands, ProducerCommands, MonitorCommands {
  'app.info': () => AppInfo;
  'app.openExternal': (url: string) => void;
  'settings.get': () => Settings;
  'settings.set': (patch: Partial<Settings>) => Settings;

  'sandbox.status': () => SandboxStatus;
  'sandbox.start': (names?: SandboxProfileNames) => SandboxStatus;

  'kafka.test': (target: KafkaTarget) => KafkaTestResult;
  'kafka.listTopics': (target: KafkaTarget) => TopicInfo[];
  'kafka.createTopic': (target: KafkaTarget, topic: CreateTopicInput) => TopicInfo;

  'milvus.test': (target: MilvusTarget) => MilvusTestResult;
  'milvus.listCollections': (target: MilvusTarget) => CollectionSummary[];
  'milvus.describeCollection': (target: MilvusTarget, collection: string) => CollectionSchema;

  'profiles.list': () => ProfileView[];
  'profiles.save': (profile: ProfileInput) => ProfileView;
  'profiles.duplicate': (id: string) => ProfileView;
  'profiles.delete': (id: string) => void;
  'profiles.export': (options: { includeSecrets: boolean }) => string;
  'profiles.import': (json: string) => ProfileView[];

  'pipeline.list': () => PipelineView[];
  'pipeline.create': (spec: PipelineSpec) => PipelineView;
  /** Replaces a saved spec; a running pipeline keeps its old settings until restarted. */
  'pipeline.update': (id: string, spec: PipelineSpec) => PipelineView;
  'pipeline.start': (id: string) => PipelineView;
  'pipeline.pause': (id: string) => PipelineView;
  'pipeline.resume': (id: string) => PipelineView;
  'pipeline.stop': (id: string) => PipelineView;
  'pipeline.delete': (id: string) => void;

  'metrics.history': (pipelineId: string, windowSec: number) => MetricsSnapshot[];
  'log.recent': (limit: number) => LogEntry[];
}

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>;
export type CommandResult<K extends CommandName> = ReturnType<Commands[K]>;

export interface Events extends SchemaEvents, ProducerEvents, MonitorEvents {
  'pipeline.state': PipelineStatus;
  /** Coalesced: at most 4 per second, one entry per running pipeline. */
  'metrics.tick': MetricsSnapshot[];
  'log.entry': LogEntry;
  'sandbox.progress': SandboxStatus;
}
export type EventName = keyof Events;

const id = z.string().min(1).max(64);
const none = z.tuple([]);

export const commandArgs: { [K in CommandName]: z.ZodType<CommandArgs<K>> } = {
  'app.info': none,
  'app.openExternal': z.tuple([z.string().url().max(2000)]),
  'settings.get': none,
  'settings.set': z.tuple([Settings.partial()]),
  'sandbox.status': none,
  'sandbox.start': z.union([none, z.tuple([SandboxProfileNames])]),
  'kafka.test': z.tuple([KafkaTarget]),
  'kafka.listTopics': z.tuple([KafkaTarget]),
  'kafka.createTopic': z.tuple([KafkaTarget, CreateTopicInput]),
  'milvus.test': z.tuple([MilvusTarget]),
  'milvus.listCollections': z.tuple([MilvusTarget]),
  'milvus.describeCollection': z.tuple([MilvusTarget, z.string().min(1).max(255)]),
  'profiles.list': none,
  'profiles.save': z.tuple([ProfileInput]),
  'profiles.duplicate': z.tuple([id]),
  'profiles.delete': z.tuple([id]),
  'profiles.export': z.tuple([z.object({ includeSecrets: z.boolean() })]),
  'profiles.import': z.tuple([z.string().max(5_000_000)]),
  'pipeline.list': none,
  'pipeline.create': z.tuple([PipelineSpec]),
  'pipeline.update': z.tuple([id, PipelineSpec]),
  'pipeline.start': z.tuple([id]),
  'pipeline.pause': z.tuple([id]),
  'pipeline.resume': z.tuple([id]),
  'pipeline.stop': z.tuple([id]),
  'pipeline.delete': z.tuple([id]),
  'metrics.history': z.tuple([id, z.number().int().min(1).max(86_400)]),
  'log.recent': z.tuple([z.number().int().min(1).max(10_000)]),
  ...schemaArgs,
  ...producerArgs,
  ...monitorArgs,
};

export const COMMAND_NAMES = Object.keys(commandArgs) as CommandName[];

const eventFlags: { [K in EventName]: true } = {
  'pipeline.state': true,
  'metrics.tick': true,
  'log.entry': true,
  'sandbox.progress': true,
  ...schemaEventFlags,
  ...producerEventFlags,
  ...monitorEventFlags,
};
export const EVENT_NAMES = Object.keys(eventFlags) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandArgs, name);
}

/** What both hosts give the renderer. Results arrive as data; transports never throw for app errors. */
export interface Transport {
  invoke<K extends CommandName>(cmd: K, ...args: CommandArgs<K>): Promise<RpcResult<CommandResult<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Connection state of the bridge (always 'open' in Electron). */
  onConnection?(listener: (state: 'connecting' | 'open' | 'closed') => void): () => void;
}
