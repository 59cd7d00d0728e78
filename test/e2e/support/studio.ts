// Starts the whole main side in-process (the same code as `cli serve`) with a throwaway data folder,
// against the real local stack, and serves the built renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudioServer } from '../../../electron/cli/serve-command';

export type Studio = Awaited<ReturnType<typeof startStudioServer>> & { dataDir: string; stop(): Promise<void> };

export async function startStudio(): Promise<Studio> {
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-e2e-'));
  const server = await startStudioServer({ host: '127.0.0.1', port: 0, dataDir });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
