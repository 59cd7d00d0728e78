// Endpoints, ports and small helpers shared by the fault drills.
import { KAFKA_BROKERS, MILVUS_ADDRESS } from '../../integration/support/env';

export { uid, waitFor } from '../../integration/support/env';

/** The shared default stack: used by drills that never stop a service. */
export const DEFAULT_KAFKA = KAFKA_BROKERS;
export const DEFAULT_MILVUS = MILVUS_ADDRESS;

/** Our own instances, for drills that stop services (never the shared default ones). */
export const FAULT_KAFKA_PORT = Number(process.env.FAULT_KAFKA_PORT ?? 9292);
export const FAULT_KAFKA_CONTROLLER_PORT = Number(process.env.FAULT_KAFKA_CONTROLLER_PORT ?? 9293);
export const FAULT_MILVUS_PORT = Number(process.env.FAULT_MILVUS_PORT ?? 19560);

/** Seed for every random choice in the drills; override with FAULT_SEED to replay another run. */
export const SEED = Number(process.env.FAULT_SEED ?? 20_240_611);

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
