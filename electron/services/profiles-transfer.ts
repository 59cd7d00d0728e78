// Export and import of profiles as one JSON document. Secrets leave only when the user asks for
// them; import validates every entry first and imports nothing unless all of them are valid, naming
// each bad entry and field.
import { z } from 'zod';
import { ProfileInput, type ProfileView } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { KAFKA_SECRETS, MILVUS_SECRETS, withSecrets } from './profile-secrets';
import type { ProfileStore, StoredProfile } from './profiles-store';

export const EXPORT_FORMAT = 'kafka-milvus-studio/profiles';
const MAX_ENTRIES = 1000;

const Envelope = z.union([
  z.object({ format: z.literal(EXPORT_FORMAT).optional(), version: z.literal(1).optional(), profiles: z.array(z.unknown()).max(MAX_ENTRIES) }),
  z.array(z.unknown()).max(MAX_ENTRIES),
]);

export async function exportProfiles(store: ProfileStore, includeSecrets: boolean): Promise<string> {
  const profiles = (await store.list()).map((p) => {
    const secrets = includeSecrets ? store.secretsOf(p) : {};
    return p.kind === 'kafka'
      ? { id: p.id, name: p.name, kind: p.kind, kafka: withSecrets(KAFKA_SECRETS, p.kafka, secrets) }
      : { id: p.id, name: p.name, kind: p.kind, milvus: withSecrets(MILVUS_SECRETS, p.milvus, secrets) };
  });
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), includesSecrets: includeSecrets, profiles }, null, 2)}\n`;
}

interface Problem {
  where: string;
  message: string;
}

/** Validates the document; returns the entries or every problem found, each with its path. */
export function parseImport(json: string): { entries: ProfileInput[]; problems: Problem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    return { entries: [], problems: [{ where: '(file)', message: `not JSON: ${(err as Error).message}` }] };
  }
  const env = Envelope.safeParse(doc);
  if (!env.success) {
    return { entries: [], problems: [{ where: '(file)', message: `expected an exported profiles file (an object with a "profiles" list of at most ${MAX_ENTRIES})` }] };
  }
  const raw = Array.isArray(env.data) ? env.data : env.data.profiles;
  const entries: ProfileInput[] = [];
  const problems: Problem[] = [];
  raw.forEach((item, i) => {
    const label = entryLabel(item, i);
    const parsed = ProfileInput.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ where: `${label}.${issue.path.map(String).join('.') || '(entry)'}`, message: issue.message });
      return;
    }
    entries.push(parsed.data);
  });
  if (raw.length === 0) problems.push({ where: 'profiles', message: 'the file holds no profiles' });
  return { entries, problems };
}

function entryLabel(item: unknown, i: number): string {
  const name = item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : undefined;
  return name ? `profiles[${i}] ("${name.slice(0, 60)}")` : `profiles[${i}]`;
}

/**
 * Imports all entries in one write. An entry whose id exists locally replaces that profile and keeps
 * its saved secrets when the file has none (an export without secrets round-trips); others are added
 * with fresh ids.
 */
export async function importProfiles(store: ProfileStore, json: string): Promise<ProfileView[]> {
  const { entries, problems } = parseImport(json);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${p.where}: ${p.message}`);
    const bad = new Set(problems.map((p) => p.where.split('.')[0])).size;
    const summary = entries.length + bad > 1 ? `${bad} of ${entries.length + bad} profiles are invalid, nothing was imported` : 'the profile is invalid, nothing was imported';
    throw new AppFailure('validation', `${summary}: ${lines[0]}`, lines.join('\n'), problems[0]?.where);
  }
  let imported: StoredProfile[] = [];
  await store.update((profiles) => {
    const byId = new Map(profiles.map((p) => [p.id, p]));
    imported = entries.map((entry, i) => {
      const prev = entry.id !== undefined ? byId.get(entry.id) : undefined;
      try {
        return store.compose({ ...entry, id: prev?.id }, prev, { keepMissingSecrets: true });
      } catch (err) {
        // a masked secret with nothing saved behind it: say which entry
        if (err instanceof AppFailure) throw new AppFailure(err.code, `${entryLabel(entry, i)}: ${err.message}`, err.detail, `profiles[${i}].${err.where ?? ''}`);
        throw err;
      }
    });
    const replacing = new Map(imported.filter((p) => byId.has(p.id)).map((p) => [p.id, p]));
    return [...profiles.map((p) => replacing.get(p.id) ?? p), ...imported.filter((p) => !byId.has(p.id))];
  });
  return imported.map((p) => store.view(p));
}
