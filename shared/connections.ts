// Connection settings for Kafka and Milvus, shared by the wizard, profiles, pipelines and the CLI.
// Schemas are the single source of truth: types are inferred, and main validates every payload.
import { z } from 'zod';

const hostPort = z
  .string()
  .trim()
  .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, e.g. 127.0.0.1:9092');

export const KafkaSecurityProtocol = z.enum(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']);
export const SaslMechanism = z.enum(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);

export const KafkaConnection = z
  .object({
    brokers: z.array(hostPort).min(1, 'at least one bootstrap server is required').max(50),
    clientId: z.string().max(200).optional(),
    securityProtocol: KafkaSecurityProtocol,
    sasl: z
      .object({ mechanism: SaslMechanism, username: z.string().max(500), password: z.string().max(5000) })
      .optional(),
    /** PEM text, not paths: main reads the files chosen in the picker. */
    tls: z
      .object({
        caPem: z.string().max(200_000).optional(),
        certPem: z.string().max(200_000).optional(),
        keyPem: z.string().max(200_000).optional(),
        skipVerify: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((c) => !c.securityProtocol.startsWith('SASL') || c.sasl !== undefined, {
    message: 'SASL protocols need a mechanism, username and password',
    path: ['sasl'],
  });
export type KafkaConnection = z.infer<typeof KafkaConnection>;

export const MilvusConnection = z.object({
  /** http(s)://host:port, host:port, or a Zilliz Cloud public endpoint. */
  address: z.string().trim().min(1, 'an address is required').max(500),
  token: z.string().max(5000).optional(),
  username: z.string().max(500).optional(),
  password: z.string().max(5000).optional(),
  database: z.string().max(255).optional(),
  tls: z
    .object({ caPem: z.string().max(200_000).optional(), skipVerify: z.boolean().optional(), serverName: z.string().max(255).optional() })
    .optional(),
});
export type MilvusConnection = z.infer<typeof MilvusConnection>;

export const SANDBOX_KAFKA: KafkaConnection = { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' };
export const SANDBOX_MILVUS: MilvusConnection = { address: '127.0.0.1:19530' };
