// State of the schema view: the chosen Kafka topic and Milvus collection (or a saved pipeline),
// the topic sample, the collection schema, and the mapping being edited. Matching itself is
// derived in the view (shared matchSchemas), so edits never wait for the main side.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PipelineView, Transport } from '../../../shared/contract';
import type { NewCollection, SampleFrom, TopicSample } from '../../../shared/contract-schema';
import type { ConvertOptions } from '../../../shared/convert/types';
import type { CollectionSummary, CreateTopicInput, KafkaTarget, MilvusTarget, ProfileView, TopicInfo } from '../../../shared/domain';
import type { AppError, RpcResult } from '../../../shared/errors';
import type { CollectionSchema } from '../../../shared/milvus-schema';
import { PIPELINE_DEFAULTS } from '../../../shared/pipeline-config';
import { newPipelineSpec, pipelineTopic, updatedPipelineSpec, type SchemaChoices } from '../features/schema/pipeline-draft';

export type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };
const IDLE = { status: 'idle' } as const;
const LOADING = { status: 'loading' } as const;

export const SAMPLE_COUNTS = [10, 50, 100, 200, 500, 1000] as const;

export interface SchemaState {
  kafkaProfile: ProfileView | null;
  milvusProfile: ProfileView | null;
  topic: string | null;
  collection: string | null;
  /** A pipeline's own database, when it overrides its profile's. */
  database: string | null;
  pipelineId: string | null;
  sampleCount: number;
  sampleFrom: SampleFrom;
  topics: Load<TopicInfo[]>;
  collections: Load<CollectionSummary[]>;
  sample: Load<TopicSample>;
  schema: Load<CollectionSchema>;
  options: ConvertOptions;
  /** The mapping changed since it was loaded from (or saved to) a pipeline. */
  dirty: boolean;

  chooseKafka(profile: ProfileView | null): Promise<void>;
  chooseTopic(topic: string | null): Promise<void>;
  chooseMilvus(profile: ProfileView | null): Promise<void>;
  chooseCollection(name: string | null): Promise<void>;
  setSampling(patch: { count?: number; from?: SampleFrom }): Promise<void>;
  resample(): Promise<void>;
  refreshTopics(): Promise<void>;
  refreshCollections(): Promise<void>;
  startFromPipeline(view: PipelineView, profiles: readonly ProfileView[]): Promise<void>;
  detachPipeline(): void;
  setOptions(patch: Partial<Pick<ConvertOptions, 'mapping' | 'ignore' | 'extraFields'>>): void;
  createTopic(input: CreateTopicInput): Promise<RpcResult<TopicInfo>>;
  createCollection(draft: NewCollection): Promise<RpcResult<CollectionSchema>>;
  /** The current choices, when a topic and a collection are both chosen. */
  choices(): SchemaChoices | null;
  savePipeline(view: PipelineView): Promise<RpcResult<PipelineView>>;
  createPipeline(name: string): Promise<RpcResult<PipelineView>>;
}

export type SchemaStore = StoreApi<SchemaState>;

export const DEFAULT_OPTIONS: ConvertOptions = {
  mapping: [],
  ignore: [],
  valueFormat: PIPELINE_DEFAULTS.valueFormat,
  vectorEncoding: PIPELINE_DEFAULTS.vectorEncoding,
  extraFields: PIPELINE_DEFAULTS.extraFields,
};

const kafkaTarget = (p: ProfileView): KafkaTarget | null => (p.kind === 'kafka' ? { kafka: p.kafka, profileId: p.id } : null);
function milvusTarget(p: ProfileView, database: string | null): MilvusTarget | null {
  if (p.kind !== 'milvus') return null;
  return { milvus: database ? { ...p.milvus, database } : p.milvus, profileId: p.id };
}
const settle = <T>(r: RpcResult<T>): Load<T> => (r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error });

export function createSchemaStore(transport: Transport): SchemaStore {
  // A newer request of the same kind wins over a late answer.
  const seq = { topics: 0, collections: 0, sample: 0, schema: 0 };

  return createStore<SchemaState>()((set, get) => {
    async function loadTopics(): Promise<void> {
      const p = get().kafkaProfile;
      const target = p && kafkaTarget(p);
      if (!target) return set({ topics: IDLE });
      const n = ++seq.topics;
      set({ topics: LOADING });
      const r = await transport.invoke('kafka.listTopics', target);
      if (n === seq.topics) set({ topics: settle(r) });
    }
    async function loadCollections(): Promise<void> {
      const { milvusProfile: p, database } = get();
      const target = p && milvusTarget(p, database);
      if (!target) return set({ collections: IDLE });
      const n = ++seq.collections;
      set({ collections: LOADING });
      const r = await transport.invoke('milvus.listCollections', target);
      if (n === seq.collections) set({ collections: settle(r) });
    }
    async function loadSample(): Promise<void> {
      const { kafkaProfile: p, topic, sampleCount, sampleFrom, options } = get();
      const target = p && kafkaTarget(p);
      const n = ++seq.sample;
      if (!target || !topic) return set({ sample: IDLE });
      set({ sample: LOADING });
      const r = await transport.invoke('schema.sample', target, { topic, count: sampleCount, from: sampleFrom, valueFormat: options.valueFormat });
      if (n === seq.sample) set({ sample: settle(r) });
    }
    async function loadSchema(): Promise<void> {
      const { milvusProfile: p, collection, database } = get();
      const target = p && milvusTarget(p, database);
      const n = ++seq.schema;
      if (!target || !collection) return set({ schema: IDLE });
      set({ schema: LOADING });
      const r = await transport.invoke('milvus.describeCollection', target, collection);
      if (n === seq.schema) set({ schema: settle(r) });
    }

    return {
      kafkaProfile: null,
      milvusProfile: null,
      topic: null,
      collection: null,
      database: null,
      pipelineId: null,
      sampleCount: 100,
      sampleFrom: 'latest',
      topics: IDLE,
      collections: IDLE,
      sample: IDLE,
      schema: IDLE,
      options: DEFAULT_OPTIONS,
      dirty: false,

      async chooseKafka(profile) {
        set({ kafkaProfile: profile, topic: null });
        await Promise.all([loadTopics(), loadSample()]);
      },
      async chooseTopic(topic) {
        set({ topic });
        await loadSample();
      },
      async chooseMilvus(profile) {
        set({ milvusProfile: profile, collection: null, database: null });
        await Promise.all([loadCollections(), loadSchema()]);
      },
      async chooseCollection(name) {
        set({ collection: name });
        await loadSchema();
      },
      async setSampling(patch) {
        set({ ...(patch.count !== undefined ? { sampleCount: patch.count } : {}), ...(patch.from ? { sampleFrom: patch.from } : {}) });
        await loadSample();
      },
      resample: loadSample,
      refreshTopics: loadTopics,
      refreshCollections: loadCollections,

      async startFromPipeline(view, profiles) {
        const { spec } = view;
        const kafka = profiles.find((p) => p.id === spec.kafkaProfileId && p.kind === 'kafka') ?? null;
        const milvus = profiles.find((p) => p.id === spec.milvusProfileId && p.kind === 'milvus') ?? null;
        set({
          pipelineId: spec.id,
          kafkaProfile: kafka,
          milvusProfile: milvus,
          topic: pipelineTopic(view),
          collection: spec.collection,
          database: spec.database ?? null,
          options: { mapping: spec.mapping, ignore: spec.ignore, valueFormat: spec.valueFormat, vectorEncoding: spec.vectorEncoding, extraFields: spec.extraFields },
          dirty: false,
        });
        await Promise.all([loadTopics(), loadCollections(), loadSample(), loadSchema()]);
      },
      detachPipeline: () => set({ pipelineId: null, dirty: false }),

      setOptions(patch) {
        set((s) => ({ options: { ...s.options, ...patch }, dirty: true }));
      },

      async createTopic(input) {
        const p = get().kafkaProfile;
        const target = p && kafkaTarget(p);
        if (!target) return { ok: false, error: { code: 'validation', message: 'choose a Kafka connection first' } };
        const r = await transport.invoke('kafka.createTopic', target, input);
        if (r.ok) {
          set((s) => ({ topic: r.value.name, topics: s.topics.status === 'ok' ? { status: 'ok', value: [...s.topics.value.filter((t) => t.name !== r.value.name), r.value].sort((a, b) => a.name.localeCompare(b.name)) } : s.topics }));
          await loadSample();
        }
        return r;
      },
      async createCollection(draft) {
        const { milvusProfile: p, database } = get();
        const target = p && milvusTarget(p, database);
        if (!target) return { ok: false, error: { code: 'validation', message: 'choose a Milvus connection first' } };
        const r = await transport.invoke('schema.createCollection', target, draft);
        if (r.ok) {
          ++seq.schema;
          // The new collection was made from this topic: its fields need no mapping.
          set((s) => ({
            collection: r.value.name,
            schema: { status: 'ok', value: r.value },
            options: { ...s.options, mapping: [], ignore: [] },
            dirty: s.pipelineId !== null,
            collections: s.collections.status === 'ok' ? { status: 'ok', value: [...s.collections.value, { name: r.value.name, rowCount: 0 }].sort((a, b) => a.name.localeCompare(b.name)) } : s.collections,
          }));
        }
        return r;
      },

      choices() {
        const { kafkaProfile, milvusProfile, topic, collection, options } = get();
        if (!kafkaProfile || !milvusProfile || !topic || !collection) return null;
        return { kafkaProfileId: kafkaProfile.id, milvusProfileId: milvusProfile.id, topic, collection, mapping: options.mapping, ignore: options.ignore, extraFields: options.extraFields };
      },
      async savePipeline(view) {
        const c = get().choices();
        if (!c) return { ok: false, error: { code: 'validation', message: 'choose a topic and a collection first' } };
        const r = await transport.invoke('pipeline.update', view.spec.id, updatedPipelineSpec(view, c));
        if (r.ok) set({ dirty: false });
        return r;
      },
      async createPipeline(name) {
        const c = get().choices();
        if (!c) return { ok: false, error: { code: 'validation', message: 'choose a topic and a collection first' } };
        const r = await transport.invoke('pipeline.create', newPipelineSpec(c, name));
        if (r.ok) set({ pipelineId: r.value.spec.id, dirty: false });
        return r;
      },
    };
  });
}
