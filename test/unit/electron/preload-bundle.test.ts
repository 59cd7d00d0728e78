// The preload runs sandboxed: its bundle may `require` only 'electron'. Bundle it the way
// scripts/build-main.mjs does and run it in a bare VM context with exactly that.
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('preload bundle', () => {
  it('is small, CommonJS, and needs nothing but electron', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'electron/main/preload.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code.length).toBeLessThan(8_000);
    expect(code).not.toMatch(/zod/);

    const required: string[] = [];
    const exposeInMainWorld = vi.fn();
    const ipcRenderer = { invoke: vi.fn(), on: vi.fn() };
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return { contextBridge: { exposeInMainWorld }, ipcRenderer };
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledWith('bridge', { invoke: expect.any(Function), on: expect.any(Function) });
  });
});
