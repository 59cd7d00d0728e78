// The .properties reader follows java.util.Properties.load; the writer's output reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProperties, formatProperty, parseProperties, PropertiesError } from '../../../electron/cli/properties';

const values = (text: string) => Object.fromEntries([...parseProperties(text, 'f.properties').entries].map(([k, e]) => [k, e.value]));

describe('parseProperties', () => {
  it('reads key=value, key:value and key value, trimming around the separator only', () => {
    expect(values('a=1\nb:2\nc 3\n  d  =  4  \ne\t:\t5\nf   =g=h\n')).toEqual({ a: '1', b: '2', c: '3', d: '4  ', e: '5', f: 'g=h' });
  });

  it('takes only the first separator after a whitespace-terminated key', () => {
    expect(values('k = = v\nj  :x\n')).toEqual({ k: '= v', j: 'x' });
  });

  it('skips comments (# and !) and blank lines, including lines with only whitespace', () => {
    expect(values('# comment\n! also\n   # indented comment\n\n \t \nk=v # not a comment\n')).toEqual({ k: 'v # not a comment' });
  });

  it('reads a key without a value as the empty string', () => {
    expect(values('empty\nalso=\nspaced   \n')).toEqual({ empty: '', also: '', spaced: '' });
  });

  it('decodes escapes: \\t \\n \\r \\f \\uXXXX, \\\\ and escaped ordinary characters', () => {
    expect(values('k=a\\tb\\nc\\rd\\fe\\u00e9\\u4e2d\\\\f\\q\\=\\:\\#\n')).toEqual({ k: 'a\tb\nc\rd\fe\u00e9\u4e2d\\fq=:#' });
  });

  it('allows escaped separators and spaces inside keys', () => {
    expect(values('a\\=b=1\nc\\:d:2\ne\\ f 3\n')).toEqual({ 'a=b': '1', 'c:d': '2', 'e f': '3' });
  });

  it('joins continuation lines, dropping the leading whitespace of the next line', () => {
    expect(values('k=one, \\\n     two, \\\n\tthree\nnext=1\n')).toEqual({ k: 'one, two, three', next: '1' });
  });

  it('does not continue after an even number of backslashes', () => {
    expect(values('k=ends with\\\\\nnext=1\n')).toEqual({ k: 'ends with\\', next: '1' });
  });

  it('does not continue a comment that ends in a backslash', () => {
    expect(values('# comment \\\nk=v\n')).toEqual({ k: 'v' });
  });

  it('keeps comment characters on continuation lines as text', () => {
    expect(values('k=a\\\n#b\n')).toEqual({ k: 'a#b' });
  });

  it('ends the value at an empty continuation line and at end of file', () => {
    expect(values('k=a\\\n\nj=b\\')).toEqual({ k: 'a', j: 'b' });
  });

  it('handles CRLF and CR line ends and a byte order mark', () => {
    expect(values('\uFEFFa=1\r\nb=2\rc=3\\\r\n  4')).toEqual({ a: '1', b: '2', c: '34' });
  });

  it('keeps the last of duplicated keys and reports the lines', () => {
    const p = parseProperties('a=1\nb=2\na=3\n', 'w.properties');
    expect(p.entries.get('a')).toEqual({ value: '3', line: 3 });
    expect(p.duplicates).toEqual([{ key: 'a', lines: [1, 3] }]);
  });

  it('records the line where each logical line starts', () => {
    const p = parseProperties('# c\n\na=1\nb=x\\\n  y\nc=3\n', 'w.properties');
    expect([...p.entries].map(([k, e]) => [k, e.line])).toEqual([['a', 3], ['b', 4], ['c', 6]]);
  });

  it('rejects a malformed \\u escape with file and line', () => {
    let caught: unknown;
    try {
      parseProperties('a=1\n\nb=\\u12g4\n', 'connector.properties');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PropertiesError);
    expect(caught).toMatchObject({ file: 'connector.properties', line: 3 });
    expect((caught as Error).message).toBe('connector.properties:3: malformed \\uXXXX escape: \\u12g4');
  });
});

describe('formatProperty', () => {
  it('escapes separators and comment marks in keys, leading spaces and non-ASCII', () => {
    expect(formatProperty('#a key=:', ' v=#!:é')).toBe('\\#a\\ key\\=\\:=\\ v=#!:\\u00e9');
    expect(formatProperty('bootstrap.servers', 'host:9092')).toBe('bootstrap.servers=host:9092');
  });

  it('writes multi-line values as continuation lines', () => {
    expect(formatProperty('pem', 'L1\nL2\n')).toBe('pem=L1\\n\\\n    L2\\n\\\n    ');
  });

  it('reads back exactly what it wrote, for any key and value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (key, value, other) => {
        const text = formatProperties('header', [{ comment: 'c', entries: [[key, value], [`${key}.x`, other]] }]);
        const parsed = values(text);
        expect(parsed[key]).toBe(value);
        expect(parsed[`${key}.x`]).toBe(other);
      }),
      { numRuns: 500 },
    );
  });
});
