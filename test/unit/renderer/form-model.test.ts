import { describe, expect, it } from 'vitest';
import {
  EMPTY_KAFKA,
  EMPTY_MILVUS,
  kafkaConnectionToForm,
  kafkaFormToConnection,
  milvusConnectionToForm,
  milvusFormToConnection,
  profileAuth,
  profileUsesTls,
  splitBrokers,
} from '../../../renderer/src/features/connections/form-model';

const pem = { name: 'ca.pem', text: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' };

describe('kafka form', () => {
  it('splits bootstrap servers on commas, spaces and new lines', () => {
    expect(splitBrokers(' a:9092, b:9093\nc:9094 ,, ')).toEqual(['a:9092', 'b:9093', 'c:9094']);
  });

  it('names the first bad broker, or asks for one', () => {
    expect(kafkaFormToConnection({ ...EMPTY_KAFKA, brokers: ' ' })).toEqual({ ok: false, errors: { brokers: { key: 'kafka.brokers.required' } } });
    expect(kafkaFormToConnection({ ...EMPTY_KAFKA, brokers: 'a:9092, http://b:9092' })).toEqual({
      ok: false,
      errors: { brokers: { key: 'kafka.brokers.invalid', params: { value: 'http://b:9092' } } },
    });
    expect(kafkaFormToConnection({ ...EMPTY_KAFKA, brokers: 'a:70000' }).ok).toBe(false);
  });

  it('requires SASL credentials only for SASL protocols and sends TLS only with TLS', () => {
    const sasl = kafkaFormToConnection({ ...EMPTY_KAFKA, brokers: 'a:9092', securityProtocol: 'SASL_PLAINTEXT' });
    expect(sasl).toEqual({ ok: false, errors: { username: { key: 'form.required' }, password: { key: 'form.required' } } });

    const full = kafkaFormToConnection({
      ...EMPTY_KAFKA,
      brokers: 'a:9092',
      clientId: '  studio ',
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'PLAIN',
      username: 'u',
      password: 'p',
      ca: pem,
      skipVerify: true,
    });
    expect(full).toEqual({
      ok: true,
      value: { brokers: ['a:9092'], clientId: 'studio', securityProtocol: 'SASL_SSL', sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' }, tls: { caPem: pem.text, skipVerify: true } },
    });

    // Files chosen under SSL are not sent once the protocol is plain again.
    const plain = kafkaFormToConnection({ ...EMPTY_KAFKA, brokers: 'a:9092', ca: pem, username: 'u' });
    expect(plain).toEqual({ ok: true, value: { brokers: ['a:9092'], securityProtocol: 'PLAINTEXT' } });
  });

  it('round-trips a connection through the form', () => {
    const c = { brokers: ['a:1', 'b:2'], securityProtocol: 'SSL' as const, tls: { caPem: pem.text, certPem: 'C', keyPem: 'K' } };
    expect(kafkaFormToConnection(kafkaConnectionToForm(c))).toEqual({ ok: true, value: c });
  });
});

describe('milvus form', () => {
  it('validates the address and the fields of the chosen auth', () => {
    expect(milvusFormToConnection(EMPTY_MILVUS)).toEqual({ ok: false, errors: { address: { key: 'milvus.address.required' } } });
    expect(milvusFormToConnection({ ...EMPTY_MILVUS, address: 'a b' }).ok).toBe(false);
    expect(milvusFormToConnection({ ...EMPTY_MILVUS, address: 'x', auth: 'token' })).toEqual({ ok: false, errors: { token: { key: 'form.required' } } });
  });

  it('sends only the credentials of the chosen auth', () => {
    const form = { ...EMPTY_MILVUS, address: ' https://x ', token: 't', username: 'u', password: 'p', database: 'rag', ca: pem };
    expect(milvusFormToConnection({ ...form, auth: 'token' })).toEqual({ ok: true, value: { address: 'https://x', token: 't', database: 'rag', tls: { caPem: pem.text } } });
    expect(milvusFormToConnection({ ...form, auth: 'userpass', ca: undefined })).toEqual({
      ok: true,
      value: { address: 'https://x', username: 'u', password: 'p', database: 'rag' },
    });
  });

  it('picks the auth mode from a saved connection', () => {
    expect(milvusConnectionToForm({ address: 'x', token: 't' }).auth).toBe('token');
    expect(milvusConnectionToForm({ address: 'x', username: 'u', password: 'p' }).auth).toBe('userpass');
    expect(milvusConnectionToForm({ address: 'x' }).auth).toBe('none');
  });
});

describe('profile badges', () => {
  it('says whether a profile is encrypted and how it signs in', () => {
    const k = { id: 'a', name: 'a', updatedAt: 0, kind: 'kafka' as const, kafka: { brokers: ['a:1'], securityProtocol: 'SASL_SSL' as const, sasl: { mechanism: 'PLAIN' as const, username: 'u', password: 'p' } } };
    const m = { id: 'b', name: 'b', updatedAt: 0, kind: 'milvus' as const, milvus: { address: 'http://x:19530' } };
    expect([profileUsesTls(k), profileAuth(k)]).toEqual([true, 'PLAIN']);
    expect([profileUsesTls(m), profileAuth(m)]).toEqual([false, null]);
    expect(profileUsesTls({ ...m, milvus: { address: 'https://x' } })).toBe(true);
  });
});
