// Profiles end to end on disk (temp folder, real file cipher): masking, merging, files and modes,
// duplicate, export and import, and the resolver the Kafka/Milvus services use.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KafkaConnection } from '../../../shared/connections';
import { SECRET_MASK, type ProfileInput } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { profilesHandlers } from '../../../electron/services/profiles-service';
import { createConnectionResolver } from '../../../electron/services/profiles-resolve';
import { makeTestContext, type TestContext } from './support/context';

const secureKafka: KafkaConnection = {
  brokers: ['127.0.0.1:9192'],
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'studio', password: 'studio-secret' },
  tls: { caPem: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n' },
};
const kafkaInput: ProfileInput = { name: 'Secure Kafka', kind: 'kafka', kafka: secureKafka };
const milvusInput: ProfileInput = { name: 'Zilliz', kind: 'milvus', milvus: { address: 'https://127.0.0.1:19543', token: 'studio-token' } };

let ctx: TestContext;
let h: ReturnType<typeof profilesHandlers>;
beforeEach(() => {
  ctx = makeTestContext();
  h = profilesHandlers(ctx);
});
afterEach(() => ctx.cleanup());

/** Handlers may answer synchronously or not; either way the failure is what we want. */
async function failure(p: unknown): Promise<AppFailure> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

describe('profiles', () => {
  it('saves, masks secrets in every view, and keeps them out of profiles.json in clear', async () => {
    const saved = await h['profiles.save'](kafkaInput);
    expect(saved).toMatchObject({ name: 'Secure Kafka', kind: 'kafka', id: expect.any(String) });
    expect(saved.kind === 'kafka' && saved.kafka.sasl?.password).toBe(SECRET_MASK);
    expect(await h['profiles.list']()).toEqual([saved]);
    const file = join(ctx.dataDir, 'profiles.json');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('studio-secret');
    expect(text).toContain('"secretStorage": "file-0600"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the stored secret when the mask comes back, and replaces it when a new one does', async () => {
    const saved = await h['profiles.save'](kafkaInput);
    const resolver = createConnectionResolver(ctx);
    await h['profiles.save']({ ...kafkaInput, id: saved.id, name: 'Renamed', kafka: { ...secureKafka, sasl: { ...secureKafka.sasl!, password: SECRET_MASK } } });
    expect((await resolver.kafkaProfile(saved.id)).sasl?.password).toBe('studio-secret');
    await h['profiles.save']({ ...kafkaInput, id: saved.id, kafka: { ...secureKafka, sasl: { ...secureKafka.sasl!, password: 'rotated' } } });
    expect((await resolver.kafkaProfile(saved.id)).sasl?.password).toBe('rotated');
    expect(await h['profiles.list']()).toHaveLength(1);
  });

  it('refuses a masked secret on a new profile, naming the field', async () => {
    const err = await failure(h['profiles.save']({ ...milvusInput, milvus: { address: 'x:1', token: SECRET_MASK } }));
    expect(err.code).toBe('validation');
    expect(err.where).toBe('milvus.token');
  });

  it('reports unknown ids as not_found', async () => {
    expect((await failure(h['profiles.save']({ ...milvusInput, id: 'nope' }))).code).toBe('not_found');
    expect((await failure(h['profiles.delete']('nope'))).code).toBe('not_found');
    expect((await failure(h['profiles.duplicate']('nope'))).code).toBe('not_found');
  });

  it('duplicates with a new id, a "(copy)" name and the same secrets; deletes', async () => {
    const saved = await h['profiles.save'](milvusInput);
    const copy = await h['profiles.duplicate'](saved.id);
    const copy2 = await h['profiles.duplicate'](saved.id);
    expect(copy.name).toBe('Zilliz (copy)');
    expect(copy2.name).toBe('Zilliz (copy 2)');
    expect(copy.id).not.toBe(saved.id);
    expect((await createConnectionResolver(ctx).milvusProfile(copy.id)).token).toBe('studio-token');
    await h['profiles.delete'](saved.id);
    expect((await h['profiles.list']()).map((p) => p.name)).toEqual(['Zilliz (copy)', 'Zilliz (copy 2)']);
  });

  it('does not lose a save when two happen at once', async () => {
    await Promise.all([h['profiles.save'](kafkaInput), h['profiles.save'](milvusInput), h['profiles.save']({ ...milvusInput, name: 'Third' })]);
    expect(await h['profiles.list']()).toHaveLength(3);
  });

  it('resolves a wizard form: masks filled from its profile, typed values kept, a wrong kind refused', async () => {
    const saved = await h['profiles.save'](kafkaInput);
    const resolver = createConnectionResolver(ctx);
    const form = saved.kind === 'kafka' ? saved.kafka : secureKafka;
    expect(await resolver.resolveKafka({ kafka: form, profileId: saved.id })).toEqual(secureKafka);
    const err = await failure(resolver.resolveKafka({ kafka: form }));
    expect(err).toMatchObject({ code: 'validation', where: 'kafka.sasl.password' });
    expect((await failure(resolver.resolveMilvus({ milvus: { address: 'x:1' }, profileId: saved.id }))).code).toBe('validation');
  });
});

describe('profiles export and import', () => {
  it('exports without secrets unless asked, and with them when asked', async () => {
    await h['profiles.save'](kafkaInput);
    await h['profiles.save'](milvusInput);
    const plain = await h['profiles.export']({ includeSecrets: false });
    expect(plain).not.toContain('studio-secret');
    expect(plain).not.toContain('studio-token');
    expect(plain).not.toContain(SECRET_MASK);
    const full = await h['profiles.export']({ includeSecrets: true });
    expect(full).toContain('studio-secret');
    expect(JSON.parse(full)).toMatchObject({ format: 'kafka-milvus-studio/profiles', version: 1, includesSecrets: true });
  });

  it('imports into another data folder with secrets, encrypted there with its own key', async () => {
    await h['profiles.save'](kafkaInput);
    const full = await h['profiles.export']({ includeSecrets: true });
    const other = makeTestContext();
    try {
      const imported = await profilesHandlers(other)['profiles.import'](full);
      expect(imported).toHaveLength(1);
      expect(imported[0]?.kind === 'kafka' && imported[0].kafka.sasl?.password).toBe(SECRET_MASK);
      expect(await createConnectionResolver(other).kafkaProfile(imported[0]!.id)).toEqual(secureKafka);
      expect(readFileSync(join(other.dataDir, 'profiles.json'), 'utf8')).not.toContain('studio-secret');
    } finally {
      other.cleanup();
    }
  });

  it('re-importing an export without secrets updates the profiles and keeps their saved secrets', async () => {
    const saved = await h['profiles.save'](kafkaInput);
    const doc = JSON.parse(await h['profiles.export']({ includeSecrets: false })) as { profiles: { name: string }[] };
    doc.profiles[0]!.name = 'Renamed on import';
    const imported = await h['profiles.import'](JSON.stringify(doc));
    expect(imported[0]).toMatchObject({ id: saved.id, name: 'Renamed on import' });
    expect(await h['profiles.list']()).toHaveLength(1);
    expect((await createConnectionResolver(ctx).kafkaProfile(saved.id)).sasl?.password).toBe('studio-secret');
  });

  it('names every bad entry and field, and imports nothing when any entry is bad', async () => {
    const doc = {
      format: 'kafka-milvus-studio/profiles',
      version: 1,
      profiles: [
        { name: 'Good', kind: 'milvus', milvus: { address: '127.0.0.1:19530' } },
        { name: 'Bad brokers', kind: 'kafka', kafka: { brokers: ['no-port'], securityProtocol: 'PLAINTEXT' } },
        { name: 'Bad kind', kind: 'redis' },
      ],
    };
    const err = await failure(h['profiles.import'](JSON.stringify(doc)));
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/^2 of 3 profiles are invalid, nothing was imported: profiles\[1\] \("Bad brokers"\)\.kafka\.brokers\.0: expected host:port/);
    expect(err.detail).toContain('profiles[2] ("Bad kind")');
    expect(err.where).toBe('profiles[1] ("Bad brokers").kafka.brokers.0');
    expect(await h['profiles.list']()).toEqual([]);
  });

  it('explains a file that is not JSON or not an export', async () => {
    expect((await failure(h['profiles.import']('{oops'))).message).toMatch(/not JSON/);
    expect((await failure(h['profiles.import']('{"hello":1}'))).message).toMatch(/exported profiles file/);
    expect((await failure(h['profiles.import']('[]'))).message).toMatch(/no profiles/);
  });

  it('refuses to start over a damaged profiles.json rather than overwrite it', async () => {
    writeFileSync(join(ctx.dataDir, 'profiles.json'), '{"version":1,"profiles":[{"id":1}]}');
    const err = await failure(h['profiles.list']());
    expect(err.message).toMatch(/is damaged/);
    expect((await failure(h['profiles.save'](milvusInput))).message).toMatch(/is damaged/);
  });
});
