// Our own Kafka / Milvus instances on separate ports (scripts/stack.sh keeps a data dir per port),
// so drills can stop and start them while the shared default stack keeps serving everyone else.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { FAULT_KAFKA_CONTROLLER_PORT, FAULT_KAFKA_PORT, FAULT_MILVUS_PORT } from './env';

const run = promisify(execFile);
const STACK = new URL('../../../scripts/stack.sh', import.meta.url).pathname;

export class StackService {
  private constructor(
    readonly kind: 'kafka' | 'milvus',
    private readonly env: Record<string, string>,
    readonly address: string,
  ) {}

  static kafka(port = FAULT_KAFKA_PORT, controllerPort = FAULT_KAFKA_CONTROLLER_PORT): StackService {
    return new StackService('kafka', { KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort) }, `127.0.0.1:${port}`);
  }

  static milvus(port = FAULT_MILVUS_PORT): StackService {
    return new StackService('milvus', { MILVUS_PORT: String(port) }, `127.0.0.1:${port}`);
  }

  /** Starts the instance and waits until it really answers (stack.sh probes it). */
  async up(): Promise<void> {
    await this.stack('up', 180_000);
  }

  /** Stops it (SIGTERM, then SIGKILL after 20 s); data is kept for the next up(). */
  async down(): Promise<void> {
    await this.stack('down', 60_000);
  }

  private async stack(cmd: 'up' | 'down', timeout: number): Promise<void> {
    try {
      await run('bash', [STACK, cmd, this.kind], { env: { ...process.env, ...this.env }, timeout });
    } catch (e) {
      const err = e as { stderr?: string; message?: string };
      throw new Error(`stack.sh ${cmd} ${this.kind} (${this.address}) failed: ${err.stderr?.trim() || err.message}`);
    }
  }
}

/** Lines the instance's log gained since this call, matching `re` (e.g. Milvus Lite WAL recovery). */
export function logWatch(kind: 'kafka' | 'milvus', port: number, re: RegExp): () => string[] {
  const file = new URL(`../../../.stack/logs/${kind}-${port}.log`, import.meta.url).pathname;
  const size = (): number => (existsSync(file) ? statSync(file).size : 0);
  const start = size();
  return () => {
    if (size() <= start) return [];
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(size() - start, 4 * 1024 * 1024));
      readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8').split('\n').filter((l) => re.test(l));
    } finally {
      closeSync(fd);
    }
  };
}
