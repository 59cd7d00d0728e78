import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { en } from '../../../renderer/src/i18n/en';
import { es } from '../../../renderer/src/i18n/es';
import { createTranslator, resolveLocale, type MessageKey } from '../../../renderer/src/i18n/i18n';
import { createFormatters } from '../../../renderer/src/i18n/format';
import { describeError } from '../../../renderer/src/i18n/describe-error';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('have the same keys, no empty text, and the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(es[key].trim(), key).not.toBe('');
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translate every error code with a title and a hint', () => {
    for (const code of ERROR_CODES) {
      expect(en).toHaveProperty(`error.${code}`);
      expect(en).toHaveProperty(`hint.${code}`);
    }
  });
});

describe('resolveLocale', () => {
  it("follows the system language for 'auto' and keeps its region for Intl", () => {
    expect(resolveLocale('auto', ['es-MX', 'en'])).toEqual({ lang: 'es', intl: 'es-MX' });
    expect(resolveLocale('auto', ['de-DE'])).toEqual({ lang: 'en', intl: 'en' });
    expect(resolveLocale('auto', [])).toEqual({ lang: 'en', intl: 'en' });
  });
  it('uses the explicit choice, with the system region only when the language matches', () => {
    expect(resolveLocale('es', ['en-US'])).toEqual({ lang: 'es', intl: 'es' });
    expect(resolveLocale('en', ['en-GB'])).toEqual({ lang: 'en', intl: 'en-GB' });
  });
});

describe('translator', () => {
  const tEn = createTranslator({ lang: 'en', intl: 'en' });
  const tEs = createTranslator({ lang: 'es', intl: 'es' });
  it('interpolates parameters and formats numbers for the locale', () => {
    expect(tEn.t('profiles.deleted', { name: 'prod' })).toBe('Deleted “prod”');
    expect(tEs.t('profiles.deleted', { name: 'prod' })).toBe('Se eliminó «prod»');
    expect(tEs.t('unit.rowsPerSecond', { value: 12345 })).toBe('12.345 filas/s');
  });
  it('picks plural forms', () => {
    expect(tEn.plural('transfer.imported', 1)).toBe('Imported 1 connection');
    expect(tEn.plural('transfer.imported', 3)).toBe('Imported 3 connections');
    expect(tEs.plural('transfer.imported', 1)).toBe('Se importó 1 conexión');
    expect(tEs.plural('transfer.imported', 2)).toBe('Se importaron 2 conexiones');
  });
});

describe('formatters', () => {
  const en1 = { lang: 'en', intl: 'en-US' } as const;
  const es1 = { lang: 'es', intl: 'es-ES' } as const;
  const fEn = createFormatters(en1, createTranslator(en1));
  const fEs = createFormatters(es1, createTranslator(es1));
  it('formats rates', () => {
    expect(fEn.rate(1234.5)).toBe('1,235 rows/s');
    expect(fEn.rate(12.34)).toBe('12.3 rows/s');
    expect(fEs.rate(1234.5)).toBe('1.235 filas/s');
    expect(fEs.rate(99.95)).toBe('100 filas/s');
    expect(fEs.number(1234.5, 1)).toBe('1.234,5');
  });
  it('formats bytes and durations', () => {
    expect(fEn.bytes(512)).toBe('512 B');
    expect(fEn.bytes(2_500)).toBe('2.5 kB');
    expect(fEn.bytes(1_500_000)).toBe('1.5 MB');
    expect(fEs.bytes(1_500_000)).toBe('1,5 MB');
    expect(fEn.duration(12.4)).toBe('12 ms');
    expect(fEn.duration(1500)).toBe('1.5 sec');
    expect(fEn.duration(185_000)).toBe('3 min 5 sec');
    expect(fEn.duration(2 * 3600_000 + 60_000)).toBe('2 hr 1 min');
  });
  it('formats timestamps and relative times', () => {
    const at = Date.UTC(2026, 10, 24, 15, 4, 5);
    expect(fEn.timestamp(at)).toMatch(/Nov 24, 2026/);
    expect(fEs.timestamp(at)).toMatch(/24 nov 2026/);
    expect(fEn.relative(at - 3 * 60_000, at)).toBe('3 minutes ago');
    expect(fEs.relative(at - 2 * 3600_000, at)).toBe('hace 2 horas');
  });
});

describe('describeError', () => {
  const tr = createTranslator({ lang: 'es', intl: 'es' });
  it('gives the translated category, a hint, and the raw detail', () => {
    const v = describeError({ code: 'kafka_sasl_failed', message: 'SASL authentication failed', detail: 'SCRAM-SHA-512 bad creds' }, tr);
    expect(v.title).toBe(es['error.kafka_sasl_failed']);
    expect(v.hint).toBe(es['hint.kafka_sasl_failed']);
    expect(v.detail).toBe('SASL authentication failed\nSCRAM-SHA-512 bad creds');
  });
  it('treats an unknown code as internal', () => {
    const v = describeError({ code: 'brand_new' as never, message: 'x' }, tr);
    expect(v.title).toBe(es['error.internal']);
  });
});

describe('describeError for a lost bridge', () => {
  it('says the connection was lost rather than a generic failure', async () => {
    const { CONNECTION_LOST } = await import('../../../renderer/src/transport/websocket-transport');
    const v = describeError(CONNECTION_LOST, createTranslator({ lang: 'en', intl: 'en' }));
    expect(v.title).toBe(en['error.connectionLost']);
  });
});
