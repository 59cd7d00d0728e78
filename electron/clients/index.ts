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

/** 'thread' (default): Milvus writes on a worker thread; 'inline': on the engine's event loop. */
export type MilvusWriterPlacement = 'thread' | 'inline';

export interface ClientOptions {
  log: ClientLog;
  consumer?: Omit<ConsumerTuning, 'retry'>;
  /** Defaults to $STUDIO_MILVUS_WRITER, else 'thread'. */
  milvusWriter?: MilvusWriterPlacement;
}

/**
 * The Milvus SDK's synchronous work per batch (row → column flattening, protobuf encoding) is tens
 * of ms for 768-dim vectors; on the engine's event loop it delays Kafka heartbeats, IPC and the
 * monitor. A writer thread takes it off the loop (loop delay p99 ~25 ms instead of 70-110 in the
 * benchmark, same CPU per row, ~100 MB more memory). STUDIO_MILVUS_WRITER=inline keeps the writes on
 * the loop; a thread that cannot start falls back to that by itself.
 */
export function milvusWriterPlacement(opts: Pick<ClientOptions, 'milvusWriter'>, env: NodeJS.ProcessEnv = process.env): MilvusWriterPlacement {
  return opts.milvusWriter ?? (env.STUDIO_MILVUS_WRITER?.trim().toLowerCase() === 'inline' ? 'inline' : 'thread');
}

export type ClientFactory = (config: PipelineConfig, opts: ClientOptions) => PipelineClients;

export const createPipelineClients: ClientFactory = (cfg, opts) => {
  const database = cfg.database ?? cfg.milvus.database;
  const client = database ? { database } : {};
  const target = { collection: cfg.collection, ...(database ? { database } : {}), ...(cfg.partition ? { partition: cfg.partition } : {}) };
  const inline = () => new MilvusRowWriter(createMilvusClient(cfg.milvus, client), target);
  const writer: RowWriter =
    milvusWriterPlacement(opts) === 'thread'
      ? new ThreadedMilvusRowWriter({ connection: cfg.milvus, client, target, fallback: inline, onFallback: (why) => opts.log('warn', { code: 'run.writerInline', params: { reason: why } }) })
      : inline();
  // kafkajs retries a few times itself, then crashes and restarts the consumer (reported as retrying).
  const retry = { initialRetryTime: cfg.retry.initialBackoffMs, maxRetryTime: cfg.retry.maxBackoffMs, retries: 5 };
  const kafka = createKafka(cfg.kafka, { clientId: cfg.kafka.clientId ?? `kafka-milvus-studio-${cfg.id}`, log: opts.log, retry });
  const source = new KafkaRecordSource(kafka, cfg.groupId, { ...opts.consumer, retry });
  const clients: PipelineClients = { source, writer, classifySourceError: classifyKafkaError, classifyWriterError: classifyMilvusError };
  if (cfg.errorTolerance === 'all' && cfg.deadLetterTopic) clients.sink = new KafkaRecordSink(kafka);
  return clients;
};
