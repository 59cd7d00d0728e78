// Shared fixtures of the schema view tests.
import type { TopicSample } from '../../../shared/contract-schema';
import { decodeSamples, inferDecoded } from '../../../shared/schema';

/** A TopicSample as main sends it: parsed message texts and the schema inferred from them. */
export function topicSample(values: unknown[]): TopicSample {
  const messages = values.map((v, i) => ({ partition: 0, offset: String(i), timestamp: 0, key: null, value: JSON.stringify(v) }));
  const decoded = decodeSamples(messages.map((m) => ({ value: m.value })));
  return { topic: 't', from: 'latest', requested: 100, partitions: 1, available: values.length, read: values.length, messages, unparseable: { count: 0, examples: [] }, inferred: inferDecoded(decoded), timedOut: false, truncated: false, elapsedMs: 1 };
}

