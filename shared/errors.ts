// Errors cross the IPC boundary as data, never as thrown strings. Codes are stable so the renderer
// can translate them; `message` is English for logs and the CLI; `detail` carries the raw error.

export const ERROR_CODES = [
  'invalid_payload',
  'unknown_command',
  'internal',
  'not_found',
  'conflict',
  'validation',
  'kafka_dns',
  'kafka_refused',
  'kafka_timeout',
  'kafka_tls_untrusted',
  'kafka_tls_hostname',
  'kafka_tls',
  'kafka_sasl_failed',
  'kafka_error',
  'milvus_dns',
  'milvus_refused',
  'milvus_timeout',
  'milvus_unauthenticated',
  'milvus_database_not_found',
  'milvus_tls',
  'milvus_error',
  'sandbox_failed',
  'unsupported',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Raw error text for the "details" disclosure; never secrets or payloads. */
  detail?: string;
  /** Where: a payload path, a config key, a field. */
  where?: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
    readonly where?: string,
  ) {
    super(message);
  }
  toJSON(): AppError {
    return { code: this.code, message: this.message, detail: this.detail, where: this.where };
  }
}
