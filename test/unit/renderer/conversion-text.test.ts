// Conversion errors in the reader's language: the real converter's failures worded in Spanish, the
// English message as the fallback, and a sweep over the whole convert test corpus showing that
// every failure it produces carries words whose English is exactly its message.
import { describe, expect, it, vi } from 'vitest';
import type * as Convert from '../../../shared/convert';
import { CONVERT_PHRASES_EN, convertField, convertRecord, decodeValue, englishPhrase, messageWords, type ConversionError, type Phrase } from '../../../shared/convert';
import { createFormatters } from '../../../renderer/src/i18n/format';
import { createTranslator, type ResolvedLocale } from '../../../renderer/src/i18n/i18n';
import { conversionDetail, englishDetail, wordConversion } from '../../../renderer/src/i18n/conversion-text';
import { DOCS, field, opts, schema } from '../convert/fixtures';

// Every failure that passes through the public converter while this file runs (the imported
// convert tests included) is checked once the corpus has run.
const failures = vi.hoisted(() => [] as ConversionError[]);
vi.mock('../../../shared/convert', async (importOriginal) => {
  const real = await importOriginal<typeof Convert>();
  const seen = <R extends { ok: boolean; error?: ConversionError }>(r: R): R => {
    if (!r.ok && r.error) failures.push(r.error);
    return r;
  };
  return {
    ...real,
    decodeValue: (...a: Parameters<typeof real.decodeValue>) => seen(real.decodeValue(...a)),
    convertRecord: (...a: Parameters<typeof real.convertRecord>) => seen(real.convertRecord(...a)),
    convertField: (...a: Parameters<typeof real.convertField>) => seen(real.convertField(...a)),
    compileSchema: (...a: Parameters<typeof real.compileSchema>) => {
      const conv = real.compileSchema(...a);
      return (v: unknown) => seen(conv(v));
    },
  } satisfies typeof Convert;
});

// The existing corpus, run here too so that its failures are seen through the mock above.
import '../convert/decode.test';
import '../convert/record.test';
import '../convert/robustness.test';
import '../convert/scalars.test';
import '../convert/sdk-forms.test';
import '../convert/vectors.test';

function reader(locale: ResolvedLocale) {
  const tr = createTranslator(locale);
  const fmt = createFormatters(locale, tr);
  return { tr, fmt, detail: (e: ConversionError) => conversionDetail(e, tr, fmt) };
}
const es = reader({ lang: 'es', intl: 'es-ES' });
const en = reader({ lang: 'en', intl: 'en-US' });

const VEC = [0.1, 0.2, 0.3, 0.4];
const good = { id: 1, title: 'a', title_vector: VEC };

function errorOf(r: { ok: true } | { ok: false; error: ConversionError }): ConversionError {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}
const record = (value: unknown, s = DOCS, o = opts()) => errorOf(convertRecord(value, s, o));
const decoded = (text: string, o?: Parameters<typeof decodeValue>[2]) => errorOf(decodeValue(text, 'json', o));

describe('conversion errors in Spanish', () => {
  it('words a wrong vector dimension with Spanish plurals', () => {
    const e = record({ ...good, title_vector: [1, 2, 3] });
    expect(e.message).toBe('field title_vector: expected 4 numbers, got 3');
    expect(es.detail(e)).toBe('se esperaba un vector de 4 números, pero llegó un array de 3 elementos');
    expect(es.detail(record({ ...good, title_vector: [1] }))).toBe('se esperaba un vector de 4 números, pero llegó un array de 1 elemento');
    const binary = schema([field('id', 'Int64', { isPrimaryKey: true }), field('bits', 'BinaryVector', { dim: 8 })]);
    expect(es.detail(record({ id: 1, bits: [1, 2] }, binary))).toBe('se esperaba un vector de 1 byte (8 bits), pero llegó un array de 2 elementos');
  });

  it('words a missing field and a null one', () => {
    expect(es.detail(record({ title: 'a', title_vector: VEC }))).toBe('falta en el mensaje (es obligatorio: Int64, clave primaria)');
    expect(es.detail(record({ ...good, title: null }))).toBe('es null, pero el campo no admite nulos y no tiene valor por defecto (VarChar)');
  });

  it('words a wrong scalar type, quoting the payload as it arrived', () => {
    expect(es.detail(record({ ...good, id: 'abc' }))).toBe('se esperaba un entero en el rango de Int64, pero llegó el texto "abc"');
    const flag = errorOf(convertField(field('flag', 'Bool'), 1.5, opts()));
    expect(es.detail(flag)).toBe('se esperaba true o false, pero llegó el número 1.5');
    const meta = errorOf(convertField(field('meta', 'Int32'), { a: 1, b: 2 }, opts()));
    expect(es.detail(meta)).toBe('se esperaba un entero en el rango de Int32 (-2.147.483.648..2.147.483.647), pero llegó el objeto {a, b}');
  });

  it('words an integer out of range, with locale numbers for the limits only', () => {
    const e = errorOf(convertField(field('level', 'Int16'), 40000, opts()));
    expect(e.message).toBe('field level: expected an integer in Int16 range (-32768..32767), got number 40000');
    expect(es.detail(e)).toBe('se esperaba un entero en el rango de Int16 (-32.768..32.767), pero llegó el número 40000');
  });

  it('words a VarChar that is too long', () => {
    expect(es.detail(record({ ...good, title: 'x'.repeat(70) }))).toBe('se esperaba un máximo de 64 bytes de UTF-8, pero llegó un texto de 70 bytes');
  });

  it('words an invalid vector element with its position', () => {
    const e = record({ ...good, title_vector: [0.1, 'x', 0.3, 0.4] });
    expect(e.message).toBe('field title_vector: element 1: expected a finite number in float32 range, got string "x"');
    expect(es.detail(e)).toBe('elemento 1: se esperaba un número finito en el rango de float32, pero llegó el texto "x"');
  });

  it('words sparse vector errors', () => {
    const sparse = field('sparse', 'SparseFloatVector');
    const detail = (v: unknown) => es.detail(errorOf(convertField(sparse, v, opts())));
    expect(detail({ indices: [1, 2], values: [0.5] })).toBe('se esperaban los arrays "indices" y "values" de la misma longitud');
    expect(detail([[3, 0.5], [3, 0.25]])).toBe('elemento 1: el índice 3 aparece dos veces');
    expect(detail({ '-1': 0.5 })).toBe('clave "-1": se esperaba un índice entero entre 0 y 4.294.967.294, pero llegó el texto "-1"');
    expect(detail({ indices: [1], values: ['x'] })).toBe('entrada 0: se esperaba un número finito en el rango de float32, pero llegó el texto "x"');
    expect(detail([7])).toBe('elemento 0: se esperaba un par [índice, valor], pero llegó el número 7');
  });

  it('words invalid JSON with its reason and position', () => {
    const e = decoded('{"a": 1.}');
    expect(e.message).toBe('the message value is not valid JSON: expected a digit after "." at position 8 (line 1, column 9)');
    expect(es.detail(e)).toBe('el valor del mensaje no es JSON válido: se esperaba un dígito después de "." en la posición 8 (línea 1, columna 9)');
    expect(es.detail(decoded('{"a": 1} x'))).toBe('el valor del mensaje no es JSON válido: no se esperaba el carácter "x" después del valor JSON en la posición 9 (línea 1, columna 10)');
    expect(es.detail(decoded('  '))).toBe('el valor del mensaje está vacío');
    expect(es.detail(decoded('x'.repeat(2000), { maxBytes: 1500 }))).toBe('el valor del mensaje tiene más de 1.500 bytes (límite: 1.500)');
  });

  it('words an array over its capacity', () => {
    const tags = field('tags', 'Array', { elementType: 'Int32', maxCapacity: 2 });
    expect(es.detail(errorOf(convertField(tags, [1, 2, 3], opts())))).toBe('se esperaba un máximo de 2 elementos, pero llegó un array de 3 elementos');
    expect(es.detail(errorOf(convertField(tags, [1, null], opts())))).toBe('el elemento 1 es null; los arrays de Milvus no admiten nulos');
  });

  it('words an unknown field and a primary key Milvus generates', () => {
    expect(es.detail(record({ ...good, extra: 1 }, DOCS, opts({ extraFields: 'error' })))).toBe(
      "no está en el esquema de la colección y los campos extra están configurados como 'error' (mapéalo, ignóralo o permite campos extra)",
    );
    const auto = schema([field('pk', 'Int64', { isPrimaryKey: true, autoID: true }), field('v', 'FloatVector', { dim: 4 })]);
    expect(es.detail(record({ pk: 5, v: VEC }, auto, opts({ extraFields: 'error' })))).toBe(
      "el mensaje trae la clave primaria, pero la colección la genera (autoID); los campos extra están configurados como 'error', así que se rechaza ('drop' la ignora)",
    );
  });

  it('words a value that is not an object', () => {
    expect(es.detail(record([1, 2]))).toBe('el valor del mensaje es un array JSON; se esperaba un objeto JSON con una clave por campo');
  });

  it('words a whole message, field prefix included, for the event log', () => {
    const e = record({ ...good, title_vector: [1, 2, 3] });
    const words = messageWords(e) as Phrase;
    expect(englishPhrase(words)).toBe(e.message);
    expect(wordConversion(words, es.tr, es.fmt)).toBe('campo title_vector: se esperaba un vector de 4 números, pero llegó un array de 3 elementos');
  });

  it('words a sample problem whole, as the schema view lists it without a field of its own', () => {
    const envelope = '{"schema":{"type":"struct","fields":[{"field":"a","type":"int32"}]},"payload":{"a":"x"}}';
    const e = errorOf(decodeValue(envelope, 'connect'));
    const sample = { message: e.message, words: messageWords(e) };
    expect(conversionDetail(sample, es.tr, es.fmt)).toBe('campo a: el esquema de Kafka Connect dice int32, pero en el payload es el texto "x"');
    expect(conversionDetail(sample, en.tr, en.fmt)).toBe(e.message);
  });
});

describe('conversion errors without words', () => {
  it('show the English message without the field prefix', () => {
    const e: ConversionError = { code: 'wrong_type', field: 'v', message: 'field v: expected 8 numbers, got 7' };
    expect(es.detail(e)).toBe('expected 8 numbers, got 7');
    expect(es.detail({ code: 'invalid_json', message: 'the message value is not valid JSON' })).toBe('the message value is not valid JSON');
  });

  it('show the English message when a phrase is one this renderer does not know', () => {
    const unknown = { key: 'from.a.newer.version', params: {} } as unknown as Phrase;
    const e: ConversionError = { code: 'wrong_type', field: 'v', message: 'field v: something new', words: { key: 'at.element', params: { index: 2, detail: unknown } } };
    expect(es.detail(e)).toBe('something new');
  });

  it('are English for an English reader, identical to the message', () => {
    const e = record({ ...good, title_vector: [1, 2, 3] });
    expect(en.detail(e)).toBe('expected 4 numbers, got 3');
  });
});

/** Placeholders of a phrase (and the phrases inside it) that its parameters do not fill. */
function unfilled(p: Phrase): string[] {
  const table: Record<string, string> = CONVERT_PHRASES_EN;
  const count = p.params.count;
  const template = table[p.key] ?? (typeof count === 'number' ? table[`${p.key}_${count === 1 ? 'one' : 'other'}`] : undefined);
  if (template === undefined) return [`unknown key ${p.key}`];
  const missing = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((name) => p.params[name] === undefined);
  const nested = Object.values(p.params).flatMap((v) => (typeof v === 'object' ? unfilled(v) : []));
  return [...missing.map((name) => `${p.key} lacks {${name}}`), ...nested];
}

describe('the convert test corpus', () => {
  it('gives every failure words whose English is its message, which Spanish can word', () => {
    const codes = new Set(failures.map((e) => e.code));
    // The corpus reaches every kind of failure; a sweep over only a few would prove little.
    expect(failures.length).toBeGreaterThan(1000);
    expect([...codes].sort()).toEqual(
      ['empty_value', 'envelope_mismatch', 'invalid_json', 'invalid_utf8', 'invalid_vector', 'missing_field', 'not_an_object', 'null_not_allowed', 'out_of_range', 'over_capacity', 'pk_on_auto_id', 'too_large', 'too_long', 'unknown_field', 'wrong_dimension', 'wrong_type'].sort(),
    );
    const problems = new Set<string>();
    for (const e of failures) {
      if (!e.words) {
        problems.add(`no words: ${e.message}`);
        continue;
      }
      if (englishPhrase(e.words) !== englishDetail(e)) problems.add(`English differs: ${englishPhrase(e.words)} ≠ ${e.message}`);
      for (const gap of unfilled(e.words)) problems.add(`${gap}: ${e.message}`);
      if (wordConversion(e.words, es.tr, es.fmt) === undefined) problems.add(`no Spanish: ${e.message}`);
    }
    expect([...problems]).toEqual([]);
  });
});
