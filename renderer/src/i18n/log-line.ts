// Event-log lines in the reader's language: the main side sends a message code with parameters
// (shared/log-text.ts); numbers, durations, times, pipeline states and dead-letter reasons are
// worded here for the locale. Raw text from Kafka or Milvus (a cause, a reason) is quoted as is;
// a reason of ours (a conversion error) comes with its words and is translated.
import { fillTemplate } from '../../../shared/fill-template';
import { templateKey, type LogText } from '../../../shared/log-text';
import type { LogEntry } from '../../../shared/pipeline-status';
import { wordConversion } from './conversion-text';
import type { Formatters } from './format';
import type { MessageKey, Translator } from './i18n';

const STATES: readonly string[] = ['idle', 'starting', 'running', 'paused', 'retrying', 'stopping', 'stopped', 'failed'];

/** "Wrong vector dimension" for `wrong_dimension`; an unknown code is shown as it is. */
export function reasonLabel(code: string, tr: Translator): string {
  const key = `reason.${code}` as MessageKey;
  const text = tr.t(key);
  return text === key ? code : text;
}

/** The entry as the reader should see it; an entry without a code keeps its own line. */
export function logLine(e: LogEntry, tr: Translator, fmt: Formatters): string {
  return e.text ? wordText(e.text, tr, fmt, e.message) : e.message;
}

/** A pipeline's cause as the reader should see it: ours in their language, the server's as written. */
export function causeLine(cause: string | undefined, causeText: LogText | undefined, tr: Translator, fmt: Formatters): string | undefined {
  return causeText && cause !== undefined ? wordText(causeText, tr, fmt, cause) : cause;
}

/** `text` in the reader's language; `english` when this renderer does not know the code (a newer main side). */
function wordText(text: LogText, tr: Translator, fmt: Formatters, english: string): string {
  const key = `log.${templateKey(text, (n) => tr.pluralForm(n) === 'one')}` as MessageKey;
  const template = tr.t(key);
  if (template === key) return english;
  const nested = text.code === 'state.changedCause' ? text.params.causeText : undefined;
  const reasonWords = 'reasonWords' in text.params ? text.params.reasonWords : undefined;
  return fillTemplate<string | number>(template, text.params, (name, v) => {
    if (typeof v === 'number') {
      if (name.endsWith('Ms')) return fmt.duration(v);
      if (name === 'at') return fmt.timestamp(v);
      return fmt.number(v);
    }
    if ((name === 'from' || name === 'to') && STATES.includes(v)) return tr.t(`pipeline.state.${v}` as MessageKey);
    if (name === 'reasonCode') return reasonLabel(v, tr);
    if (name === 'cause' && nested) return wordText(nested, tr, fmt, v);
    if (name === 'reason' && reasonWords) return wordConversion(reasonWords, tr, fmt) ?? v;
    return v;
  });
}


/**
 * The structured details of an entry, worded for the reader: "partición 0 · offset 5 · campo v".
 * A reason code reads as its name; a key this renderer has no words for stays key=value.
 */
export function logDetail(detail: Readonly<Record<string, string | number>>, tr: Translator, fmt: Formatters): string {
  return Object.entries(detail)
    .map(([name, v]) => {
      if (name === 'code') return reasonLabel(String(v), tr);
      const value = typeof v === 'number' ? (name.endsWith('Ms') ? fmt.duration(v) : fmt.number(v)) : v;
      const key = `log.detail.${name}` as MessageKey;
      const text = tr.t(key, { value });
      return text === key ? `${name}=${value}` : text;
    })
    .join(' · ');
}
