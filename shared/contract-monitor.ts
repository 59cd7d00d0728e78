// Monitor commands and events of the typed contract (merged into shared/contract.ts).
import type { z } from 'zod';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MonitorCommands {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MonitorEvents {}

export const monitorArgs: { [K in keyof MonitorCommands]: z.ZodType<Parameters<MonitorCommands[K]>> } = {};

export const monitorEventFlags: { [K in keyof MonitorEvents]: true } = {};
