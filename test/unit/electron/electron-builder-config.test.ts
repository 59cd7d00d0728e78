// Validates electron-builder.yml against electron-builder's own schema without packaging anything
// (packaging needs the Electron binary, which unit tests must not download).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  files?: string[];
  directories?: { output?: string };
  extraResources?: Array<{ from: string; to: string }>;
  linux?: { target?: string[]; category?: string; maintainer?: string };
  mac?: { target?: string; category?: string };
  win?: { target?: string };
  nsis?: { oneClick?: boolean; allowToChangeInstallationDirectory?: boolean };
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder and packages only dist/ plus the sandbox scripts', () => {
    // electron-builder's own schema check (the one `electron-builder` runs first), without its heavy loader
    const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
    const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
    const { validateSchema } = builderRequire('./out/util/config/schemaValidator.js') as { validateSchema(schema: unknown, data: unknown, o: { name: string }): void };
    const schema: unknown = JSON.parse(fs.readFileSync(builderRequire.resolve('./scheme.json'), 'utf8'));
    const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
    expect(() => validateSchema(schema, structuredClone(config), { name: 'electron-builder' })).not.toThrow();
    expect(() => validateSchema(schema, { ...config, bogusKey: 1 }, { name: 'electron-builder' })).toThrow(/bogusKey/);
    expect(config).toMatchObject({
      appId: 'io.kafkamilvus.studio',
      productName: 'Kafka-Milvus Studio',
      asar: true,
      directories: { output: 'release' },
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      mac: { target: 'dmg', category: 'public.app-category.developer-tools' },
      win: { target: 'nsis' },
      nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
    });
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.files?.filter((f) => !f.startsWith('!'))).toEqual(['dist/**/*', 'package.json']);
    expect(config.extraResources?.map((r) => r.from)).toEqual(['scripts/stack.sh', 'scripts/stack']);
  }, 30_000); // ajv compiles electron-builder's 360 KB schema: a few seconds
});
