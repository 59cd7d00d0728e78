// Form state of the Kafka and Milvus connection forms and its conversion to and from the shared
// connection types. Pure (no DOM), so the rules are unit-tested; errors are catalog keys.
import type { KafkaConnection, MilvusConnection } from '../../../../shared/connections';
import { SECRET_MASK, type ProfileView } from '../../../../shared/domain';
import type { MessageKey, Params } from '../../i18n/i18n';

export type SecurityProtocol = KafkaConnection['securityProtocol'];
export type SaslMechanism = NonNullable<KafkaConnection['sasl']>['mechanism'];
export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

export interface PemFile {
  /** Empty for a PEM that came from a saved profile. */
  name: string;
  text: string;
}

export const looksLikePem = (text: string) => text === SECRET_MASK || /-----BEGIN [A-Z0-9 ]+-----/.test(text);

export interface KafkaForm {
  brokers: string;
  clientId: string;
  securityProtocol: SecurityProtocol;
  saslMechanism: SaslMechanism;
  username: string;
  password: string;
  ca?: PemFile;
  cert?: PemFile;
  key?: PemFile;
  skipVerify: boolean;
}

export type MilvusAuth = 'none' | 'token' | 'userpass';
export interface MilvusForm {
  address: string;
  auth: MilvusAuth;
  token: string;
  username: string;
  password: string;
  database: string;
  ca?: PemFile;
  skipVerify: boolean;
}

export interface FieldError {
  key: MessageKey;
  params?: Params;
}
export type Converted<C, F extends string> = { ok: true; value: C } | { ok: false; errors: Partial<Record<F, FieldError>> };

export const usesSasl = (p: SecurityProtocol) => p.startsWith('SASL');
export const usesTls = (p: SecurityProtocol) => p === 'SSL' || p === 'SASL_SSL';

export const EMPTY_KAFKA: KafkaForm = {
  brokers: '',
  clientId: '',
  securityProtocol: 'PLAINTEXT',
  saslMechanism: 'SCRAM-SHA-512',
  username: '',
  password: '',
  skipVerify: false,
};
export const EMPTY_MILVUS: MilvusForm = { address: '', auth: 'none', token: '', username: '', password: '', database: '', skipVerify: false };

/** Splits "a:9092, b:9092" (commas, spaces or new lines) into host:port entries. */
export function splitBrokers(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const HOST_PORT = /^[^\s:/]+:(\d{1,5})$/;

export function kafkaFormToConnection(f: KafkaForm): Converted<KafkaConnection, 'brokers' | 'username' | 'password'> {
  const errors: Partial<Record<'brokers' | 'username' | 'password', FieldError>> = {};
  const brokers = splitBrokers(f.brokers);
  const bad = brokers.find((b) => {
    const m = HOST_PORT.exec(b);
    return !m || Number(m[1]) < 1 || Number(m[1]) > 65535;
  });
  if (brokers.length === 0) errors.brokers = { key: 'kafka.brokers.required' };
  else if (bad !== undefined) errors.brokers = { key: 'kafka.brokers.invalid', params: { value: bad } };
  const sasl = usesSasl(f.securityProtocol);
  if (sasl && !f.username.trim()) errors.username = { key: 'form.required' };
  if (sasl && !f.password) errors.password = { key: 'form.required' };
  if (Object.keys(errors).length) return { ok: false, errors };

  const conn: KafkaConnection = { brokers, securityProtocol: f.securityProtocol };
  if (f.clientId.trim()) conn.clientId = f.clientId.trim();
  if (sasl) conn.sasl = { mechanism: f.saslMechanism, username: f.username.trim(), password: f.password };
  if (usesTls(f.securityProtocol)) {
    const tls: NonNullable<KafkaConnection['tls']> = {};
    if (f.ca) tls.caPem = f.ca.text;
    if (f.cert) tls.certPem = f.cert.text;
    if (f.key) tls.keyPem = f.key.text;
    if (f.skipVerify) tls.skipVerify = true;
    // The protocol already says "TLS"; the object only carries files and options.
    if (Object.keys(tls).length) conn.tls = tls;
  }
  return { ok: true, value: conn };
}

const stored = (text: string | undefined): PemFile | undefined => (text ? { name: '', text } : undefined);

export function kafkaConnectionToForm(c: KafkaConnection): KafkaForm {
  return {
    brokers: c.brokers.join(', '),
    clientId: c.clientId ?? '',
    securityProtocol: c.securityProtocol,
    saslMechanism: c.sasl?.mechanism ?? EMPTY_KAFKA.saslMechanism,
    username: c.sasl?.username ?? '',
    password: c.sasl?.password ?? '',
    ca: stored(c.tls?.caPem),
    cert: stored(c.tls?.certPem),
    key: stored(c.tls?.keyPem),
    skipVerify: c.tls?.skipVerify ?? false,
  };
}

export function milvusFormToConnection(f: MilvusForm): Converted<MilvusConnection, 'address' | 'token' | 'username' | 'password'> {
  const errors: Partial<Record<'address' | 'token' | 'username' | 'password', FieldError>> = {};
  const address = f.address.trim();
  if (!address) errors.address = { key: 'milvus.address.required' };
  else if (/\s/.test(address)) errors.address = { key: 'milvus.address.invalid' };
  if (f.auth === 'token' && !f.token) errors.token = { key: 'form.required' };
  if (f.auth === 'userpass' && !f.username.trim()) errors.username = { key: 'form.required' };
  if (f.auth === 'userpass' && !f.password) errors.password = { key: 'form.required' };
  if (Object.keys(errors).length) return { ok: false, errors };

  const conn: MilvusConnection = { address };
  if (f.auth === 'token') conn.token = f.token;
  if (f.auth === 'userpass') {
    conn.username = f.username.trim();
    conn.password = f.password;
  }
  if (f.database.trim()) conn.database = f.database.trim();
  if (f.ca || f.skipVerify) conn.tls = { ...(f.ca ? { caPem: f.ca.text } : {}), ...(f.skipVerify ? { skipVerify: true } : {}) };
  return { ok: true, value: conn };
}

export function milvusConnectionToForm(c: MilvusConnection): MilvusForm {
  return {
    address: c.address,
    auth: c.token ? 'token' : c.username ? 'userpass' : 'none',
    token: c.token ?? '',
    username: c.username ?? '',
    password: c.password ?? '',
    database: c.database ?? '',
    ca: stored(c.tls?.caPem),
    skipVerify: c.tls?.skipVerify ?? false,
  };
}

/** What a profile points at, for lists: brokers or the Milvus address. */
export function profileEndpoint(p: ProfileView): string {
  return p.kind === 'kafka' ? p.kafka.brokers.join(', ') : p.milvus.address;
}

/** Whether the connection is encrypted (TLS). */
export function profileUsesTls(p: ProfileView): boolean {
  if (p.kind === 'kafka') return usesTls(p.kafka.securityProtocol);
  return /^https:/i.test(p.milvus.address) || p.milvus.tls !== undefined;
}

/** How the profile signs in, if it does: SASL mechanism, token or user/password. */
export function profileAuth(p: ProfileView): 'token' | 'userpass' | SaslMechanism | null {
  if (p.kind === 'kafka') return p.kafka.sasl?.mechanism ?? null;
  return p.milvus.token ? 'token' : p.milvus.username ? 'userpass' : null;
}
