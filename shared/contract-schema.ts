// Schema commands and events of the typed contract (merged into shared/contract.ts).
import type { z } from 'zod';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaCommands {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaEvents {}

export const schemaArgs: { [K in keyof SchemaCommands]: z.ZodType<Parameters<SchemaCommands[K]>> } = {};

export const schemaEventFlags: { [K in keyof SchemaEvents]: true } = {};
