// A separate Milvus Lite instance on its own port, for tests that stop Milvus: the shared default
// instance (19530) keeps serving everyone else's tests.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const STACK = new URL('../../../scripts/stack.sh', import.meta.url).pathname;

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export class MilvusInstance {
  private constructor(readonly port: number) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Finds a free port (MILVUS_FAULT_PORT, else 19641+) and starts an instance there. */
  static async start(): Promise<MilvusInstance> {
    const first = Number(process.env.MILVUS_FAULT_PORT ?? 19641);
    let lastError: unknown;
    for (let port = first; port < first + 40; port++) {
      if (!(await portIsFree(port))) continue;
      const m = new MilvusInstance(port);
      try {
        await m.up();
        return m;
      } catch (e) {
        // Someone else may have taken the port between the check and the start: try the next one.
        lastError = e;
        await m.down().catch(() => undefined);
      }
    }
    throw new Error(`no separate Milvus instance could start: ${String(lastError)}`);
  }

  async up(): Promise<void> {
    try {
      await run('bash', [STACK, 'up', 'milvus'], { env: { ...process.env, MILVUS_PORT: String(this.port) }, timeout: 120_000 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message?: string };
      throw new Error(`stack.sh up milvus on ${this.port} failed: ${err.stderr || err.stdout || err.message}`);
    }
  }

  async down(): Promise<void> {
    await run('bash', [STACK, 'down', 'milvus'], { env: { ...process.env, MILVUS_PORT: String(this.port) }, timeout: 60_000 });
  }
}
