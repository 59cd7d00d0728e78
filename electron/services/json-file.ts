// Small JSON files in the data folder: written atomically (temp file + rename, so a crash never
// leaves half a file) with mode 0600 (they may hold encrypted secrets), and read back tolerantly.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { AppFailure } from '../../shared/errors';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { mode: 0o600 });
    // the mode option is filtered by the umask; make sure it is exactly 0600
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The parsed file, or undefined when it does not exist yet. Other read errors propagate. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as unknown;
}

/**
 * A data file checked against its schema: undefined when it does not exist yet; a file that cannot
 * be read or does not match is an error naming the file and what is wrong, never silently reset.
 */
export async function readValidated<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let raw: unknown;
  try {
    raw = await readJson(file);
  } catch (err) {
    throw new AppFailure('internal', `${file} cannot be read; fix or move it away`, (err as Error).message);
  }
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppFailure('internal', `${file} is damaged; fix or move it away`, issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs read-modify-write updates of one file one at a time, across every service instance in the
 * process, so two quick saves cannot lose each other's changes.
 */
export function serialized<T>(file: string, task: () => Promise<T>): Promise<T> {
  const prev = queues.get(file) ?? Promise.resolve();
  const run = prev.then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return run;
}
