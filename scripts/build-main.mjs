// Bundles the main side with esbuild:
//   dist/electron/main.cjs     Electron main (CommonJS; electron and node_modules stay external)
//   dist/electron/preload.cjs  sandboxed preload (CommonJS; only `electron` may be required)
//   dist/cli/cli.mjs           CLI / headless server (ESM; node_modules external), if electron/cli.ts exists
//   dist/{electron,cli}/milvus-writer-worker.{cjs,mjs}
//                              the Milvus writer thread next to each bundle (electron/clients/milvus-writer-thread.ts)
// The renderer is built separately by vite (npm run build:renderer).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);
const started = Date.now();

const common = { bundle: true, absWorkingDir: root, logLevel: 'warning', metafile: true, legalComments: 'none', sourcemap: false };
const WRITER_WORKER = 'electron/clients/milvus-writer-worker.ts';
// The writer thread's bundle sits next to the bundle that starts it; the define tells the bundled
// code its file name (see resolveWorkerEntry).
const workerName = (file) => ({ __MILVUS_WRITER_WORKER__: JSON.stringify(file) });
// CommonJS has no import.meta: give it the bundle's own URL, so import.meta.url resolves siblings.
// The banner goes before esbuild's "use strict", so it repeats it to keep the bundle strict.
const cjsImportMeta = {
  banner: { js: '"use strict";\nconst __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};
const mainNode = {
  platform: 'node',
  format: 'cjs',
  target: 'node20', // Electron 38 ships Node 22; node20 keeps the output valid for both
  packages: 'external', // kafkajs, milvus sdk (grpc), zod, ws...: resolved from node_modules at run time
  external: ['electron'],
  ...cjsImportMeta,
};
const targets = [
  {
    name: 'main',
    entryPoints: [at('electron/main/main.ts')],
    outfile: at('dist/electron/main.cjs'),
    ...mainNode,
    define: { ...mainNode.define, ...workerName('milvus-writer-worker.cjs') },
  },
  { name: 'main-writer', entryPoints: [at(WRITER_WORKER)], outfile: at('dist/electron/milvus-writer-worker.cjs'), ...mainNode },
  {
    name: 'preload',
    entryPoints: [at('electron/main/preload.ts')],
    outfile: at('dist/electron/preload.cjs'),
    platform: 'browser', // a sandboxed preload has no Node require beyond `electron`
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  },
];
if (existsSync(at('electron/cli.ts'))) {
  const cliNode = { platform: 'node', format: 'esm', target: 'node20', packages: 'external' };
  targets.push(
    { name: 'cli', entryPoints: [at('electron/cli.ts')], outfile: at('dist/cli/cli.mjs'), ...cliNode, define: workerName('milvus-writer-worker.mjs') },
    { name: 'cli-writer', entryPoints: [at(WRITER_WORKER)], outfile: at('dist/cli/milvus-writer-worker.mjs'), ...cliNode },
  );
} else {
  console.warn('build-main: electron/cli.ts not found, skipping dist/cli/cli.mjs');
}

let failed = false;
const results = await Promise.all(
  targets.map(({ name, ...options }) =>
    build({ ...common, ...options }).then(
      (result) => ({ name, options, result }),
      () => {
        failed = true; // esbuild has already printed the errors
        return null;
      },
    ),
  ),
);
if (failed) process.exit(1);

for (const { name, options, result } of results) {
  const output = Object.entries(result.metafile.outputs).find(([file]) => !file.endsWith('.map'));
  const bytes = output ? output[1].bytes : 0;
  console.log(`build-main: ${path.relative(root, options.outfile)} ${(bytes / 1024).toFixed(1)} KiB`);
  if (name === 'preload') checkPreload(result.metafile);
}
checkRendererCsp();
console.log(`build-main: done in ${Date.now() - started} ms`);

// The preload runs sandboxed: a bundled npm package (zod from the contract, say) means a heavy import
// slipped in, and any require other than electron would fail at run time.
function checkPreload(metafile) {
  const heavy = Object.keys(metafile.inputs).filter((file) => file.includes('node_modules'));
  const [, output] = Object.entries(metafile.outputs).find(([file]) => !file.endsWith('.map'));
  const requires = output.imports.filter((i) => i.external && i.path !== 'electron');
  if (heavy.length || requires.length) {
    console.error('build-main: the preload must only import electron and local glue; found:', [...heavy, ...requires.map((i) => i.path)]);
    process.exit(1);
  }
}

// The CSP header does not reach file:// pages in every Electron version; the meta tag always does.
function checkRendererCsp() {
  const index = at('dist/renderer/index.html');
  if (existsSync(index) && !/http-equiv=["']Content-Security-Policy["']/i.test(readFileSync(index, 'utf8'))) {
    console.warn('build-main: dist/renderer/index.html has no Content-Security-Policy meta tag (see electron/main/csp.ts)');
  }
}
