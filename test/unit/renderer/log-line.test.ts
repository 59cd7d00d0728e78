// Event-log lines from the main side: a code with parameters, worded in English for the CLI and in
// the reader's language on screen, with locale numbers, durations, states and dead-letter reasons.
import { describe, expect, it } from 'vitest';
import { convertRecord, messageWords } from '../../../shared/convert';
import { englishLogLine, logText, type LogText } from '../../../shared/log-text';
import type { LogEntry } from '../../../shared/pipeline-status';
import { DEFAULT_FILTER, filterLog } from '../../../renderer/src/features/monitor/log-filter';
import { createFormatters } from '../../../renderer/src/i18n/format';
import { createTranslator, type ResolvedLocale } from '../../../renderer/src/i18n/i18n';
import { causeLine, logDetail, logLine, reasonLabel } from '../../../renderer/src/i18n/log-line';
import { DOCS, opts } from '../convert/fixtures';

function reader(locale: ResolvedLocale) {
  const tr = createTranslator(locale);
  const fmt = createFormatters(locale, tr);
  return { tr, line: (text: LogText) => logLine(entry(text), tr, fmt) };
}
const en = reader({ lang: 'en', intl: 'en-US' });
const es = reader({ lang: 'es', intl: 'es-ES' });

function entry(text: LogText, at = 0): LogEntry {
  return { at, level: 'info', kind: 'info', ...logText(text) };
}

const retry: LogText = { code: 'run.retry', params: { source: 'milvus', attempt: 3, delayMs: 2000, reason: 'Milvus: connect ECONNREFUSED 127.0.0.1:19530' } };

describe('English log lines (CLI, headless logs)', () => {
  it('words every kind of parameter plainly: ms, ISO times, raw causes', () => {
    expect(englishLogLine(retry)).toBe('Retry 3 in 2000 ms: Milvus: connect ECONNREFUSED 127.0.0.1:19530');
    expect(englishLogLine({ code: 'offsets.resetTime', params: { group: 'g', reread: 12, skipped: 0, at: Date.UTC(2026, 0, 2, 3, 4, 5) } })).toBe(
      'Offsets of group g reset to 2026-01-02T03:04:05.000Z: read again 12, skipped 0',
    );
    expect(englishLogLine({ code: 'state.changedCause', params: { from: 'running', to: 'retrying', cause: 'Kafka: broker down' } })).toBe('running → retrying: Kafka: broker down');
  });

  it('picks the singular or plural line by count', () => {
    expect(englishLogLine({ code: 'deadLetter.more', params: { count: 1 } })).toBe('1 more record of this batch went to the dead-letter topic');
    expect(englishLogLine({ code: 'deadLetter.more', params: { count: 7 } })).toBe('7 more records of this batch went to the dead-letter topic');
  });

  it('is the message the entry carries, next to its code', () => {
    expect(logText(retry)).toEqual({ text: retry, message: englishLogLine(retry) });
  });
});

describe('log lines on screen', () => {
  it('are Spanish for a Spanish reader, with Spanish numbers, durations and states', () => {
    expect(es.line(retry)).toBe('Reintento 3 dentro de 2 s: Milvus: connect ECONNREFUSED 127.0.0.1:19530');
    expect(es.line({ code: 'state.changedCause', params: { from: 'running', to: 'retrying', cause: 'Kafka: broker down' } })).toBe('En marcha → Reintentando: Kafka: broker down');
    expect(es.line({ code: 'run.consuming', params: { topics: 'orders, returns', collection: 'items' } })).toBe('Consumiendo orders, returns hacia items');
    expect(es.line({ code: 'run.stoppedSummary', params: { consumed: 12345, written: 12340, deadLettered: 5, skipped: 0, unfinished: 0 } })).toBe(
      'Detenido: consumidos 12.345, escritos 12.340, fallidos 5, omitidos 0, sin terminar 0',
    );
    expect(es.line({ code: 'pipeline.created', params: { name: 'pedidos' } })).toBe('Pipeline «pedidos» creado');
  });

  it('follow each language’s plural rules', () => {
    expect(es.line({ code: 'deadLetter.more', params: { count: 1 } })).toBe('1 registro más de este lote fue al topic de mensajes fallidos');
    expect(es.line({ code: 'deadLetter.more', params: { count: 1500 } })).toBe('1.500 registros más de este lote fueron al topic de mensajes fallidos');
    expect(en.line({ code: 'run.stopTimedOut', params: { count: 1 } })).toContain('1 record was not finished');
  });

  it('name a dead-letter reason in words and keep the raw reason', () => {
    const text: LogText = { code: 'deadLetter.record', params: { reasonCode: 'wrong_dimension', reason: 'field v: expected 8 numbers, got 7' } };
    expect(es.line(text)).toBe('Enviado al topic de mensajes fallidos (Dimensión del vector incorrecta): field v: expected 8 numbers, got 7');
    expect(en.line(text)).toBe('Sent to the dead-letter topic (Wrong vector dimension): field v: expected 8 numbers, got 7');
    expect(reasonLabel('a_code_from_a_newer_version', es.tr)).toBe('a_code_from_a_newer_version');
  });

  it('word a conversion failure’s reason in the reader’s language when it carries words', () => {
    const r = convertRecord({ id: 1, title: 'a', title_vector: [1, 2, 3] }, DOCS, opts());
    if (r.ok) throw new Error('expected a failure');
    const text: LogText = { code: 'deadLetter.record', params: { reasonCode: r.error.code, reason: r.error.message, reasonWords: messageWords(r.error) } };
    expect(es.line(text)).toBe('Enviado al topic de mensajes fallidos (Dimensión del vector incorrecta): campo title_vector: se esperaba un vector de 4 números, pero llegó un array de 3 elementos');
    expect(en.line(text)).toBe('Sent to the dead-letter topic (Wrong vector dimension): field title_vector: expected 4 numbers, got 3');
    expect(englishLogLine(text)).toBe('Sent to the dead-letter topic (wrong_dimension): field title_vector: expected 4 numbers, got 3');
  });

  it('fall back to the entry’s own line when there is no code, or one this renderer does not know', () => {
    const plain: LogEntry = { at: 0, level: 'warn', kind: 'info', message: 'from an older main side' };
    expect(logLine(plain, es.tr, createFormatters({ lang: 'es', intl: 'es' }, es.tr))).toBe('from an older main side');
    const future = { ...plain, text: { code: 'run.somethingNew', params: {} } } as unknown as LogEntry;
    expect(logLine(future, es.tr, createFormatters({ lang: 'es', intl: 'es' }, es.tr))).toBe('from an older main side');
  });

  it('are what the log search matches, in either language', () => {
    const entries = [entry({ code: 'run.consuming', params: { topics: 'orders', collection: 'items' } }, 1), entry(retry, 2)];
    const wording = (e: LogEntry) => es.line(e.text as LogText);
    expect(filterLog(entries, { ...DEFAULT_FILTER, text: 'consumiendo' }, 300, wording).shown.map((e) => e.at)).toEqual([1]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, text: 'consuming' }, 300, wording).shown.map((e) => e.at)).toEqual([1]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, text: 'reintento' }, 300).shown).toEqual([]);
  });
});

describe('a pipeline’s cause on screen', () => {
  const fmtEs = createFormatters({ lang: 'es', intl: 'es-ES' }, es.tr);
  const missing: LogText = { code: 'cause.topicMissing', params: { topics: 'pedidos' } };

  it('is ours in the reader’s language and the server’s as written', () => {
    expect(causeLine('Topic pedidos does not exist', missing, es.tr, fmtEs)).toBe('El topic pedidos no existe');
    expect(causeLine('Kafka: broker down', undefined, es.tr, fmtEs)).toBe('Kafka: broker down');
    expect(causeLine(undefined, undefined, es.tr, fmtEs)).toBeUndefined();
  });

  it('is worded inside the change of state that carries it', () => {
    const text: LogText = { code: 'state.changedCause', params: { from: 'starting', to: 'failed', cause: 'Topic pedidos does not exist', causeText: missing } };
    expect(es.line(text)).toBe('Iniciando → Con error: El topic pedidos no existe');
    expect(englishLogLine(text)).toBe('starting → failed: Topic pedidos does not exist');
  });

  it('names the record that stopped a pipeline and why', () => {
    const text: LogText = { code: 'cause.recordFailed', params: { topic: 'pedidos', partition: 0, offset: '2', reasonCode: 'invalid_vector', reason: 'field v: expected 4 numbers' } };
    expect(es.line(text)).toBe('Detenido en el registro pedidos[0]@2 (Vector no válido): field v: expected 4 numbers');
  });
});

describe('a log entry’s details on screen', () => {
  const fmtEs = createFormatters({ lang: 'es', intl: 'es-ES' }, es.tr);
  it('are worded for the reader, with locale numbers, durations and reason names', () => {
    expect(logDetail({ topic: 'pedidos', partition: 0, offset: '12345', code: 'wrong_dimension', field: 'v' }, es.tr, fmtEs)).toBe(
      'topic pedidos · partición 0 · offset 12345 · Dimensión del vector incorrecta · campo v',
    );
    expect(logDetail({ source: 'milvus', attempt: 3, delayMs: 2000 }, es.tr, fmtEs)).toBe('origen milvus · intento 3 · espera 2 s');
    expect(logDetail({ count: 1500 }, es.tr, fmtEs)).toBe('registros 1.500');
  });
  it('keep a key they have no words for as key=value', () => {
    expect(logDetail({ somethingNew: 7 }, es.tr, fmtEs)).toBe('somethingNew=7');
  });
});
