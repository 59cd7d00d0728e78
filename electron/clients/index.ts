// The one place that picks concrete clients (kafkajs, the Milvus SDK) for a pipeline. The engine
// receives them through the interfaces in ./types, so another client can be swapped in here.
import type { PipelineConfig } from '../../shared/pipeline-config';
import { createKafka, type ClientLog } from './kafka-client';
import { classifyKafkaError, KafkaRecordSink, KafkaRecordSource, type ConsumerTuning } from './kafka-source';
import { createMilvusClient } from './milvus-client';
import { classifyMilvusError } from './milvus-errors';
import { MilvusRowWriter } from './milvus-writer';
import { ThreadedMilvusRowWriter } from './milvus-writer-thread';
import type { Failure, RecordSink, RecordSource, RowWriter } from './types';

export type { ClientLog, ClientLogLevel } from './kafka-client';
export type { ConsumerTuning } from './kafka-source';
export { describeCollectionSchema, createMilvusClient } from './milvus-client';
export { createKafka } from './kafka-client';

export interface PipelineClients {
  source: RecordSource;
  /** Present when errors.tolerance=all (a dead-letter topic is configured). */
  sink?: RecordSink;
  writer: RowWriter;
  /** How to read errors thrown by the source/sink and by the writer. */
  classifySourceError(e: unknown): Failure;
  classifyWriterError(e: unknown): Failure;
}

/** 'inline' (default): Milvus writes on the engine's event loop; 'thread': on a worker thread. */
export type MilvusWriterPlacement = 'thread' | 'inline';

export interface ClientOptions {
  log: ClientLog;
  consumer?: Omit<ConsumerTuning, 'retry'>;
  /** Defaults to $STUDIO_MILVUS_WRITER, else 'inline'. */
  milvusWriter?: MilvusWriterPlacement;
}

/**
 * STUDIO_MILVUS_WRITER=thread moves the SDK's encoding work (hundreds of ms per batch of large
 * vectors) off the engine's event loop: loop delay p99 drops several-fold, at the cost of a second
 * heap (~100 MB) and, on a busy 2-core machine, sometimes throughput. Opt-in until measured more.
 */
export function milvusWriterPlacement(opts: Pick<ClientOptions, 'milvusWriter'>, env: NodeJS.ProcessEnv = process.env): MilvusWriterPlacement {
  return opts.milvusWriter ?? (env.STUDIO_MILVUS_WRITER?.trim().toLowerCase() === 'thread' ? 'thread' : 'inline');
}

export type ClientFactory = (config: PipelineConfig, opts: ClientOptions) => PipelineClients;

export const createPipelineClients: ClientFactory = (cfg, opts) => {
  const database = cfg.database ?? cfg.milvus.database;
  const client = database ? { database } : {};
  const target = { collection: cfg.collection, ...(database ? { database } : {}), ...(cfg.partition ? { partition: cfg.partition } : {}) };
  const writer: RowWriter =
    milvusWriterPlacement(opts) === 'thread' ? new ThreadedMilvusRowWriter({ connection: cfg.milvus, client, target }) : new MilvusRowWriter(createMilvusClient(cfg.milvus, client), target);
  // kafkajs retries a few times itself, then crashes and restarts the consumer (reported as retrying).
  const retry = { initialRetryTime: cfg.retry.initialBackoffMs, maxRetryTime: cfg.retry.maxBackoffMs, retries: 5 };
  const kafka = createKafka(cfg.kafka, { clientId: cfg.kafka.clientId ?? `kafka-milvus-studio-${cfg.id}`, log: opts.log, retry });
  const source = new KafkaRecordSource(kafka, cfg.groupId, { ...opts.consumer, retry });
  const clients: PipelineClients = { source, writer, classifySourceError: classifyKafkaError, classifyWriterError: classifyMilvusError };
  if (cfg.errorTolerance === 'all' && cfg.deadLetterTopic) clients.sink = new KafkaRecordSink(kafka);
  return clients;
};
