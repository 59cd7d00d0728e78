import { describe, expect, it } from 'vitest';
import type { KafkaConnection, MilvusConnection } from '../../../shared/connections';
import { SECRET_MASK } from '../../../shared/domain';
import {
  KAFKA_SECRETS,
  MILVUS_SECRETS,
  fillSecrets,
  maskSecrets,
  mergeSecrets,
  secretValues,
  stripSecrets,
  withSecrets,
} from '../../../electron/services/profile-secrets';

const kafka: KafkaConnection = {
  brokers: ['127.0.0.1:9192'],
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'studio', password: 'studio-secret' },
  tls: { caPem: 'CA', certPem: 'CERT', keyPem: 'KEY' },
};
const milvus: MilvusConnection = { address: 'https://127.0.0.1:19543', token: 'studio-token', username: 'root', password: 'Milvus', database: 'default' };

describe('profile secrets', () => {
  it('strips exactly the secret fields and keeps everything else in clear', () => {
    const { plain, secrets } = stripSecrets(KAFKA_SECRETS, kafka);
    expect(secrets).toEqual({ 'sasl.password': 'studio-secret', 'tls.keyPem': 'KEY' });
    expect(plain).toEqual({ ...kafka, sasl: { ...kafka.sasl, password: '' }, tls: { caPem: 'CA', certPem: 'CERT' } });
    expect(JSON.stringify(plain)).not.toMatch(/studio-secret|KEY"/);
    const m = stripSecrets(MILVUS_SECRETS, milvus);
    expect(m.secrets).toEqual({ token: 'studio-token', password: 'Milvus' });
    expect(m.plain).toEqual({ address: milvus.address, username: 'root', database: 'default' });
  });

  it('treats empty secrets as absent and leaves the input untouched', () => {
    const input: KafkaConnection = { ...kafka, sasl: { mechanism: 'PLAIN', username: 'u', password: '' }, tls: undefined };
    const copy = structuredClone(input);
    expect(stripSecrets(KAFKA_SECRETS, input).secrets).toEqual({});
    expect(input).toEqual(copy);
  });

  it('masks only the secrets that are stored', () => {
    const { plain } = stripSecrets(MILVUS_SECRETS, milvus);
    expect(maskSecrets(MILVUS_SECRETS, plain, new Set(['token']))).toEqual({ ...plain, token: SECRET_MASK });
    const k = maskSecrets(KAFKA_SECRETS, stripSecrets(KAFKA_SECRETS, kafka).plain, new Set(['sasl.password', 'tls.keyPem']));
    expect(k.sasl?.password).toBe(SECRET_MASK);
    expect(k.tls?.keyPem).toBe(SECRET_MASK);
    expect(k.tls?.caPem).toBe('CA');
  });

  it('on save: the mask keeps the stored value, a new value replaces it, an empty field clears it', () => {
    const stored = { 'sasl.password': 'old', 'tls.keyPem': 'OLDKEY' };
    expect(mergeSecrets(KAFKA_SECRETS, { 'sasl.password': SECRET_MASK, 'tls.keyPem': 'NEWKEY' }, stored)).toEqual({
      secrets: { 'sasl.password': 'old', 'tls.keyPem': 'NEWKEY' },
      problems: [],
    });
    expect(mergeSecrets(KAFKA_SECRETS, { 'sasl.password': 'new' }, stored).secrets).toEqual({ 'sasl.password': 'new' });
  });

  it('reports a mask with nothing stored behind it instead of saving the mask as a password', () => {
    const { secrets, problems } = mergeSecrets(MILVUS_SECRETS, { token: SECRET_MASK }, {});
    expect(secrets).toEqual({});
    expect(problems).toEqual([{ key: 'token', message: expect.stringMatching(/Milvus token is masked/) }]);
  });

  it('fills masks from a profile and keeps values the user typed', () => {
    const form: KafkaConnection = { ...kafka, sasl: { mechanism: 'SCRAM-SHA-512', username: 'studio', password: SECRET_MASK }, tls: { caPem: 'CA', keyPem: 'TYPED' } };
    const { conn, problems } = fillSecrets(KAFKA_SECRETS, form, { 'sasl.password': 'studio-secret', 'tls.keyPem': 'STORED' });
    expect(problems).toEqual([]);
    expect(conn.sasl?.password).toBe('studio-secret');
    expect(conn.tls?.keyPem).toBe('TYPED');
    expect(fillSecrets(MILVUS_SECRETS, { address: 'x', token: SECRET_MASK }, {}).problems[0]?.key).toBe('token');
  });

  it('restores a full connection from its clear part and secrets, and lists values to scrub', () => {
    const { plain, secrets } = stripSecrets(KAFKA_SECRETS, kafka);
    expect(withSecrets(KAFKA_SECRETS, plain, secrets)).toEqual(kafka);
    expect(secretValues(MILVUS_SECRETS, milvus)).toEqual(['studio-token', 'Milvus']);
    expect(secretValues(MILVUS_SECRETS, { address: 'x', token: SECRET_MASK })).toEqual([]);
  });
});
