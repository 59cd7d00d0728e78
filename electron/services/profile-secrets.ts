// Which connection fields are secrets, and the pure rules around them: strip them out before a
// profile is written in clear, mask them before it reaches the renderer, keep the stored value when
// the renderer sends the mask back, and fill masks from a profile when connecting.
import type { KafkaConnection, MilvusConnection } from '../../shared/connections';
import { SECRET_MASK } from '../../shared/domain';

export type SecretKey = 'sasl.password' | 'tls.keyPem' | 'token' | 'password';
export type SecretValues = Partial<Record<SecretKey, string>>;

interface SecretField<C> {
  key: SecretKey;
  /** Said to the user: "the SASL password is masked ...". */
  label: string;
  get(c: C): string | undefined;
  /** Returns a copy with the field set, or cleared when value is undefined. */
  set(c: C, value: string | undefined): C;
}

function without<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

export const KAFKA_SECRETS: readonly SecretField<KafkaConnection>[] = [
  {
    key: 'sasl.password',
    label: 'the SASL password',
    get: (c) => c.sasl?.password,
    // password is required by the schema: a stripped profile keeps an empty one
    set: (c, v) => (c.sasl ? { ...c, sasl: { ...c.sasl, password: v ?? '' } } : c),
  },
  {
    key: 'tls.keyPem',
    label: 'the TLS client key',
    get: (c) => c.tls?.keyPem,
    set: (c, v) => {
      if (v !== undefined) return { ...c, tls: { ...c.tls, keyPem: v } };
      return c.tls ? { ...c, tls: without(c.tls, 'keyPem') } : c;
    },
  },
];

export const MILVUS_SECRETS: readonly SecretField<MilvusConnection>[] = [
  { key: 'token', label: 'the Milvus token', get: (c) => c.token, set: (c, v) => (v !== undefined ? { ...c, token: v } : without(c, 'token')) },
  {
    key: 'password',
    label: 'the Milvus password',
    get: (c) => c.password,
    set: (c, v) => (v !== undefined ? { ...c, password: v } : without(c, 'password')),
  },
];

/** Separates secrets from the rest; empty secrets count as absent. */
export function stripSecrets<C>(fields: readonly SecretField<C>[], conn: C): { plain: C; secrets: SecretValues } {
  let plain = conn;
  const secrets: SecretValues = {};
  for (const f of fields) {
    const v = f.get(conn);
    if (v) secrets[f.key] = v;
    plain = f.set(plain, undefined);
  }
  return { plain, secrets };
}

/** What the renderer sees: the mask wherever a secret is stored, nothing elsewhere. */
export function maskSecrets<C>(fields: readonly SecretField<C>[], plain: C, stored: ReadonlySet<SecretKey>): C {
  let out = plain;
  for (const f of fields) if (stored.has(f.key)) out = f.set(out, SECRET_MASK);
  return out;
}

export interface MaskProblem {
  key: SecretKey;
  message: string;
}

/**
 * The secrets to store after a save: the mask keeps the stored value, a new value replaces it and
 * an empty field clears it. A mask with nothing stored behind it is a problem, not a password.
 */
export function mergeSecrets<C>(
  fields: readonly SecretField<C>[],
  incoming: SecretValues,
  stored: SecretValues,
): { secrets: SecretValues; problems: MaskProblem[] } {
  const secrets: SecretValues = {};
  const problems: MaskProblem[] = [];
  for (const f of fields) {
    const v = incoming[f.key];
    if (v === undefined) continue;
    if (v !== SECRET_MASK) secrets[f.key] = v;
    else if (stored[f.key] !== undefined) secrets[f.key] = stored[f.key];
    else problems.push({ key: f.key, message: `${f.label} is masked but none is saved; type it again` });
  }
  return { secrets, problems };
}

/** Replaces masks with stored values (from a profile); reports masks that remain. */
export function fillSecrets<C>(fields: readonly SecretField<C>[], conn: C, stored: SecretValues): { conn: C; problems: MaskProblem[] } {
  let out = conn;
  const problems: MaskProblem[] = [];
  for (const f of fields) {
    if (f.get(conn) !== SECRET_MASK) continue;
    const v = stored[f.key];
    if (v !== undefined) out = f.set(out, v);
    else problems.push({ key: f.key, message: `${f.label} is masked and no saved profile holds it; type it again` });
  }
  return { conn: out, problems };
}

/** Every secret value of a connection, to scrub from error text before it leaves main. */
export function secretValues<C>(fields: readonly SecretField<C>[], conn: C): string[] {
  return fields.map((f) => f.get(conn)).filter((v): v is string => !!v && v !== SECRET_MASK);
}

/** Sets every stored secret on a clear connection (a saved profile's full connection). */
export function withSecrets<C>(fields: readonly SecretField<C>[], plain: C, secrets: SecretValues): C {
  let out = plain;
  for (const f of fields) {
    const v = secrets[f.key];
    if (v !== undefined) out = f.set(out, v);
  }
  return out;
}
