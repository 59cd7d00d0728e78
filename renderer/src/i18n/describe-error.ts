// Turns a typed AppError into what the UI shows: a translated category title, a one-line hint
// with the next step, and the raw detail for the "Details" disclosure.
import type { AppError } from '../../../shared/errors';
import { ERROR_CODES } from '../../../shared/errors';
import { CONNECTION_LOST } from '../transport/websocket-transport';
import { errorKey, hintKey, type Translator } from './i18n';

export interface ErrorView {
  title: string;
  hint: string;
  /** Raw text for people who want it; English, as the server wrote it. */
  detail: string;
}

export function describeError(error: AppError, tr: Translator): ErrorView {
  if (error.code === CONNECTION_LOST.code && error.message === CONNECTION_LOST.message) {
    return { title: tr.t('error.connectionLost'), hint: tr.t('hint.connectionLost'), detail: error.message };
  }
  const code = (ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'internal';
  const detail = [error.message, error.detail, error.where ? `(${error.where})` : undefined].filter(Boolean).join('\n');
  return { title: tr.t(errorKey(code)), hint: tr.t(hintKey(code)), detail };
}
