// Which dead-letter records were already sent back, per pipeline, so the browser can say so and
// nobody redrives the same record twice by accident. A small JSON file, capped per pipeline.
import { join } from 'node:path';
import { readJson, writeJsonAtomic } from './json-file';
import { recordKey } from './dlq-records';

const MAX_PER_PIPELINE = 20_000;

type Ledger = Record<string, Record<string, number>>;

export interface RedriveLedger {
  /** partition:offset → when it was redriven. */
  of(pipelineId: string): Promise<ReadonlyMap<string, number>>;
  add(pipelineId: string, records: readonly { partition: number; offset: string }[], at?: number): Promise<void>;
  forget(pipelineId: string): Promise<void>;
}

export function createRedriveLedger(dataDir: string): RedriveLedger {
  const file = join(dataDir, 'dlq-redriven.json');
  let cache: Ledger | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<Ledger> {
    if (cache) return cache;
    const raw = await readJson(file).catch(() => undefined);
    cache = raw && typeof raw === 'object' ? (raw as Ledger) : {};
    return cache;
  }
  const save = (ledger: Ledger): Promise<void> => (writing = writing.then(() => writeJsonAtomic(file, ledger)).catch(() => undefined));

  return {
    async of(pipelineId) {
      return new Map(Object.entries((await load())[pipelineId] ?? {}));
    },
    async add(pipelineId, records, at = Date.now()) {
      if (!records.length) return;
      const ledger = await load();
      const mine = { ...(ledger[pipelineId] ?? {}) };
      for (const r of records) mine[recordKey(r.partition, r.offset)] = at;
      const entries = Object.entries(mine);
      ledger[pipelineId] = Object.fromEntries(entries.length > MAX_PER_PIPELINE ? entries.sort((a, b) => a[1] - b[1]).slice(-MAX_PER_PIPELINE) : entries);
      await save(ledger);
    },
    async forget(pipelineId) {
      const ledger = await load();
      if (!(pipelineId in ledger)) return;
      delete ledger[pipelineId];
      await save(ledger);
    },
  };
}
