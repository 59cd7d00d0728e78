// 'sandbox.*': the local Kafka + Milvus sandbox for users without their own services. Starting runs
// scripts/stack.sh (install once, start, wait until each answers), streams its progress as
// 'sandbox.progress' events and, once both are up, makes sure the two sandbox profiles exist.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SANDBOX_KAFKA, SANDBOX_MILVUS, type KafkaConnection, type MilvusConnection } from '../../shared/connections';
import type { SandboxProfileNames, SandboxStatus } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { Handlers, ServiceContext } from '../rpc/types';
import { ensureSandboxProfiles } from './profiles-service';
import { createProfileStore, type ProfileStore } from './profiles-store';
import { applyStackLine, finishStack, parseStackStatus, type SandboxPorts, type SandboxStates } from './sandbox-progress';

export interface SandboxOptions {
  store?: ProfileStore;
  /** The script's environment; KAFKA_PORT / MILVUS_PORT move the sandbox (tests, parallel runs). */
  env?: NodeJS.ProcessEnv;
}

const HOST = '127.0.0.1';

export function sandboxConnections(env: NodeJS.ProcessEnv): { kafka: KafkaConnection; milvus: MilvusConnection; ports: SandboxPorts } {
  const port = (name: string, fallback: number): number => {
    const n = Number(env[name]);
    return Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback;
  };
  const kafkaPort = port('KAFKA_PORT', 9092);
  const milvusPort = port('MILVUS_PORT', 19530);
  return {
    kafka: { ...SANDBOX_KAFKA, brokers: [`${HOST}:${kafkaPort}`] },
    milvus: { ...SANDBOX_MILVUS, address: `${HOST}:${milvusPort}` },
    ports: { kafka: [kafkaPort, port('KAFKA_CONTROLLER_PORT', 9093)], milvus: [milvusPort] },
  };
}

export function sandboxHandlers(ctx: ServiceContext, opts: SandboxOptions = {}): Pick<Handlers, 'sandbox.status' | 'sandbox.start'> {
  const env = opts.env ?? process.env;
  const store = opts.store ?? createProfileStore(ctx);
  const script = join(ctx.appRoot, 'scripts', 'stack.sh');
  const conns = sandboxConnections(env);
  const status = (s: SandboxStates): SandboxStatus => ({ ...s, kafkaConnection: conns.kafka, milvusConnection: conns.milvus });
  let current: SandboxStates | undefined;
  let run: Promise<SandboxStatus> | undefined;

  const requireScript = (): void => {
    if (!existsSync(script)) throw new AppFailure('unsupported', `The local sandbox is not part of this installation (${script} is missing)`);
  };

  const stackStatus = () =>
    new Promise<ReturnType<typeof parseStackStatus>>((resolve) => {
      // `status` exits 1 when anything is down: the output says what, the exit code adds nothing
      execFile('bash', [script, 'status'], { cwd: ctx.appRoot, env, timeout: 30_000 }, (_err, stdout) => resolve(parseStackStatus(String(stdout))));
    });

  const start = async (names?: SandboxProfileNames): Promise<SandboxStatus> => {
    requireScript();
    let states: SandboxStates = { kafka: 'starting', milvus: 'starting', message: 'starting the local sandbox' };
    const publish = (next: SandboxStates): void => {
      if (next.kafka === states.kafka && next.milvus === states.milvus && next.message === states.message) return;
      states = next;
      current = next;
      ctx.events.emit('sandbox.progress', status(next));
    };
    current = states;
    ctx.events.emit('sandbox.progress', status(states));
    const child = spawn('bash', [script, 'up'], { cwd: ctx.appRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const follow = (stream: NodeJS.ReadableStream, fromStderr: boolean): void => {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        publish(applyStackLine(states, line, fromStderr, conns.ports));
      });
    };
    follow(child.stdout, false);
    follow(child.stderr, true);
    const code = await new Promise<number | null>((resolve) => {
      child.on('error', (err) => {
        tail.push(`bash: ${err.message}`);
        resolve(null);
      });
      child.on('close', resolve);
    });
    publish(finishStack(states, code, code === 0 ? undefined : await stackStatus()));
    if (code !== 0) {
      throw new AppFailure('sandbox_failed', `The local sandbox did not start: ${states.message ?? 'see the details'}`, tail.join('\n'));
    }
    await ensureSandboxProfiles(store, conns.kafka, conns.milvus, names);
    return status(states);
  };

  return {
    'sandbox.status': async () => {
      if (run && current) return status(current);
      if (!existsSync(script)) return status({ kafka: 'down', milvus: 'down', message: 'the local sandbox is not part of this installation' });
      return status(await stackStatus());
    },
    'sandbox.start': (names) => {
      // one run at a time: a second click (or a second window) waits for the same run
      run ??= start(names).finally(() => {
        run = undefined;
      });
      return run;
    },
  };
}
