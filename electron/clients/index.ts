// The one place that picks concrete clients (kafkajs, the Milvus SDK) for a pipeline. The engine
// receives them through the interfaces in ./types, so another client can be swapped in here.
import type { PipelineConfig } from '../../shared/pipeline-config';
import { createKafka, type ClientLog } from './kafka-client';
import { classifyKafkaError, KafkaRecordSink, KafkaRecordSource, type ConsumerTuning } from './kafka-source';
import { createMilvusClient } from './milvus-client';
import { classifyMilvusError } from './milvus-errors';
import { MilvusRowWriter } from './milvus-writer';
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

export interface ClientOptions {
  log: ClientLog;
  consumer?: Omit<ConsumerTuning, 'retry'>;
}

export type ClientFactory = (config: PipelineConfig, opts: ClientOptions) => PipelineClients;

export const createPipelineClients: ClientFactory = (cfg, opts) => {
  const database = cfg.database ?? cfg.milvus.database;
  const writer = new MilvusRowWriter(createMilvusClient(cfg.milvus, database ? { database } : {}), {
    collection: cfg.collection,
    ...(database ? { database } : {}),
    ...(cfg.partition ? { partition: cfg.partition } : {}),
  });
  // kafkajs retries a few times itself, then crashes and restarts the consumer (reported as retrying).
  const retry = { initialRetryTime: cfg.retry.initialBackoffMs, maxRetryTime: cfg.retry.maxBackoffMs, retries: 5 };
  const kafka = createKafka(cfg.kafka, { clientId: cfg.kafka.clientId ?? `kafka-milvus-studio-${cfg.id}`, log: opts.log, retry });
  const source = new KafkaRecordSource(kafka, cfg.groupId, { ...opts.consumer, retry });
  const clients: PipelineClients = { source, writer, classifySourceError: classifyKafkaError, classifyWriterError: classifyMilvusError };
  if (cfg.errorTolerance === 'all' && cfg.deadLetterTopic) clients.sink = new KafkaRecordSink(kafka);
  return clients;
};
