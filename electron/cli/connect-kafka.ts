// Worker (and consumer override) settings → the Kafka connection of the pipeline.
import type { KafkaConnection } from '../../shared/connections';
import { KafkaSecurityProtocol, SaslMechanism } from '../../shared/connections';
import { parseJaasConfig } from './jaas';
import { parseEnumSetting, type ConnectSources } from './connect-source';
import { mapTls, type FileReader } from './connect-tls';

type Sasl = NonNullable<KafkaConnection['sasl']>;

/** Kafka's own default when bootstrap.servers is missing from a Connect worker file. */
const DEFAULT_BOOTSTRAP = 'localhost:9092';

function brokers(src: ConnectSources): string[] {
  const s = src.consumer('bootstrap.servers', true);
  if (!s) {
    src.worker.report('note', 'bootstrap.servers', `not set: using ${DEFAULT_BOOTSTRAP}, Kafka Connect's default`);
    return [DEFAULT_BOOTSTRAP];
  }
  // Kafka accepts "SASL_SSL://host:port" entries and ignores the listener prefix; so do we.
  const list = s.value
    .split(',')
    .map((b) => b.trim().replace(/^[A-Za-z_]+:\/\//, ''))
    .filter(Boolean);
  const bad = list.find((b) => !/^[^\s:/]+:\d{1,5}$/.test(b));
  if (!list.length) src.error(s, 'expected a comma-separated list of host:port');
  else if (bad !== undefined) src.error(s, `expected host:port, got '${bad}'`);
  return list;
}

const UNSUPPORTED_MECHANISMS: Record<string, string> = {
  GSSAPI: 'Kerberos (GSSAPI)',
  OAUTHBEARER: 'OAUTHBEARER',
  AWS_MSK_IAM: 'AWS MSK IAM',
};

function sasl(src: ConnectSources, protocol: string): Sasl | undefined {
  const mech = src.consumer('sasl.mechanism', true);
  const jaas = src.consumer('sasl.jaas.config', true);
  if (!protocol.startsWith('SASL_')) {
    if (mech || jaas) src.source((mech ?? jaas)!.file).report('note', (mech ?? jaas)!.key, `not used: security.protocol=${protocol} does not use SASL`);
    return undefined;
  }
  if (!jaas) {
    src.worker.report('error', 'sasl.jaas.config', `required when security.protocol=${protocol}, e.g. org.apache.kafka.common.security.plain.PlainLoginModule required username="..." password="...";`);
    return undefined;
  }
  let login;
  try {
    login = parseJaasConfig(jaas.value);
  } catch (e) {
    src.error(jaas, (e as Error).message);
    return undefined;
  }
  const moduleName = login.module.split('.').pop() ?? '';
  let mechanism: string | undefined = mech?.value.toUpperCase();
  if (mechanism && UNSUPPORTED_MECHANISMS[mechanism]) {
    src.error(mech!, `${UNSUPPORTED_MECHANISMS[mechanism]} is not supported; Studio supports ${SaslMechanism.options.join(', ')}`);
    return undefined;
  }
  if (mech && mechanism !== undefined && !parseEnumSetting(src, mech, SaslMechanism.options)) return undefined;
  if (moduleName === 'PlainLoginModule') {
    // Kafka's default mechanism is GSSAPI, but a PLAIN login module leaves no doubt what was meant.
    mechanism ??= 'PLAIN';
    if (mechanism !== 'PLAIN') {
      src.error(jaas, `PlainLoginModule does not match sasl.mechanism=${mechanism}; use ScramLoginModule for SCRAM`);
      return undefined;
    }
  } else if (moduleName === 'ScramLoginModule') {
    if (!mechanism) {
      src.worker.report('error', 'sasl.mechanism', 'required with ScramLoginModule: SCRAM-SHA-256 or SCRAM-SHA-512');
      return undefined;
    }
    if (!mechanism.startsWith('SCRAM-')) {
      src.error(jaas, `ScramLoginModule does not match sasl.mechanism=${mechanism}; use PlainLoginModule for PLAIN`);
      return undefined;
    }
  } else {
    src.error(jaas, `login module ${login.module} is not supported; use PlainLoginModule (PLAIN) or ScramLoginModule (SCRAM-SHA-256/512)`);
    return undefined;
  }
  const { username, password } = login.options;
  if (username === undefined || password === undefined) {
    src.error(jaas, `${moduleName} needs username="..." and password="..."`);
    return undefined;
  }
  return { mechanism: mechanism as Sasl['mechanism'], username, password };
}

/** ssl.* keys (any layer) are noted as unused when the protocol has no TLS. */
function noteUnusedSsl(src: ConnectSources, protocol: string): void {
  for (const file of [src.worker, src.connector]) {
    for (const key of file.unused()) {
      if (!/^((consumer\.(override\.)?)?ssl\.|studio\.ssl\.)/.test(key)) continue;
      file.markUsed(key);
      file.report('note', key, `not used: security.protocol=${protocol} does not use TLS`);
    }
  }
}

export function mapKafka(src: ConnectSources, files: FileReader): KafkaConnection {
  const list = brokers(src);
  const p = src.consumer('security.protocol', true);
  const protocol = (p ? parseEnumSetting(src, p, KafkaSecurityProtocol.options) : undefined) ?? 'PLAINTEXT';
  const conn: KafkaConnection = { brokers: list, securityProtocol: protocol };
  const clientId = src.consumer('client.id', false);
  if (clientId?.value) conn.clientId = clientId.value;
  const auth = sasl(src, protocol);
  if (auth) conn.sasl = auth;
  const tls = mapTls(src, protocol, files);
  if (tls) conn.tls = tls;
  if (protocol === 'PLAINTEXT' || protocol === 'SASL_PLAINTEXT') noteUnusedSsl(src, protocol);
  return conn;
}
