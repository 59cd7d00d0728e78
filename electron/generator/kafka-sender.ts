// Sends demo records to a Kafka topic: key = id, value = the record as JSON, spread over the
// topic's partitions by key. Errors kafkajs will not retry become FatalSendError.
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { FatalSendError } from './generator';
import type { DemoRecord } from './records';

export interface KafkaSender {
  send(records: DemoRecord[]): Promise<void>;
  close(): Promise<void>;
}

const FATAL = /UNKNOWN_TOPIC_OR_PARTITION|TOPIC_AUTHORIZATION_FAILED|does not host this topic-partition|SASL|authenticat/i;

export function kafkaSender(kafka: Kafka, topic: string): KafkaSender {
  let producer: Producer | undefined;
  let connecting: Promise<Producer> | undefined;

  const connected = (): Promise<Producer> => {
    if (producer) return Promise.resolve(producer);
    connecting ??= (async () => {
      const p = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, retry: { retries: 3 } });
      try {
        await p.connect();
      } catch (e) {
        connecting = undefined;
        throw e;
      }
      producer = p;
      return p;
    })();
    return connecting;
  };

  return {
    async send(records) {
      const p = await connected();
      try {
        await p.send({ topic, acks: -1, messages: records.map((r) => ({ key: String(r.id), value: JSON.stringify(r) })) });
      } catch (e) {
        const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        if (FATAL.test(text)) throw new FatalSendError(`topic "${topic}": ${e instanceof Error ? e.message : text}`);
        throw e;
      }
    },
    async close() {
      const p = producer ?? (connecting ? await connecting.catch(() => undefined) : undefined);
      producer = undefined;
      connecting = undefined;
      await p?.disconnect().catch(() => undefined);
    },
  };
}
