// The IPC channel names and the command/event allowlists the preload needs, without importing the
// contract's zod schemas: a sandboxed preload is a single small CommonJS file. The mapped types make
// a missing or extra name a compile error, and a unit test checks them against shared/contract.
import type { CommandName, EventName } from '../../shared/contract';

export const INVOKE_CHANNEL = 'studio:invoke';
export const EVENT_CHANNEL = 'studio:event';

const commandFlags: { [K in CommandName]: true } = {
  'app.info': true,
  'app.openExternal': true,
  'settings.get': true,
  'settings.set': true,
  'sandbox.status': true,
  'sandbox.start': true,
  'kafka.test': true,
  'kafka.listTopics': true,
  'kafka.createTopic': true,
  'milvus.test': true,
  'milvus.listCollections': true,
  'milvus.describeCollection': true,
  'profiles.list': true,
  'profiles.save': true,
  'profiles.duplicate': true,
  'profiles.delete': true,
  'profiles.export': true,
  'profiles.import': true,
  'pipeline.list': true,
  'pipeline.create': true,
  'pipeline.update': true,
  'pipeline.start': true,
  'pipeline.pause': true,
  'pipeline.resume': true,
  'pipeline.stop': true,
  'pipeline.delete': true,
  'metrics.history': true,
  'log.recent': true,
  // schema commands (shared/contract-schema.ts)
  'schema.sample': true,
  'schema.createCollection': true,
  // producer commands (shared/contract-producer.ts)
  'producer.template': true,
  'producer.send': true,
  'producer.verify': true,
  'producer.sendMany': true,
  'producer.cancel': true,
  'producer.templates.list': true,
  'producer.templates.save': true,
  'producer.templates.delete': true,
  'generator.start': true,
  'generator.stop': true,
  'generator.list': true,
  'milvus.search': true,
  // monitor commands (shared/contract-monitor.ts)
  'pipeline.duplicate': true,
  'pipeline.planOffsetReset': true,
  'pipeline.resetOffsets': true,
  'monitor.rowCount': true,
  'dlq.read': true,
  'dlq.redrive': true,
};

const eventFlags: { [K in EventName]: true } = {
  'pipeline.state': true,
  'metrics.tick': true,
  'log.entry': true,
  'sandbox.progress': true,
  // schema events
  // producer events
  'producer.verify': true,
  'producer.progress': true,
  'generator.state': true,
  // monitor events
};

export const BRIDGE_COMMANDS: readonly CommandName[] = Object.freeze(Object.keys(commandFlags) as CommandName[]);
export const BRIDGE_EVENTS: readonly EventName[] = Object.freeze(Object.keys(eventFlags) as EventName[]);

export function isBridgeCommand(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandFlags, name);
}

export function isBridgeEvent(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventFlags, name);
}
