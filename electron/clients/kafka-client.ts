// Builds a kafkajs client from our KafkaConnection. kafkajs' own logger is replaced: it is quiet
// (warnings and errors only), routed to ours, and carries messages and error text, never payloads.
import { Kafka, logLevel, type KafkaConfig, type LogEntry as KafkaLogEntry, type SASLOptions, type RetryOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConnection } from '../../shared/connections';
import type { LogText } from '../../shared/log-text';
import { oneLine } from './types';

export type ClientLogLevel = 'info' | 'warn' | 'error';
/** Client diagnostics for the event log, as message codes (see shared/log-text). */
export type ClientLog = (level: ClientLogLevel, text: LogText) => void;

export interface KafkaClientOptions {
  clientId?: string;
  log?: ClientLog;
  retry?: RetryOptions;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export function kafkaSsl(conn: KafkaConnection): KafkaConfig['ssl'] {
  if (conn.securityProtocol !== 'SSL' && conn.securityProtocol !== 'SASL_SSL') return undefined;
  const tls = conn.tls;
  if (!tls) return true;
  const opts: ConnectionOptions = { rejectUnauthorized: tls.skipVerify !== true };
  if (tls.caPem) opts.ca = [tls.caPem];
  if (tls.certPem) opts.cert = tls.certPem;
  if (tls.keyPem) opts.key = tls.keyPem;
  return opts;
}

export function kafkaSasl(conn: KafkaConnection): SASLOptions | undefined {
  if (!conn.securityProtocol.startsWith('SASL') || !conn.sasl) return undefined;
  const { username, password } = conn.sasl;
  switch (conn.sasl.mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', username, password };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

/** kafkajs log entries carry extra fields (stack, request data); only the message and error text pass. */
function logCreator(log: ClientLog | undefined) {
  return () =>
    ({ namespace, level, log: entry }: KafkaLogEntry): void => {
      if (!log) return;
      const extra: unknown = (entry as unknown as { error?: unknown }).error;
      const error = typeof extra === 'string' ? `: ${extra}` : '';
      const message = oneLine(`${namespace ? `${namespace}: ` : ''}${entry.message}${error}`);
      log(level >= logLevel.INFO ? 'info' : level === logLevel.WARN ? 'warn' : 'error', { code: 'run.client', params: { source: 'Kafka', message } });
    };
}

export function createKafka(conn: KafkaConnection, opts: KafkaClientOptions = {}): Kafka {
  const config: KafkaConfig = {
    brokers: conn.brokers,
    clientId: opts.clientId ?? conn.clientId ?? 'kafka-milvus-studio',
    connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
    requestTimeout: opts.requestTimeoutMs ?? 30_000,
    logLevel: logLevel.WARN,
    logCreator: logCreator(opts.log),
  };
  const ssl = kafkaSsl(conn);
  if (ssl !== undefined) config.ssl = ssl;
  const sasl = kafkaSasl(conn);
  if (sasl) config.sasl = sasl;
  if (opts.retry) config.retry = opts.retry;
  return new Kafka(config);
}
