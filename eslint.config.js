// Lint rules that protect the architecture: shared/ stays pure, the renderer never touches Node or
// Electron, and strict typing is kept (no `any` without a reason in a disable comment).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'tls', 'crypto', 'http', 'https', 'worker_threads', 'stream', 'events', 'url', 'util'];
const noNode = [
  ...nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'no Node APIs here: go through the typed Transport' })),
  { name: 'electron', message: 'no Electron here: go through the typed Transport' },
  { name: 'kafkajs', message: 'clients live on the main side' },
  { name: '@zilliz/milvus2-sdk-node', message: 'clients live on the main side' },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', '.stack', 'artifacts', 'renderer/dist', '.scratch*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: noNode }] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
