// Why a message does not convert, in the reader's language: conversion errors carry their sentence
// as a phrase (shared/convert/phrase.ts) next to the English message. Counts, limits and positions
// get the locale's numbers; text quoted from the message is shown as it arrived.
import { messageWords, wordPhrase, type Phrase, type PhraseWording } from '../../../shared/convert/phrase';
import type { Formatters } from './format';
import type { MessageKey, Translator } from './i18n';

/** What the renderer needs of a ConversionError (also a sample problem or a json issue). */
export interface ConversionDetail {
  message: string;
  field?: string;
  words?: Phrase;
}

function wording(tr: Translator, fmt: Formatters): PhraseWording {
  return {
    template(key) {
      const id = `convert.${key}` as MessageKey;
      const text = tr.t(id);
      return text === id ? undefined : text;
    },
    number: (n) => fmt.number(n),
    isOne: (n) => tr.pluralForm(n) === 'one',
  };
}

/** The phrase in the reader's language; undefined when it uses a key this renderer does not know. */
export function wordConversion(words: Phrase, tr: Translator, fmt: Formatters): string | undefined {
  return wordPhrase(words, wording(tr, fmt));
}

/** The English message without the "field x: " prefix the field name already shows. */
export function englishDetail(error: ConversionDetail): string {
  const prefix = error.field === undefined ? '' : `field ${error.field}: `;
  return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** The detail sentence for the reader, without the field prefix; English when there are no words. */
export function conversionDetail(error: ConversionDetail, tr: Translator, fmt: Formatters): string {
  return (error.words && wordConversion(error.words, tr, fmt)) ?? englishDetail(error);
}

/** The whole message for the reader, "field x: " prefix included (where no field is shown apart). */
export function conversionMessage(error: ConversionDetail, tr: Translator, fmt: Formatters): string {
  const words = messageWords(error);
  return (words && wordConversion(words, tr, fmt)) ?? error.message;
}
