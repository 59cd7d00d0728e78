import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeValue } from '../../../shared/convert';
import { hasUnsafeNumber, JsonSyntaxError, parseJsonExact } from '../../../shared/convert/json-text';
import { failure } from './fixtures';

const bytes = (s: string) => new TextEncoder().encode(s);

function value(r: ReturnType<typeof decodeValue>): unknown {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('decodeValue: bytes and text', () => {
  it('parses a JSON object from bytes and from text', () => {
    expect(decodeValue(bytes('{"id":1,"title":"héllo"}'), 'json')).toEqual({ ok: true, value: { id: 1, title: 'héllo' }, format: 'json' });
    expect(decodeValue('{"id":1}', 'auto')).toEqual({ ok: true, value: { id: 1 }, format: 'json' });
  });

  it('reads a view into a larger buffer (as Kafka clients hand out)', () => {
    const whole = bytes('xx{"a":1}yy');
    expect(value(decodeValue(whole.subarray(2, 9), 'json'))).toEqual({ a: 1 });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(value(decodeValue(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":2}')]), 'json'))).toEqual({ a: 2 });
  });

  it('reports tombstones (null/undefined values) as empty_value', () => {
    expect(failure(decodeValue(null, 'auto'), 'empty_value')).toMatch(/tombstone/);
    expect(failure(decodeValue(undefined, 'json'), 'empty_value')).toMatch(/tombstone/);
  });

  it('reports empty and blank values as empty_value', () => {
    failure(decodeValue(new Uint8Array(0), 'json'), 'empty_value');
    failure(decodeValue(' \n\t ', 'json'), 'empty_value');
  });

  it('reports invalid UTF-8 with the offset of the bad byte', () => {
    expect(failure(decodeValue(new Uint8Array([0x7b, 0x22, 0xff, 0x22]), 'json'), 'invalid_utf8')).toMatch(/offset 2/);
    // Overlong encoding and a lone surrogate encoded in UTF-8 are invalid too.
    failure(decodeValue(new Uint8Array([0x22, 0xc0, 0xaf, 0x22]), 'json'), 'invalid_utf8');
    failure(decodeValue(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]), 'json'), 'invalid_utf8');
  });

  it('reports invalid JSON with position, line and column, without quoting the payload', () => {
    const msg = failure(decodeValue('{"a":}', 'json'), 'invalid_json');
    expect(msg).toContain('position 5 (line 1, column 6)');
    expect(failure(decodeValue('{\n  "a": 1,\n  "b" 2\n}', 'json'), 'invalid_json')).toContain('line 3, column 7');
    expect(failure(decodeValue('{"a":1', 'json'), 'invalid_json')).toMatch(/end of input/);
    expect(failure(decodeValue('{"a":1} x', 'json'), 'invalid_json')).toMatch(/after the JSON value/);
    const secret = `{"token":"${'s'.repeat(200)}" oops}`;
    expect(failure(decodeValue(secret, 'json'), 'invalid_json')).not.toContain('sss');
  });

  it('rejects values above maxBytes before parsing', () => {
    expect(failure(decodeValue(bytes('{"a":"0123456789"}'), 'json', { maxBytes: 10 }), 'too_large')).toMatch(/limit 10/);
    failure(decodeValue('{"a":"0123456789"}', 'json', { maxBytes: 10 }), 'too_large');
    expect(decodeValue(bytes('{"a":1}'), 'json', { maxBytes: 7 }).ok).toBe(true);
  });

  it('rejects values that are neither bytes nor text', () => {
    failure(decodeValue(42 as unknown as string, 'json'), 'invalid_json');
  });
});

describe('decodeValue: integers beyond 2^53 stay exact', () => {
  it('yields bigint for integer literals outside the safe range', () => {
    const v = value(decodeValue('{"id": 9007199254740993, "neg": -9223372036854775808, "ok": 9007199254740991}', 'json'));
    expect(v).toEqual({ id: 9007199254740993n, neg: -9223372036854775808n, ok: 9007199254740991 });
  });

  it('keeps floats with long fractions as numbers, equal to JSON.parse', () => {
    const text = '{"v":[0.12345678901234567,-0.98765432109876543,1.0000000000000002,12345678.123456789],"id":9223372036854775807}';
    const v = value(decodeValue(text, 'json')) as { v: number[]; id: bigint };
    expect(v.v).toEqual((JSON.parse(text) as { v: number[] }).v);
    expect(v.id).toBe(9223372036854775807n);
  });

  it('only re-parses when JSON.parse produced a number of magnitude ≥ 2^53', () => {
    expect(hasUnsafeNumber(JSON.parse('{"v":[0.1234567890123456789,1e15,-9007199254740991]}'))).toBe(false);
    expect(hasUnsafeNumber(JSON.parse('{"a":[{"b":[9007199254740993]}]}'))).toBe(true);
    expect(hasUnsafeNumber(JSON.parse('[-1e300]'))).toBe(true);
    expect(hasUnsafeNumber(2 ** 64)).toBe(true);
  });

  it('keeps float-looking large literals as numbers in the exact path', () => {
    expect(value(decodeValue('{"a":1e20,"b":12345678901234567890.5,"c":12345678901234567890}', 'json'))).toEqual({
      a: 1e20,
      b: Number('12345678901234567890.5'),
      c: 12345678901234567890n,
    });
  });

  it('handles strings, escapes and "__proto__" keys in the exact path like JSON.parse', () => {
    const text = '{"s":"a\\"b\\u00e9\\n\\/ 12345678901234567890","__proto__":{"x":1},"big":[99999999999999999999]}';
    const v = value(decodeValue(text, 'json')) as Record<string, unknown>;
    expect(v.s).toBe('a"bé\n/ 12345678901234567890');
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(v.big).toEqual([99999999999999999999n]);
  });
});

describe('parseJsonExact agrees with JSON.parse', () => {
  it('on arbitrary JSON without unsafe integers', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        const expected: unknown = JSON.parse(text);
        if (hasUnsafeNumber(expected)) return;
        expect(parseJsonExact(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('on what is and is not valid JSON', () => {
    const cases = ['', ' ', '{', '}', '[1,]', '{"a":1,}', '01', '1.', '.5', '-', '1e', '"\t"', '"\\x"', '"\\u12"', 'tru', 'nul', 'NaN', '[1 2]', '{"a" 1}', '{a:1}',
      '"abc', '0', '-0', '1E+2', '[]', '{}', '"\\ud800"', ' [ 1 , { "a" : [ ] } ] ', 'true', 'null', '"é"'];
    for (const text of cases) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(parseJsonExact(text) instanceof JsonSyntaxError, text).toBe(!valid);
    }
  });
});

describe('decodeValue: Kafka Connect envelopes', () => {
  const envelope = JSON.stringify({
    schema: {
      type: 'struct',
      fields: [
        { field: 'id', type: 'int64', optional: false },
        { field: 'title', type: 'string', optional: true },
        { field: 'vec', type: 'array', items: { type: 'float' }, optional: false },
      ],
    },
    payload: { id: 7, title: null, vec: [0.5, 1] },
  });

  it('unwraps the payload with format connect or auto', () => {
    expect(decodeValue(envelope, 'connect')).toEqual({ ok: true, value: { id: 7, title: null, vec: [0.5, 1] }, format: 'connect' });
    expect(decodeValue(bytes(envelope), 'auto')).toMatchObject({ ok: true, format: 'connect' });
  });

  it('leaves the envelope alone with format json', () => {
    expect(decodeValue(envelope, 'json')).toMatchObject({ ok: true, format: 'json', value: { schema: { type: 'struct' } } });
  });

  it('does not mistake ordinary objects for envelopes in auto mode', () => {
    expect(decodeValue('{"schema":{"type":"x"},"payload":1,"id":2}', 'auto')).toMatchObject({ ok: true, format: 'json' });
    expect(decodeValue('{"schema":"v1","payload":{}}', 'auto')).toMatchObject({ ok: true, format: 'json' });
  });

  it('requires an envelope with format connect', () => {
    expect(failure(decodeValue('{"id":1}', 'connect'), 'envelope_mismatch')).toMatch(/schema.*payload/);
  });

  it('checks payload fields against the declared types', () => {
    const bad = (payload: unknown) => decodeValue(JSON.stringify({ schema: JSON.parse(envelope).schema, payload }), 'connect');
    expect(failure(bad({ id: 'abc', vec: [] }), 'envelope_mismatch')).toBe('field id: the Kafka Connect schema says int64, but the payload has string "abc"');
    expect(failure(bad({ id: 1.5, vec: [] }), 'envelope_mismatch')).toMatch(/^field id:/);
    expect(failure(bad({ id: 1, title: 5, vec: [] }), 'envelope_mismatch')).toMatch(/^field title:/);
    expect(failure(bad({ id: 1 }), 'envelope_mismatch')).toMatch(/^field vec: .*required/);
    expect(failure(bad([1]), 'envelope_mismatch')).toMatch(/says struct/);
    expect(failure(bad(null), 'empty_value')).toMatch(/null payload/);
  });

  it('accepts int64 payload values beyond 2^53 exactly', () => {
    const text = '{"schema":{"type":"struct","fields":[{"field":"id","type":"int64"}]},"payload":{"id":18446744073709551615}}';
    expect(value(decodeValue(text, 'connect'))).toEqual({ id: 18446744073709551615n });
  });
});
