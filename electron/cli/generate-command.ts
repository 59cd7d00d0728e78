// `generate --topic T [--rate 50] [--count N] [--brokers host:port,...]`: demo records (titles and
// links from the built-in corpus, vectors derived from the titles) produced to a Kafka topic at a
// steady rate, with a status line every two seconds. Ctrl-C stops it after the batch in flight.
import type { CliContext } from './cli-context';
import { CliError, EXIT } from './exit-codes';

export const GENERATE_USAGE = `usage: kafka-milvus-studio generate --topic T [--rate 50] [--count N] [--dim 8]
                                   [--brokers 127.0.0.1:9092] [--create-topic [PARTITIONS]]

Produces demo article records {id, title, title_vector, link} to a Kafka topic: titles and links
from a built-in corpus, vectors derived from the titles (similar titles are near each other).
  --topic T            topic to write to (required)
  --rate R             messages per second (default 50)
  --count N            stop after N messages (default: until Ctrl-C)
  --dim D              vector dimension (default 8, the tutorial's collection)
  --brokers LIST       bootstrap servers, comma-separated (default 127.0.0.1:9092, PLAINTEXT)
  --create-topic [P]   create the topic with P partitions (default 3) when it does not exist
  --id-start N         first id (default: the current time in microseconds)`;

export interface GenerateOptions {
  topic: string;
  ratePerSec: number;
  count?: number;
  dim: number;
  brokers: string[];
  createPartitions?: number;
  idStart?: number;
}

function num(flag: string, v: string | undefined, min: number, max: number, integer: boolean): number {
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new CliError(EXIT.usage, `error: ${flag} needs ${integer ? 'an integer' : 'a number'} from ${min} to ${max}\n${GENERATE_USAGE}`);
  }
  return n;
}

export function parseGenerateArgs(argv: string[]): GenerateOptions {
  const o: Partial<GenerateOptions> = { ratePerSec: 50, dim: 8, brokers: ['127.0.0.1:9092'] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const value = () => {
      if (next === undefined || next.startsWith('--')) throw new CliError(EXIT.usage, `error: ${arg} needs a value\n${GENERATE_USAGE}`);
      i++;
      return next;
    };
    if (arg === '--topic') o.topic = value();
    else if (arg === '--rate') o.ratePerSec = num(arg, value(), 0.1, 100_000, false);
    else if (arg === '--count') o.count = num(arg, value(), 1, 1e12, true);
    else if (arg === '--dim') o.dim = num(arg, value(), 1, 32_768, true);
    else if (arg === '--id-start') o.idStart = num(arg, value(), -(2 ** 53 - 1), 2 ** 53 - 1, true);
    else if (arg === '--brokers') o.brokers = value().split(',').map((b) => b.trim()).filter(Boolean);
    else if (arg === '--create-topic') {
      o.createPartitions = next !== undefined && /^\d+$/.test(next) ? num(arg, value(), 1, 10_000, true) : 3;
    } else throw new CliError(EXIT.usage, `error: unknown option ${arg}\n${GENERATE_USAGE}`);
  }
  if (!o.topic || !/^[A-Za-z0-9._-]{1,249}$/.test(o.topic)) throw new CliError(EXIT.usage, `error: --topic needs a topic name (letters, digits, ".", "_", "-")\n${GENERATE_USAGE}`);
  if (!o.brokers?.length || o.brokers.some((b) => !/^[^\s:/]+:\d{1,5}$/.test(b))) throw new CliError(EXIT.usage, `error: --brokers needs host:port pairs\n${GENERATE_USAGE}`);
  return o as GenerateOptions;
}

export async function generateCommand(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    ctx.out(GENERATE_USAGE);
    return EXIT.ok;
  }
  const opts = parseGenerateArgs(argv);
  // Loaded after parsing, so usage errors never pay for the Kafka client.
  const { createKafka } = await import('../clients/kafka-client');
  const { kafkaSender, startGenerator } = await import('../generator');
  const kafka = createKafka({ brokers: opts.brokers, securityProtocol: 'PLAINTEXT' }, { clientId: 'kafka-milvus-studio-generate', connectionTimeoutMs: 5_000 });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    if (!topics.includes(opts.topic)) {
      if (opts.createPartitions === undefined) throw new CliError(EXIT.connection, `error: topic ${opts.topic} does not exist on ${opts.brokers.join(', ')}: create it, or add --create-topic`);
      await admin.createTopics({ topics: [{ topic: opts.topic, numPartitions: opts.createPartitions }], waitForLeaders: true });
      ctx.out(`generate: created topic ${opts.topic} (${opts.createPartitions} partitions)`);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(EXIT.connection, `error: cannot reach Kafka at ${opts.brokers.join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }

  const sender = kafkaSender(kafka, opts.topic);
  ctx.out(`generate: ${opts.ratePerSec} msg/s to ${opts.topic} on ${opts.brokers.join(', ')}${opts.count ? `, ${opts.count} messages` : ''} (Ctrl-C stops)`);
  let lastLine = '';
  const handle = startGenerator({
    ratePerSec: opts.ratePerSec,
    dim: opts.dim,
    ...(opts.count !== undefined ? { count: opts.count } : {}),
    ...(opts.idStart !== undefined ? { idStart: opts.idStart } : {}),
    progressMs: 2_000,
    send: (records) => sender.send(records),
    onProgress: (p) => {
      const line = `generate: ${p.state} · sent ${p.sent}${p.total ? `/${p.total}` : ''} · ${p.ratePerSec} msg/s${p.lastError ? ` · last error: ${p.lastError}` : ''}`;
      if (line !== lastLine) (p.lastError ? ctx.err : ctx.out)(line);
      lastLine = line;
    },
  });
  const stop = () => void handle.stop();
  ctx.signals.on('SIGINT', stop);
  ctx.signals.on('SIGTERM', stop);
  try {
    const final = await handle.done;
    ctx.out(`generate: ${final.state === 'done' ? 'done' : final.state}, ${final.sent} messages sent`);
    return final.state === 'failed' ? EXIT.runtime : EXIT.ok;
  } finally {
    ctx.signals.off('SIGINT', stop);
    ctx.signals.off('SIGTERM', stop);
    await sender.close();
  }
}
