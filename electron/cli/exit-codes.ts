// Exit codes of every CLI command, stable for scripts and service managers.
export const EXIT = {
  ok: 0,
  /** The pipeline failed at run time, or a forced exit on a second signal. */
  runtime: 1,
  /** Bad command line: unknown command, missing argument. */
  usage: 2,
  /** A configuration file is unreadable or invalid. */
  config: 3,
  /** The pipeline could not start (Kafka, Milvus, topic or collection). */
  connection: 4,
} as const;

/** An error that ends the command with a given exit code and a message for stderr. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
