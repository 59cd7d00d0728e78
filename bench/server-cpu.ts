// CPU time of the local Kafka broker and Milvus Lite server (Linux /proc, best effort), for the
// bottleneck analysis only: the headline figures count our own process. The stack is shared with
// other test runs, so these include whatever else hit the servers meanwhile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const STACK_DIR = process.env.STUDIO_STACK_DIR ?? new URL('../.stack/', import.meta.url).pathname;
const TICKS_PER_S = 100; // USER_HZ; fixed at 100 on Linux

export type Server = 'kafka' | 'milvus';

function pidOf(server: Server): number | undefined {
  const port = server === 'kafka' ? (process.env.KAFKA_PORT ?? '9092') : (process.env.MILVUS_PORT ?? '19530');
  try {
    const pid = Number(readFileSync(join(STACK_DIR, 'run', `${server}-${port}.pid`), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of all the process's threads, seconds; undefined off Linux or when not running. */
export function serverCpuSeconds(server: Server): number | undefined {
  const pid = pidOf(server);
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}

export interface ServerCpu {
  /** Cores busy on average over the window (CPU-seconds / wall seconds). */
  milvusCores: number | undefined;
  kafkaCores: number | undefined;
}

/** Starts a window; the returned function closes it. */
export function serverCpuWindow(): () => ServerCpu {
  const t0 = performance.now();
  const m0 = serverCpuSeconds('milvus');
  const k0 = serverCpuSeconds('kafka');
  return () => {
    const s = (performance.now() - t0) / 1000;
    const m1 = serverCpuSeconds('milvus');
    const k1 = serverCpuSeconds('kafka');
    return {
      milvusCores: m0 !== undefined && m1 !== undefined && s > 0 ? (m1 - m0) / s : undefined,
      kafkaCores: k0 !== undefined && k1 !== undefined && s > 0 ? (k1 - k0) / s : undefined,
    };
  };
}
