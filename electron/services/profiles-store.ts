// Saved connection profiles in <dataDir>/profiles.json. Connection settings are kept in clear;
// secret fields (SASL password, TLS key, Milvus token/password) are encrypted with ctx.secrets and
// kept apart under `secrets`, so the clear part can be shown, diffed and exported safely.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { KafkaConnection, MilvusConnection } from '../../shared/connections';
import type { ProfileInput, ProfileView } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { ServiceContext } from '../rpc/types';
import { readValidated, serialized, writeJsonAtomic } from './json-file';
import { KAFKA_SECRETS, MILVUS_SECRETS, maskSecrets, mergeSecrets, stripSecrets, type SecretKey, type SecretValues } from './profile-secrets';

const SECRET_KEYS = ['sasl.password', 'tls.keyPem', 'token', 'password'] as const satisfies readonly SecretKey[];
const EncryptedSecrets = z.partialRecord(z.enum(SECRET_KEYS), z.string());
const base = { id: z.string().min(1).max(64), name: z.string(), updatedAt: z.number(), sandbox: z.boolean().optional(), secrets: EncryptedSecrets };
const StoredProfile = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('kafka'), kafka: KafkaConnection }),
  z.object({ ...base, kind: z.literal('milvus'), milvus: MilvusConnection }),
]);
export type StoredProfile = z.infer<typeof StoredProfile>;
const ProfilesFile = z.object({ version: z.literal(1), secretStorage: z.string().optional(), profiles: z.array(StoredProfile) });

export const PROFILES_FILE = 'profiles.json';

export interface ComposeOptions {
  sandbox?: boolean;
  /** Import: an entry without a secret keeps the one already saved under the same id. */
  keepMissingSecrets?: boolean;
}

export interface ProfileStore {
  list(): Promise<StoredProfile[]>;
  get(id: string): Promise<StoredProfile>;
  /** Saves (creates when input.id is absent); masked secrets keep their stored values. */
  save(input: ProfileInput, opts?: ComposeOptions): Promise<StoredProfile>;
  /** A stored profile from an input and the profile it replaces (if any); nothing is written. */
  compose(input: ProfileInput, prev: StoredProfile | undefined, opts?: ComposeOptions): StoredProfile;
  /** Read-modify-write of the whole list in one atomic write (duplicate, import, sandbox). */
  update(change: (profiles: StoredProfile[]) => StoredProfile[]): Promise<StoredProfile[]>;
  remove(id: string): Promise<void>;
  /** Decrypted secrets of a profile. */
  secretsOf(p: StoredProfile): SecretValues;
  encrypt(values: SecretValues): StoredProfile['secrets'];
  view(p: StoredProfile): ProfileView;
}

export function createProfileStore(ctx: ServiceContext): ProfileStore {
  const file = join(ctx.dataDir, PROFILES_FILE);

  const load = async (): Promise<StoredProfile[]> => (await readValidated(file, ProfilesFile))?.profiles ?? [];
  const write = (profiles: StoredProfile[]) => writeJsonAtomic(file, { version: 1, secretStorage: ctx.secrets.kind, profiles });

  const secretsOf = (p: StoredProfile): SecretValues => {
    const out: SecretValues = {};
    for (const key of SECRET_KEYS) {
      const enc = p.secrets[key];
      if (enc === undefined) continue;
      try {
        out[key] = ctx.secrets.decrypt(enc);
      } catch (err) {
        throw new AppFailure('internal', `the saved secrets of profile "${p.name}" cannot be read: ${(err as Error).message}`);
      }
    }
    return out;
  };
  const encrypt = (values: SecretValues): StoredProfile['secrets'] => {
    const out: StoredProfile['secrets'] = {};
    for (const key of SECRET_KEYS) {
      const v = values[key];
      if (v === undefined) continue;
      try {
        out[key] = ctx.secrets.encrypt(v);
      } catch (err) {
        throw new AppFailure('unsupported', `secrets cannot be saved: ${(err as Error).message}`);
      }
    }
    return out;
  };

  const compose = (input: ProfileInput, prev: StoredProfile | undefined, opts: ComposeOptions = {}): StoredProfile => {
    const stored = prev && prev.kind === input.kind ? secretsOf(prev) : {};
    const built = build(input, stored, opts.keepMissingSecrets === true);
    return {
      ...built.profile,
      id: prev?.id ?? input.id ?? randomUUID(),
      updatedAt: Date.now(),
      secrets: encrypt(built.secrets),
      ...((opts.sandbox ?? prev?.sandbox) ? { sandbox: true } : {}),
    };
  };

  const find = (profiles: StoredProfile[], id: string): StoredProfile => {
    const p = profiles.find((x) => x.id === id);
    if (!p) throw new AppFailure('not_found', `no saved profile with id ${id}`, undefined, 'id');
    return p;
  };

  return {
    list: load,
    get: async (id) => find(await load(), id),
    compose,
    save: (input, opts = {}) =>
      serialized(file, async () => {
        const profiles = await load();
        const prev = input.id !== undefined ? find(profiles, input.id) : undefined;
        const next = compose(input, prev, opts);
        await write(prev ? profiles.map((p) => (p.id === next.id ? next : p)) : [...profiles, next]);
        return next;
      }),
    update: (change) =>
      serialized(file, async () => {
        const next = change(await load());
        await write(next);
        return next;
      }),
    remove: (id) =>
      serialized(file, async () => {
        const profiles = await load();
        find(profiles, id);
        await write(profiles.filter((p) => p.id !== id));
      }),
    secretsOf,
    encrypt,
    view,
  };
}

type ClearProfile = { name: string; kind: 'kafka'; kafka: KafkaConnection } | { name: string; kind: 'milvus'; milvus: MilvusConnection };
type Built = { profile: ClearProfile; secrets: SecretValues };

/** Splits an input into its clear part and the secrets to store (resolving masks against `stored`). */
function build(input: ProfileInput, stored: SecretValues, keepMissing: boolean): Built {
  const merge = <C>(fields: Parameters<typeof stripSecrets<C>>[0], conn: C, where: string) => {
    const { plain, secrets: incoming } = stripSecrets(fields, conn);
    const { secrets, problems } = mergeSecrets(fields, incoming, stored);
    const first = problems[0];
    if (first) throw new AppFailure('validation', first.message, undefined, `${where}.${first.key}`);
    if (keepMissing) for (const f of fields) if (secrets[f.key] === undefined && stored[f.key] !== undefined) secrets[f.key] = stored[f.key];
    return { plain, secrets };
  };
  if (input.kind === 'kafka') {
    const { plain, secrets } = merge(KAFKA_SECRETS, input.kafka, 'kafka');
    return { profile: { name: input.name, kind: 'kafka', kafka: plain }, secrets };
  }
  const { plain, secrets } = merge(MILVUS_SECRETS, input.milvus, 'milvus');
  return { profile: { name: input.name, kind: 'milvus', milvus: plain }, secrets };
}

/** The renderer's view: the clear part with every stored secret masked. */
function view(p: StoredProfile): ProfileView {
  const stored = new Set(Object.keys(p.secrets) as SecretKey[]);
  const common = { id: p.id, name: p.name, updatedAt: p.updatedAt, ...(p.sandbox ? { sandbox: true } : {}) };
  return p.kind === 'kafka'
    ? { ...common, kind: 'kafka', kafka: maskSecrets(KAFKA_SECRETS, p.kafka, stored) }
    : { ...common, kind: 'milvus', milvus: maskSecrets(MILVUS_SECRETS, p.milvus, stored) };
}
