// Endpoints, ports and small helpers shared by the fault drills.
import { randomBytes } from 'node:crypto';

/** The shared default stack: used by drills that never stop a service. */
export const DEFAULT_KAFKA = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
export const DEFAULT_MILVUS = process.env.MILVUS_ADDRESS ?? '127.0.0.1:19530';

/** Our own instances, for drills that stop services (never the shared default ones). */
export const FAULT_KAFKA_PORT = Number(process.env.FAULT_KAFKA_PORT ?? 9292);
export const FAULT_KAFKA_CONTROLLER_PORT = Number(process.env.FAULT_KAFKA_CONTROLLER_PORT ?? 9293);
export const FAULT_MILVUS_PORT = Number(process.env.FAULT_MILVUS_PORT ?? 19560);

/** Seed for every random choice in the drills; override with FAULT_SEED to replay another run. */
export const SEED = Number(process.env.FAULT_SEED ?? 20_240_611);

export function uid(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** mulberry32: a tiny seeded PRNG, so "random" fault points replay exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polls `check` until truthy; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}
