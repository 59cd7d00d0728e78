// 'profiles.*': saved Kafka and Milvus connections. Secrets are encrypted at rest (ctx.secrets) and
// masked in everything sent to the renderer; see profiles-store.ts and profile-secrets.ts.
import { randomUUID } from 'node:crypto';
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import type { SandboxProfileNames } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { Handlers, ServiceContext } from '../rpc/types';
import { createProfileStore, type ProfileStore, type StoredProfile } from './profiles-store';
import { exportProfiles, importProfiles } from './profiles-transfer';

type ProfileCommands = 'profiles.list' | 'profiles.save' | 'profiles.duplicate' | 'profiles.delete' | 'profiles.export' | 'profiles.import';

export function profilesHandlers(ctx: ServiceContext, store: ProfileStore = createProfileStore(ctx)): Pick<Handlers, ProfileCommands> {
  return {
    'profiles.list': async () => (await store.list()).map(store.view),
    'profiles.save': async (input) => store.view(await store.save(input)),
    'profiles.duplicate': async (id) => {
      await store.get(id); // not_found before anything is written
      let copy: StoredProfile | undefined;
      await store.update((profiles) => {
        const src = profiles.find((p) => p.id === id);
        if (!src) return profiles;
        copy = { ...src, id: randomUUID(), name: copyName(src.name, profiles.map((p) => p.name)), updatedAt: Date.now() };
        delete copy.sandbox; // the sandbox profiles are managed by the app; a copy is the user's own
        return [...profiles, copy];
      });
      if (!copy) throw new AppFailure('not_found', `no saved profile with id ${id}`, undefined, 'id'); // deleted meanwhile
      return store.view(copy);
    },
    'profiles.delete': (id) => store.remove(id),
    'profiles.export': ({ includeSecrets }) => exportProfiles(store, includeSecrets),
    'profiles.import': (json) => importProfiles(store, json),
  };
}

/** "Prod (copy)", then "Prod (copy 2)", ... */
export function copyName(name: string, taken: readonly string[]): string {
  const stem = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${stem} (copy${n === 1 ? '' : ` ${n}`})`.slice(0, 120);
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The sandbox profiles' names when the caller gives none (the CLI's demo). */
export const SANDBOX_NAMES: SandboxProfileNames = { kafka: 'Local sandbox · Kafka', milvus: 'Local sandbox · Milvus' };

/**
 * Makes sure the two sandbox profiles exist and point at the sandbox's current ports. A new one
 * gets the given name (the wizard sends them in the user's language); one the user renamed keeps
 * its name; one they deleted comes back.
 */
export async function ensureSandboxProfiles(store: ProfileStore, kafka: KafkaConnection, milvus: MilvusConnection, names: SandboxProfileNames = SANDBOX_NAMES): Promise<void> {
  await store.update((profiles) => {
    const out = [...profiles];
    for (const want of [
      { kind: 'kafka' as const, name: names.kafka, kafka },
      { kind: 'milvus' as const, name: names.milvus, milvus },
    ]) {
      const i = out.findIndex((p) => p.sandbox && p.kind === want.kind);
      const prev = i >= 0 ? out[i] : undefined;
      const next = store.compose({ ...want, name: prev?.name ?? want.name }, prev, { sandbox: true });
      if (prev) out[i] = next;
      else out.push(next);
    }
    return out;
  });
}
