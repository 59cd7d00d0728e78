// Record → row conversion: pure functions, no clients, no I/O, never throw.
//
// Output forms are what @zilliz/milvus2-sdk-node 3.0.6 takes in insert/upsert `data` rows
// (dist/milvus/grpc/Data.js `_insert`, dist/milvus/utils/Data.js `buildFieldData`,
// dist/milvus/utils/Bytes.js). Every row also survives JSON.parse(JSON.stringify(row)), which the
// SDK applies to rows of dynamic-field collections (utils/Format.js `cloneObj`).
// - Int64: number when |v| ≤ 2^53−1, else a decimal string. protobufjs encodes strings exactly
//   (Long.fromString); bigint would encode too but crashes the JSON clone.
// - FloatVector, Float16Vector, BFloat16Vector, Int8Vector: number[]. The SDK converts f16/bf16
//   arrays itself (f32ArrayToF16Bytes / f32ArrayToBf16Bytes) and int8 via int8VectorRowsToBytes;
//   base64 input is decoded to numbers first (bytes would not survive the clone).
// - BinaryVector: number[] of dim/8 bytes (f32ArrayToBinaryBytes; the SDK checks length = dim/8).
// - SparseFloatVector: {"index": value} (the SDK's "dict" form, sparseToBytes); JS orders integer
//   keys ascending, which gives Milvus the sorted, unique indices it requires.
// - JSON / $meta: plain JSON values; bigints become decimal strings (JSON.stringify throws on them).
export { decodeValue, DEFAULT_MAX_BYTES } from './decode';
export { convertField } from './field';
export { englishPhrase, messageWords, phraseFromJson, wordPhrase, type Phrase, type PhraseKey, type PhraseParam, type PhraseWording } from './phrase';
export { CONVERT_PHRASES_EN, type PhraseTemplateKey } from './phrases-en';
export { compileSchema, convertRecord } from './record';
export type {
  ConversionError,
  ConversionErrorCode,
  ConvertOptions,
  ConvertResult,
  DecodeOptions,
  DecodeResult,
  FieldResult,
  RecordConverter,
  Row,
} from './types';
