// Saved message templates in <dataDir>/producer-templates.json (no secrets: message text only).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { SavedTemplateInput, type SavedTemplate } from '../../shared/contract-producer';
import { AppFailure } from '../../shared/errors';
import type { ServiceContext } from '../rpc/types';
import { readValidated, serialized, writeJsonAtomic } from './json-file';

const FILE = 'producer-templates.json';
const Stored = z.object({ version: z.literal(1), templates: z.array(SavedTemplateInput.extend({ id: z.string().min(1).max(64), updatedAt: z.number() })) });
const MAX_TEMPLATES = 200;

export function createTemplateStore(ctx: ServiceContext) {
  const file = join(ctx.dataDir, FILE);
  const load = async (): Promise<SavedTemplate[]> => (await readValidated(file, Stored))?.templates ?? [];
  const write = (templates: SavedTemplate[]) => writeJsonAtomic(file, { version: 1, templates });
  const byName = (a: SavedTemplate, b: SavedTemplate) => a.name.localeCompare(b.name);

  return {
    list: async () => (await load()).sort(byName),
    save: (input: SavedTemplateInput): Promise<SavedTemplate> =>
      serialized(file, async () => {
        const all = await load();
        const existing = all.find((t) => (input.id ? t.id === input.id : t.name === input.name));
        const saved: SavedTemplate = { ...input, id: existing?.id ?? randomUUID(), updatedAt: Date.now() };
        if (!existing && all.length >= MAX_TEMPLATES) throw new AppFailure('validation', `At most ${MAX_TEMPLATES} templates can be saved: delete some first`);
        await write([...all.filter((t) => t.id !== saved.id), saved]);
        return saved;
      }),
    remove: (id: string): Promise<void> =>
      serialized(file, async () => {
        const all = await load();
        if (!all.some((t) => t.id === id)) throw new AppFailure('not_found', `no saved template with id ${id}`, undefined, 'id');
        await write(all.filter((t) => t.id !== id));
      }),
  };
}
