// Every catalog key is used by some code, every key a component asks for exists, and the Spanish
// catalog is complete. Types already catch most of this; this check also catches dead keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { es } from '../../../renderer/src/i18n/es';

const ROOT = join(process.cwd(), 'renderer', 'src');
const CATALOG_FILES = /[\\/]i18n[\\/](en|es)\.ts$|[\\/]i18n[\\/]catalogs[\\/]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !CATALOG_FILES.test(path) ? [path] : [];
  });
}

const code = sources(ROOT).map((f) => readFileSync(f, 'utf8')).join('\n');
const literals = new Set([...code.matchAll(/['"`]([a-zA-Z][\w.-]*)['"`]/g)].map((m) => m[1]!));
// `prefix.${x}` templates use a family of keys; plural pairs are asked for by their base.
const dynamicPrefixes = [...code.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)].map((m) => m[1]!);
const keys = Object.keys(en);

function used(key: string): boolean {
  const base = key.replace(/_(one|other)$/, '');
  return literals.has(key) || literals.has(base) || dynamicPrefixes.some((p) => key.startsWith(p));
}

describe('message catalogs', () => {
  it('has no key that no code uses', () => {
    expect(keys.filter((k) => !used(k))).toEqual([]);
  });

  it('has every key that code asks for with t()', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(20);
    const known = new Set(keys.map((k) => k.replace(/_(one|other)$/, '')).concat(keys));
    expect(asked.filter((k) => !known.has(k))).toEqual([]);
  });

  it('Spanish has exactly the English keys, none empty, placeholders kept', () => {
    expect(Object.keys(es).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const esText = (es as Record<string, string>)[key]!;
      expect(esText.trim(), key).not.toBe('');
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(esText), key).toEqual(params((en as Record<string, string>)[key]!));
    }
  });
});
