// Turns what the renderer sends (a connection form whose secrets may be masked, plus the profile it
// came from) into a full connection, filling masked secrets from the saved profile. Used by the
// Kafka and Milvus services, and by pipelines (connections by profile id).
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import type { KafkaTarget, MilvusTarget } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { ServiceContext } from '../rpc/types';
import { KAFKA_SECRETS, MILVUS_SECRETS, fillSecrets, withSecrets, type MaskProblem, type SecretValues } from './profile-secrets';
import { createProfileStore, type ProfileStore, type StoredProfile } from './profiles-store';

export interface ConnectionResolver {
  resolveKafka(target: KafkaTarget): Promise<KafkaConnection>;
  resolveMilvus(target: MilvusTarget): Promise<MilvusConnection>;
  /** A saved profile's full connection, secrets included (pipelines). */
  kafkaProfile(profileId: string): Promise<KafkaConnection>;
  milvusProfile(profileId: string): Promise<MilvusConnection>;
}

export function createConnectionResolver(source: ServiceContext | ProfileStore): ConnectionResolver {
  const store = 'dataDir' in source ? createProfileStore(source) : source;

  const profileOf = async <K extends StoredProfile['kind']>(id: string, kind: K): Promise<Extract<StoredProfile, { kind: K }>> => {
    const p = await store.get(id);
    if (p.kind !== kind) throw new AppFailure('validation', `profile "${p.name}" is a ${p.kind} profile, not a ${kind} one`, undefined, 'profileId');
    return p as Extract<StoredProfile, { kind: K }>;
  };
  const storedFor = async (id: string | undefined, kind: StoredProfile['kind']): Promise<SecretValues> =>
    id === undefined ? {} : store.secretsOf(await profileOf(id, kind));

  return {
    async resolveKafka(target) {
      const { conn, problems } = fillSecrets(KAFKA_SECRETS, target.kafka, await storedFor(target.profileId, 'kafka'));
      failOn(problems, 'kafka');
      return conn;
    },
    async resolveMilvus(target) {
      const { conn, problems } = fillSecrets(MILVUS_SECRETS, target.milvus, await storedFor(target.profileId, 'milvus'));
      failOn(problems, 'milvus');
      return conn;
    },
    async kafkaProfile(id) {
      const p = await profileOf(id, 'kafka');
      return withSecrets(KAFKA_SECRETS, p.kafka, store.secretsOf(p));
    },
    async milvusProfile(id) {
      const p = await profileOf(id, 'milvus');
      return withSecrets(MILVUS_SECRETS, p.milvus, store.secretsOf(p));
    },
  };
}

function failOn(problems: MaskProblem[], where: string): void {
  const first = problems[0];
  if (first) throw new AppFailure('validation', first.message, undefined, `${where}.${first.key}`);
}

/** Shorthands for callers that have only the context. */
export const resolveKafka = (ctx: ServiceContext, target: KafkaTarget): Promise<KafkaConnection> => createConnectionResolver(ctx).resolveKafka(target);
export const resolveMilvus = (ctx: ServiceContext, target: MilvusTarget): Promise<MilvusConnection> => createConnectionResolver(ctx).resolveMilvus(target);
