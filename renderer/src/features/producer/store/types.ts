// State of the producer page: the target (pipeline or topic + collection), the message and its
// delivery, the search panel and the demo data generators.
import type {
  GeneratorStatus,
  JobProgress,
  MessageHeader,
  ProducerTemplate,
  SavedTemplate,
  SearchResult,
  SendReceipt,
  VerifyState,
} from '../../../../../shared/contract-producer';
import type { CollectionSummary, ProfileView, TopicInfo } from '../../../../../shared/domain';
import type { AppError, RpcResult } from '../../../../../shared/errors';

export type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

export interface Target {
  /** The pipeline the target was taken from ('' = chosen by hand). */
  pipelineId: string;
  kafkaProfileId: string;
  topic: string;
  milvusProfileId: string;
  collection: string;
  database?: string;
}

export interface TargetSlice {
  target: Target;
  topics: Load<TopicInfo[]>;
  collections: Load<CollectionSummary[]>;
  /** Schema and tracking field of the collection (the editor text lives in `value`). */
  template: Load<ProducerTemplate>;
  setTarget(patch: Partial<Target>): void;
  loadTopics(profile: ProfileView): Promise<void>;
  loadCollections(profile: ProfileView): Promise<void>;
  /** Describes the collection; with `fill`, replaces the editor text by a fresh template. */
  loadTemplate(fill: boolean): Promise<void>;
}

export interface BatchForm {
  count: number;
  rate: number;
  varyKeys: boolean;
  varyVectors: boolean;
}

export interface MessageFields {
  value: string;
  key: string;
  headers: MessageHeader[];
  /** '' = chosen by the partitioner. */
  partition: string;
  newKeyAfterSend: boolean;
  timeoutSec: number;
}

export interface MessageSlice extends MessageFields {
  sending: boolean;
  sendError: AppError | null;
  receipt: SendReceipt | null;
  verify: VerifyState | null;
  verifying: boolean;
  batch: BatchForm;
  job: JobProgress | null;
  jobError: AppError | null;
  saved: SavedTemplate[];
  setMessage(patch: Partial<MessageFields>): void;
  setBatch(patch: Partial<BatchForm>): void;
  send(): Promise<void>;
  verifyAgain(): Promise<void>;
  /** Follows another sent record (the last of a "send many"). */
  follow(receipt: SendReceipt): Promise<void>;
  sendMany(): Promise<void>;
  cancelJob(): Promise<void>;
  loadSaved(): Promise<void>;
  saveTemplate(name: string): Promise<RpcResult<SavedTemplate>>;
  applyTemplate(t: SavedTemplate): void;
  deleteTemplate(id: string): Promise<RpcResult<void>>;
}

export interface SearchForm {
  vectorText: string;
  topK: number;
  filter: string;
}

export interface SearchSlice {
  search: SearchForm & { status: 'idle' | 'running' | 'ok' | 'error'; result?: SearchResult; error?: AppError };
  setSearch(patch: Partial<SearchForm>): void;
  runSearch(): Promise<void>;
}

export interface GeneratorForm {
  topic: string;
  rate: number;
  /** '' = until stopped. */
  count: string;
  dim: number;
}

export interface GeneratorSlice {
  generators: GeneratorStatus[];
  genForm: GeneratorForm;
  genError: AppError | null;
  genStarting: boolean;
  setGenForm(patch: Partial<GeneratorForm>): void;
  loadGenerators(): Promise<void>;
  startGenerator(kafkaProfileId: string): Promise<void>;
  stopGenerator(id: string): Promise<void>;
}

export type ProducerState = TargetSlice & MessageSlice & SearchSlice & GeneratorSlice;
export type SetState = (partial: Partial<ProducerState> | ((s: ProducerState) => Partial<ProducerState>)) => void;
export type GetState = () => ProducerState;
