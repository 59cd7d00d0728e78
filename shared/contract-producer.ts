// Producer commands and events of the typed contract (merged into shared/contract.ts).
import type { z } from 'zod';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProducerCommands {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProducerEvents {}

export const producerArgs: { [K in keyof ProducerCommands]: z.ZodType<Parameters<ProducerCommands[K]>> } = {};

export const producerEventFlags: { [K in keyof ProducerEvents]: true } = {};
