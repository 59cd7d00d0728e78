// Types of the record → row conversion. The implementation is pure: no clients, no I/O.
import type { ExtraFieldPolicy, FieldMapping, ValueFormat, VectorEncoding } from '../pipeline-config';
import type { Phrase } from './phrase';

/** A row ready for the Milvus SDK's insert/upsert (`data: Row[]`). */
export type Row = Record<string, unknown>;

export type ConversionErrorCode =
  | 'invalid_json'
  | 'invalid_utf8'
  | 'empty_value'
  | 'not_an_object'
  | 'envelope_mismatch'
  | 'missing_field'
  | 'null_not_allowed'
  | 'wrong_type'
  | 'out_of_range'
  | 'too_long'
  | 'wrong_dimension'
  | 'invalid_vector'
  | 'over_capacity'
  | 'unknown_field'
  | 'pk_on_auto_id'
  | 'too_large';

export interface ConversionError {
  code: ConversionErrorCode;
  /** Target field name, when the error belongs to one field. */
  field?: string;
  /** One sentence for people: "field title_vector: expected 8 numbers, got 7". */
  message: string;
  expected?: string;
  got?: string;
  /** `message` as a phrase for other languages, without the "field <name>: " prefix. */
  words?: Phrase;
}

export interface ConvertOptions {
  mapping: FieldMapping[];
  ignore: string[];
  valueFormat: ValueFormat;
  vectorEncoding: VectorEncoding;
  extraFields: ExtraFieldPolicy;
}

export type ConvertResult =
  | { ok: true; row: Row; /** source fields dropped by the extra-field policy */ dropped: string[] }
  | { ok: false; error: ConversionError };

export type FieldResult = { ok: true; value: unknown } | { ok: false; error: ConversionError };

export interface DecodeOptions {
  /** Messages larger than this are rejected before parsing ('too_large'). Default 8 MiB. */
  maxBytes?: number;
}

export type DecodeResult =
  | { ok: true; value: unknown; format: 'json' | 'connect' }
  | { ok: false; error: ConversionError };

/** A converter compiled once per (schema, options): message object → row. */
export type RecordConverter = (value: unknown) => ConvertResult;
