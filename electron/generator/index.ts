// Demo data generator: plain Node, shared by the app's producer service, `serve --demo` and
// `cli generate`.
export { CORPUS, linkFor, slugify, type CorpusEntry } from './corpus';
export { FatalSendError, startGenerator, type GeneratorHandle, type GeneratorOptions, type GeneratorProgress, type GeneratorState } from './generator';
export { kafkaSender, type KafkaSender } from './kafka-sender';
export { RateLimiter, sleep } from './rate-limiter';
export { createRecordFactory, defaultIdStart, type DemoRecord, type RecordFactory } from './records';
export { hash32, seededRandom } from './hash';
export { cosine, normalize, randomUnitVector, textFeatures, vectorFromText } from './text-vector';
