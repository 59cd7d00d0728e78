// sasl.jaas.config: `<LoginModule> <flag> key="value" ...;`, tokenised like Kafka's JaasConfig
// (quoted strings with backslash escapes, bare words, // and /* */ comments), one module only.

export interface JaasLogin {
  module: string;
  flag: string;
  options: Record<string, string>;
}

type Token = { kind: 'word' | 'quoted'; text: string } | { kind: 'punct'; text: '=' | ';' };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = src.includes('\n', i) ? src.indexOf('\n', i) : src.length;
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated /* comment');
      i = end + 2;
    } else if (c === '=' || c === ';') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      for (;;) {
        const q = src[i];
        if (q === undefined) throw new Error('unterminated quoted value');
        i++;
        if (q === '"') break;
        if (q === '\\' && i < src.length) {
          const n = src[i++] ?? '';
          text += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else text += q;
      }
      tokens.push({ kind: 'quoted', text });
    } else {
      let j = i;
      while (j < src.length && !/[\s=;"]/.test(src[j] ?? '')) j++;
      tokens.push({ kind: 'word', text: src.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

const FLAGS = ['required', 'requisite', 'sufficient', 'optional'];

/** Parses one login module entry; throws an Error whose message says what is wrong, never the values. */
export function parseJaasConfig(src: string): JaasLogin {
  const tokens = tokenize(src);
  const [mod, flag] = tokens;
  if (mod?.kind !== 'word') throw new Error('expected a login module class, e.g. org.apache.kafka.common.security.plain.PlainLoginModule');
  if (flag?.kind !== 'word' || !FLAGS.includes(flag.text.toLowerCase())) {
    throw new Error(`expected a control flag (${FLAGS.join(', ')}) after ${mod.text}`);
  }
  const options: Record<string, string> = {};
  let i = 2;
  for (;;) {
    const t = tokens[i];
    if (t === undefined) throw new Error("missing ';' at the end of the login module entry");
    if (t.kind === 'punct' && t.text === ';') break;
    const eq = tokens[i + 1];
    const value = tokens[i + 2];
    if (t.kind !== 'word' || eq?.text !== '=' || !value || value.kind === 'punct') {
      // Values are never echoed: an option may be a password.
      throw new Error(`option ${(i - 2) / 3 + 1}: expected key=value or key="value"`);
    }
    options[t.text] = value.text;
    i += 3;
  }
  if (tokens.length > i + 1) throw new Error('only one login module is supported in sasl.jaas.config');
  return { module: mod.text, flag: flag.text.toLowerCase(), options };
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function formatJaasConfig(module: string, options: Record<string, string>): string {
  const opts = Object.entries(options).map(([k, v]) => `${k}=${quote(v)}`);
  return `${module} required ${opts.join(' ')};`;
}

export const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
export const SCRAM_LOGIN_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
