// Event-log filtering, dead-letter records (payload views, reasons, headers sent back on redrive),
// the browser's reason filter and the redrive plan.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/pipeline-status';
import { convertRecord, englishPhrase, type Phrase } from '../../../shared/convert';
import { deadLetterRecord, DLQ_HEADERS } from '../../../electron/engine/dead-letter';
import { payloadView, redriveHeaders, toDlqRecord, type RawRecord } from '../../../electron/services/dlq-records';
import { planRedrive } from '../../../electron/services/dlq-redrive';
import { coveringRanges, tailRanges } from '../../../electron/services/dlq-scan';
import { countByKind, DEFAULT_FILTER, filterLog } from '../../../renderer/src/features/monitor/log-filter';
import { filterRecords, preview, pretty, reasonsOf } from '../../../renderer/src/features/monitor/dlq-model';
import { DOCS, opts } from '../convert/fixtures';

const entries: LogEntry[] = [
  { at: 1, pipelineId: 'a', level: 'info', kind: 'state', message: 'idle → running', detail: { from: 'idle', to: 'running' } },
  { at: 2, pipelineId: 'a', level: 'warn', kind: 'retry', message: 'Milvus unavailable; retry 1 in 500 ms', detail: { source: 'milvus' } },
  { at: 3, pipelineId: 'b', level: 'info', kind: 'config', message: 'pipeline "b" created' },
  { at: 4, pipelineId: 'a', level: 'warn', kind: 'dead-letter', message: 'field title: too long', detail: { offset: '42' } },
  { at: 5, level: 'error', kind: 'info', message: 'app-wide' },
];

describe('event log filter', () => {
  it('filters by kind, level, pipeline and text, newest first', () => {
    expect(filterLog(entries, DEFAULT_FILTER).shown.map((e) => e.at)).toEqual([5, 4, 3, 2, 1]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, pipelineId: 'a' }).shown.map((e) => e.at)).toEqual([4, 2, 1]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, level: 'problems' }).shown.map((e) => e.at)).toEqual([5, 4, 2]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, kinds: ['retry', 'dead-letter'] }).shown.map((e) => e.at)).toEqual([4, 2]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, text: 'MILVUS' }).shown.map((e) => e.at)).toEqual([2]);
    expect(filterLog(entries, { ...DEFAULT_FILTER, text: '42' }).shown.map((e) => e.at)).toEqual([4]);
  });
  it('bounds what it shows and counts the rest', () => {
    expect(filterLog(entries, DEFAULT_FILTER, 2)).toMatchObject({ total: 5, shown: [{ at: 5 }, { at: 4 }] });
  });
  it('counts entries per kind under the other filters', () => {
    expect(countByKind(entries, { ...DEFAULT_FILTER, kinds: [], pipelineId: 'a' })).toEqual({ state: 1, retry: 1, config: 0, 'dead-letter': 1, info: 0 });
  });
});

const raw = (over: Partial<RawRecord> = {}): RawRecord => ({
  partition: 0,
  offset: '7',
  timestamp: 1000,
  key: Buffer.from('k1'),
  value: Buffer.from('{"id":1,"title":"x"}'),
  headers: {
    trace: Buffer.from('abc'),
    [DLQ_HEADERS.topic]: Buffer.from('orders'),
    [DLQ_HEADERS.partition]: Buffer.from('2'),
    [DLQ_HEADERS.offset]: Buffer.from('99'),
    [DLQ_HEADERS.stage]: Buffer.from('VALUE_CONVERTER'),
    [DLQ_HEADERS.message]: Buffer.from('field title: expected at most 4 bytes'),
    [DLQ_HEADERS.field]: Buffer.from('title'),
    [DLQ_HEADERS.code]: Buffer.from('too_long'),
  },
  ...over,
});

describe('dead-letter records', () => {
  it('reads the reason and source from the Connect and Studio headers, keeping the others', () => {
    const r = toDlqRecord(raw(), 123);
    expect(r.reason).toMatchObject({ code: 'too_long', field: 'title', stage: 'VALUE_CONVERTER', message: 'field title: expected at most 4 bytes' });
    expect(r.source).toEqual({ topic: 'orders', partition: 2, offset: '99' });
    expect(r.headers).toEqual({ trace: 'abc' });
    expect(r.value).toEqual({ text: '{"id":1,"title":"x"}', encoding: 'utf8', bytes: 20, truncated: false });
    expect(r.redrivenAt).toBe(123);
    expect(toDlqRecord(raw({ headers: {} })).reason.code).toBe('unknown');
  });
  it('shows binary payloads as base64 and long ones truncated', () => {
    expect(payloadView(Buffer.from([0xff, 0xfe, 0x00]))).toMatchObject({ encoding: 'base64', text: '//4A', bytes: 3 });
    expect(payloadView(Buffer.from('abcdef'), 4)).toEqual({ text: 'abcd', encoding: 'utf8', bytes: 6, truncated: true });
    expect(payloadView(null)).toBeNull();
  });
  it('sends back the original headers without the error headers', () => {
    expect(redriveHeaders(raw().headers)).toEqual({ trace: Buffer.from('abc') });
  });
  it('plans a redrive to the source topic and partition; unknown sources are problems', () => {
    const noSource = raw({ offset: '8', headers: { trace: 'x' } });
    const gone = raw({ offset: '9', headers: { ...raw().headers, [DLQ_HEADERS.topic]: 'deleted' } });
    const shrunk = raw({ offset: '10', headers: { ...raw().headers, [DLQ_HEADERS.partition]: '7' } });
    const { byTopic, problems } = planRedrive([raw(), noSource, gone, shrunk], new Map([['orders', 3]]));
    const out = byTopic.get('orders') ?? [];
    expect(out.map((o) => o.message.partition)).toEqual([2, undefined]);
    expect(out[0]?.message).toMatchObject({ key: Buffer.from('k1'), headers: { trace: Buffer.from('abc') } });
    expect(problems.map((p) => p.offset)).toEqual(['8', '9']);
  });
  it('reads the newest records per partition, or exactly the chosen ones', () => {
    const bounds = [
      { partition: 0, low: 0n, high: 500n },
      { partition: 1, low: 10n, high: 12n },
      { partition: 2, low: 5n, high: 5n },
    ];
    expect([...tailRanges(bounds, 100)]).toEqual([
      [0, { from: 400n, to: 500n }],
      [1, { from: 10n, to: 12n }],
    ]);
    expect([...coveringRanges(bounds, [{ partition: 0, offset: '7' }, { partition: 0, offset: '3' }, { partition: 1, offset: '2' }, { partition: 9, offset: '1' }])]).toEqual([[0, { from: 3n, to: 8n }]]);
  });
});

describe('dead-letter browser helpers', () => {
  const recs = [toDlqRecord(raw()), toDlqRecord(raw({ offset: '8' }), 5), toDlqRecord(raw({ offset: '9', headers: { [DLQ_HEADERS.code]: 'wrong_dimension' } }))];
  it('groups reasons and filters by reason and redrive state', () => {
    expect(reasonsOf(recs)).toEqual([
      { id: 'too_long · title', code: 'too_long', field: 'title', count: 2 },
      { id: 'wrong_dimension', code: 'wrong_dimension', count: 1 },
    ]);
    expect(filterRecords(recs, 'too_long · title', false).map((r) => r.offset)).toEqual(['7', '8']);
    expect(filterRecords(recs, null, true).map((r) => r.offset)).toEqual(['7', '9']);
  });
  it('previews on one line and pretty-prints JSON with flat arrays inline', () => {
    expect(preview('a\n  b', 10)).toEqual({ text: 'a b', cut: false });
    expect(preview('x'.repeat(20), 5)).toEqual({ text: 'xxxxx…', cut: true });
    expect(pretty('{"v":[1,2],"o":{"s":["a,b"]}}')).toBe('{\n  "v": [1, 2],\n  "o": {\n    "s": ["a,b"]\n  }\n}');
    expect(pretty('not json')).toBe('not json');
  });
});

describe('dead-letter reasons in words', () => {
  const failure = convertRecord({ id: 1, title: 'a', title_vector: [0.1, 0.2, 0.3] }, DOCS, opts());
  if (failure.ok) throw new Error('expected a failure');
  const e = failure.error;
  const source = { topic: 'orders', partition: 0, offset: '5', key: null, value: Buffer.from('{}'), headers: {}, timestamp: 1 };

  it('travel in a Studio header next to the English message and come back checked', () => {
    const out = deadLetterRecord(source, { stage: 'convert', code: e.code, field: e.field, message: e.message, ...(e.words ? { words: e.words } : {}) }, 'p');
    expect(out.headers[DLQ_HEADERS.message]).toBe(e.message);
    const back = toDlqRecord(raw({ headers: out.headers as RawRecord['headers'] })).reason;
    expect(back.words).toEqual(e.words);
    expect(englishPhrase(back.words as Phrase)).toBe(e.message.replace(`field ${e.field ?? ''}: `, ''));
    expect(redriveHeaders(out.headers as RawRecord['headers'])).toEqual({});
  });

  it('are dropped when the header is not ours to trust: unknown keys, odd params, too deep or too long', () => {
    const words = (v: unknown) => toDlqRecord(raw({ headers: { ...raw().headers, [DLQ_HEADERS.words]: typeof v === 'string' ? v : JSON.stringify(v) } })).reason.words;
    expect(words({ key: 'expectedGot', params: { expected: { key: 'value.null', params: {} }, got: 'x' } })).toBeDefined();
    expect(words('not json')).toBeUndefined();
    expect(words({ key: 'no.such.phrase', params: {} })).toBeUndefined();
    expect(words({ key: 'value.number', params: { value: { toString: 1 } } })).toBeUndefined();
    expect(words({ key: 'value.number', params: { value: null } })).toBeUndefined();
    expect(words({ key: 'value.string', params: { text: 'x'.repeat(9000) } })).toBeUndefined();
    let deep: unknown = { key: 'value.null', params: {} };
    for (let i = 0; i < 12; i++) deep = { key: 'at.element', params: { index: i, detail: deep } };
    expect(words(deep)).toBeUndefined();
    expect(toDlqRecord(raw()).reason.words).toBeUndefined();
  });
});
