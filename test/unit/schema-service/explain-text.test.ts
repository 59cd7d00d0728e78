// Every explanation code of shared/schema reads the same in the English catalog as the matcher's
// own sentence, and has a complete Spanish translation with every placeholder filled.
import { describe, expect, it } from 'vitest';
import { EXPLAIN_CODES, explain, type ExplainCode, type ExplainParams } from '../../../shared/schema';
import { convertRecord } from '../../../shared/convert';
import { explainText, rowExplanation, withoutLead } from '../../../renderer/src/features/schema/explain-text';
import { createFormatters } from '../../../renderer/src/i18n/format';
import { createTranslator } from '../../../renderer/src/i18n/i18n';
import { DOCS, opts } from '../convert/fixtures';

const en = createTranslator({ lang: 'en', intl: 'en-US' });
const es = createTranslator({ lang: 'es', intl: 'es-ES' });

const base: ExplainParams = { target: 'title_vector', source: 'title_vector', total: 20, present: 20, missing: 3, bad: 2, ok: 17, got: 8, expected: 16, warnings: 2, errors: 3, detail: 'field x: boom', mapped: 'name', candidate: 'Title', default: '0' };
/** Params that pick a wording, and counts of one, so every branch of every code is exercised. */
const variants: Partial<Record<ExplainCode, ExplainParams[]>> = {
  match: [{ total: 1 }, { total: 20 }],
  match_partial_null: [{ fill: 'default' }, { fill: 'null' }],
  pk_on_auto_id: [{ outcome: 'rejected' }, { outcome: 'ignored' }],
  verdict_ready: [{ total: 1 }, { total: 20 }],
  verdict_warnings: [{ warnings: 1 }, { warnings: 2 }],
  verdict_blocked: [{ errors: 1 }, { errors: 3 }],
};
const cases = EXPLAIN_CODES.flatMap((code) => (variants[code] ?? [{}]).map((p) => explain(code, { ...base, ...p })));

describe('explanation texts', () => {
  it('covers every code, in English word for word as the matcher says it', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(EXPLAIN_CODES));
    for (const e of cases) expect(explainText(e, en), e.code).toBe(e.text);
  });

  it('says all of it in Spanish, with no placeholder left over', () => {
    for (const e of cases) {
      const text = explainText(e, es);
      expect(text, e.code).not.toBe(e.text);
      expect(text, e.code).not.toMatch(/\{\w+\}/);
    }
    expect(explainText(explain('dimension_mismatch', base), es)).toBe('title_vector: los mensajes traen 8 números y la colección espera 16.');
    expect(explainText(explain('verdict_blocked', { ...base, errors: 1 }), es)).toBe('Bloqueado: hay 1 problema que corregir; se convierten 17 de 20 mensajes de muestra.');
  });

  it('drops the verdict word the banner already shows as its heading', () => {
    expect(withoutLead('Blocked: 1 problem to fix; 0 of 20 sampled messages convert.', 'Blocked')).toBe('1 problem to fix; 0 of 20 sampled messages convert.');
    expect(withoutLead('Listo: los 20 mensajes de muestra se convierten.', 'Listo')).toBe('Los 20 mensajes de muestra se convierten.');
    expect(withoutLead('17 of 20 sampled messages convert; 2 warnings to review.', 'Ready with warnings')).toBe('17 of 20 sampled messages convert; 2 warnings to review.');
  });
});

describe('a failing field’s sentence', () => {
  it('gives the conversion detail in the reader’s language when the failure has words', () => {
    const r = convertRecord({ id: 1, title: 'a', title_vector: [0.1, 0.2, 0.3] }, DOCS, opts());
    if (r.ok) throw new Error('expected a failure');
    const row = { explanation: explain('convert_failed', { target: 'title_vector', bad: 2, total: 20, detail: r.error.message }), firstError: r.error };
    const fmtEs = createFormatters({ lang: 'es', intl: 'es-ES' }, es);
    const spanish = rowExplanation(row, es, fmtEs);
    expect(spanish).toMatch(/^title_vector: fallan 2 de 20 muestras: campo title_vector: /);
    expect(spanish).not.toMatch(/expected|got/);
    expect(rowExplanation(row, en, createFormatters({ lang: 'en', intl: 'en-US' }, en))).toBe(row.explanation.text);
    // Without words (an older main side) the English detail stays.
    expect(rowExplanation({ ...row, firstError: { ...r.error, words: undefined } }, es, fmtEs)).toContain(r.error.message);
  });
});
