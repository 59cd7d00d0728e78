// Event-log lines in the reader's language: the main side sends a message code with parameters
// (shared/log-text.ts); numbers, durations, times, pipeline states and dead-letter reasons are
// worded here for the locale. Raw text from Kafka or Milvus (a cause, a reason) is quoted as is.
import { fillTemplate, templateKey } from '../../../shared/log-text';
import type { LogEntry } from '../../../shared/pipeline-status';
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
  const text = e.text;
  if (!text) return e.message;
  const key = `log.${templateKey(text, (n) => tr.pluralForm(n) === 'one')}` as MessageKey;
  const template = tr.t(key);
  if (template === key) return e.message; // a code this renderer does not know (newer main side)
  return fillTemplate(template, text.params, (name, v) => {
    if (typeof v === 'number') {
      if (name.endsWith('Ms')) return fmt.duration(v);
      if (name === 'at') return fmt.timestamp(v);
      return fmt.number(v);
    }
    if ((name === 'from' || name === 'to') && STATES.includes(v)) return tr.t(`pipeline.state.${v}` as MessageKey);
    if (name === 'reasonCode') return reasonLabel(v, tr);
    return v;
  });
}

