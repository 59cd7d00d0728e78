import { describe, expect, it } from 'vitest';
import { formatJaasConfig, parseJaasConfig, PLAIN_LOGIN_MODULE } from '../../../electron/cli/jaas';

describe('parseJaasConfig', () => {
  it('reads a PlainLoginModule entry', () => {
    expect(parseJaasConfig('org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";')).toEqual({
      module: PLAIN_LOGIN_MODULE,
      flag: 'required',
      options: { username: 'u', password: 'p' },
    });
  });

  it('reads bare words, escaped quotes, comments and extra whitespace', () => {
    const src = `org.apache.kafka.common.security.scram.ScramLoginModule  REQUIRED
      /* the service account */ username=svc-1 // bare word
      password="p\\"w\\\\d;=x" tokenauth="true" ;`;
    expect(parseJaasConfig(src)).toEqual({
      module: 'org.apache.kafka.common.security.scram.ScramLoginModule',
      flag: 'required',
      options: { username: 'svc-1', password: 'p"w\\d;=x', tokenauth: 'true' },
    });
  });

  it.each([
    ['', 'expected a login module class'],
    ['PlainLoginModule username="u";', 'expected a control flag'],
    ['PlainLoginModule required username="u"', "missing ';'"],
    ['PlainLoginModule required username "u";', 'option 1: expected key=value'],
    ['PlainLoginModule required username="u;', 'unterminated quoted value'],
    ['PlainLoginModule required /* x', 'unterminated /* comment'],
    ['PlainLoginModule required; Other required;', 'only one login module'],
  ])('rejects %j', (src, message) => {
    expect(() => parseJaasConfig(src)).toThrow(message);
  });

  it('never echoes option values in errors', () => {
    expect(() => parseJaasConfig('PlainLoginModule required password "s3cret";')).toThrow(/^(?!.*s3cret)/);
  });

  it('formats what it parses', () => {
    const text = formatJaasConfig(PLAIN_LOGIN_MODULE, { username: 'u"1', password: 'a\\b' });
    expect(text).toBe(`${PLAIN_LOGIN_MODULE} required username="u\\"1" password="a\\\\b";`);
    expect(parseJaasConfig(text).options).toEqual({ username: 'u"1', password: 'a\\b' });
  });
});
