// The wizard's secure paths against real secure endpoints (scripts/stack/secure.sh): a Kafka broker
// with SASL_SSL + SCRAM-SHA-512 and a CA-signed certificate, and nginx terminating TLS and checking
// a token in front of Milvus. Skipped, saying why, only when nginx cannot be installed here.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import { SECRET_MASK } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { kafkaHandlers } from '../../electron/services/kafka-service';
import { milvusHandlers } from '../../electron/services/milvus-service';
import { profilesHandlers } from '../../electron/services/profiles-service';
import { REPO_ROOT, makeTestContext } from '../unit/services/support/context';

const script = join(REPO_ROOT, 'scripts', 'stack', 'secure.sh');
const up = await new Promise<{ ok: boolean; output: string }>((resolve) => {
  execFile('bash', [script, 'up'], { timeout: 280_000 }, (err, stdout, stderr) => resolve({ ok: !err, output: `${stdout}${stderr}` }));
});
const nginxMissing = !up.ok && /nginx is required/.test(up.output);
if (nginxMissing) console.warn(`secure endpoint tests skipped: ${up.output.trim().split('\n').pop() ?? ''}`);
else if (!up.ok) throw new Error(`scripts/stack/secure.sh up failed:\n${up.output}`);

const env = Object.fromEntries(
  up.ok
    ? await new Promise<[string, string][]>((resolve) => {
        execFile('bash', [script, 'env'], (_err, stdout) => resolve(stdout.trim().split('\n').map((l) => l.split('=', 2) as [string, string])));
      })
    : [],
) as Record<string, string>;

/** Handlers may answer synchronously or not; either way the failure is what we want. */
async function failure(p: unknown): Promise<AppFailure> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

describe.skipIf(nginxMissing)('secure endpoints', () => {
  const ctx = makeTestContext();
  afterAll(() => ctx.cleanup());
  const caPem = up.ok ? readFileSync(env.SECURE_CA_PEM ?? '', 'utf8') : '';
  const kafka: KafkaConnection = {
    brokers: [env.SECURE_KAFKA_BROKERS ?? ''],
    securityProtocol: 'SASL_SSL',
    sasl: { mechanism: 'SCRAM-SHA-512', username: env.SECURE_KAFKA_USERNAME ?? '', password: env.SECURE_KAFKA_PASSWORD ?? '' },
    tls: { caPem },
  };
  const milvus: MilvusConnection = { address: env.SECURE_MILVUS_ADDRESS ?? '', token: env.SECURE_MILVUS_TOKEN ?? '', tls: { caPem } };
  const k = kafkaHandlers(ctx);
  const m = milvusHandlers(ctx);

  it('kafka.test passes with SCRAM-SHA-512 and the CA', async () => {
    const res = await k['kafka.test']({ kafka });
    expect(res.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: 9192 }]);
  });

  it('kafka.test says the SASL password is wrong', async () => {
    const err = await failure(k['kafka.test']({ kafka: { ...kafka, sasl: { ...kafka.sasl!, password: 'not-the-password' } } }));
    expect(err.code).toBe('kafka_sasl_failed');
    expect(err.message).toMatch(/^127\.0\.0\.1:9192 rejected the SASL credentials/);
    expect(err.detail).not.toContain('not-the-password');
  });

  it('kafka.test says the certificate is not trusted without the CA', async () => {
    const err = await failure(k['kafka.test']({ kafka: { ...kafka, tls: undefined } }));
    expect(err.code).toBe('kafka_tls_untrusted');
  });

  it('kafka.test says a plaintext client reached a TLS listener', async () => {
    const err = await failure(k['kafka.test']({ kafka: { brokers: kafka.brokers, securityProtocol: 'PLAINTEXT' } }));
    expect(err.code).toBe('kafka_tls');
    expect(err.message).toMatch(/choose SSL or SASL_SSL/);
  });

  it('milvus.test passes through nginx with the token and the CA', async () => {
    const res = await m['milvus.test']({ milvus });
    expect(res.databases).toContain('default');
    expect(res.serverVersion).toMatch(/\S/);
  });

  it('milvus.test says the token is wrong', async () => {
    const err = await failure(m['milvus.test']({ milvus: { ...milvus, token: 'wrong-token' } }));
    expect(err.code).toBe('milvus_unauthenticated');
    expect(err.detail).not.toContain('wrong-token');
  });

  it('milvus.test says the certificate is not trusted without the CA', async () => {
    const err = await failure(m['milvus.test']({ milvus: { ...milvus, tls: undefined } }));
    expect(err.code).toBe('milvus_tls');
    expect(err.message).toMatch(/not signed by a trusted CA/);
  });

  it('milvus.test says the certificate does not name the server', async () => {
    // the certificate lists IP:127.0.0.1 and DNS:localhost; checking it against another name fails
    const err = await failure(m['milvus.test']({ milvus: { ...milvus, tls: { caPem, serverName: 'milvus.example.com' } } }));
    expect(err.code).toBe('milvus_tls');
    expect(err.message).toMatch(/not valid for that host name \(it lists IP Address:127\.0\.0\.1, DNS:localhost\)/);
  });

  it('milvus.test says a plain gRPC client reached the TLS port', async () => {
    const err = await failure(m['milvus.test']({ milvus: { address: milvus.address.replace('https://', ''), token: milvus.token } }));
    expect(err.code).toBe('milvus_tls');
    expect(err.message).toMatch(/use an https:\/\/ address/);
  });

  it('tests a saved profile from its masked form: secrets come from the encrypted store', async () => {
    const p = profilesHandlers(ctx);
    const savedKafka = await p['profiles.save']({ name: 'Secure Kafka', kind: 'kafka', kafka });
    const savedMilvus = await p['profiles.save']({ name: 'Secure Milvus', kind: 'milvus', milvus });
    if (savedKafka.kind !== 'kafka' || savedMilvus.kind !== 'milvus') throw new Error('unexpected kinds');
    expect(savedKafka.kafka.sasl?.password).toBe(SECRET_MASK);
    expect(savedMilvus.milvus.token).toBe(SECRET_MASK);
    await expect(k['kafka.test']({ kafka: savedKafka.kafka, profileId: savedKafka.id })).resolves.toMatchObject({ brokers: [expect.anything()] });
    await expect(m['milvus.test']({ milvus: savedMilvus.milvus, profileId: savedMilvus.id })).resolves.toMatchObject({ database: 'default' });
  });
});
