#!/usr/bin/env node
// kafka-milvus-studio: runs the built CLI (dist/cli/cli.mjs) when present; in a development checkout
// it runs the TypeScript entry through tsx. Plain JS so it works before anything is built.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'cli.mjs');
const args = process.argv.slice(2);

if (existsSync(built)) {
  const cli = await import(pathToFileURL(built).href);
  // The bundle only starts itself when it is the entry script; here this file is.
  if (typeof cli.runCli === 'function') cli.runCli(args);
} else {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  if (!existsSync(tsx)) {
    process.stderr.write(`kafka-milvus-studio: neither ${built} nor ${tsx} exists; run \`npm install\` (and \`npm run build\`) in ${root}\n`);
    process.exit(1);
  }
  const child = spawn(tsx, [join(root, 'electron', 'cli.ts'), ...args], { stdio: 'inherit' });
  // Relay signals sent to this process only (e.g. `kill <pid>`); the CLI ignores the duplicate a
  // terminal's Ctrl-C also delivers to it directly.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (e) => {
    process.stderr.write(`kafka-milvus-studio: cannot start ${tsx}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}
