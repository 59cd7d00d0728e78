// JSON text helpers for decode.ts. JSON.parse stays the fast path; it silently rounds integers beyond
// 2^53, and Node 20 has no source-text access in revivers, so a message that may have lost precision
// is parsed a second time by the small exact parser below, which yields such integers as bigint.
// The same parser gives precise positions for syntax errors (V8's messages quote the payload).
import { englishPhrase, phrase, type Phrase } from './phrase';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Nesting limit of the exact parser (it recurses; JSON.parse does not). */
export const MAX_EXACT_DEPTH = 512;

export class JsonSyntaxError {
  /** The reason in English ("expected a digit after \".\""). */
  readonly reason: string;
  constructor(
    readonly position: number,
    readonly words: Phrase,
  ) {
    this.reason = englishPhrase(words);
  }
}

/**
 * True when a parsed value holds a number of magnitude ≥ 2^53. Every integer literal that JSON.parse
 * rounded parses to such a number, while ordinary floats (vector components) never do, so this is
 * an exact and cheap trigger for the slow path: one typeof and two compares per array element,
 * no text scan. Iterative, so arbitrarily deep input cannot overflow the stack.
 */
export function hasUnsafeNumber(root: unknown): boolean {
  if (typeof root === 'number') return root > MAX_SAFE || root < -MAX_SAFE;
  if (typeof root !== 'object' || root === null) return false;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'number') {
          if (v > MAX_SAFE || v < -MAX_SAFE) return true;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    } else {
      const rec = node as Record<string, unknown>;
      for (const k in rec) {
        const v = rec[k];
        if (typeof v === 'number') {
          if (v > MAX_SAFE || v < -MAX_SAFE) return true;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    }
  }
  return false;
}

/** Parses JSON text exactly: integers outside ±(2^53−1) become bigint. */
export function parseJsonExact(text: string): unknown {
  const p = new ExactParser(text);
  try {
    const v = p.value(0);
    p.ws();
    if (p.i < text.length) p.fail(phrase('json.unexpectedAfter', { got: p.charAt() }));
    return v;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class ExactParser {
  i = 0;
  constructor(readonly s: string) {}

  fail(reason: Phrase): never {
    throw new JsonSyntaxError(this.i, reason);
  }

  failAt(i: number, reason: Phrase): never {
    this.i = i;
    return this.fail(reason);
  }

  literal(word: string, v: boolean | null): boolean | null {
    this.i += word.length;
    return v;
  }

  charAt(): Phrase {
    return this.i >= this.s.length ? phrase('json.endOfInput') : phrase('json.character', { char: JSON.stringify(this.s[this.i]) });
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  value(depth: number): unknown {
    this.ws();
    const c = this.s.charCodeAt(this.i);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.s.startsWith('true', this.i)) return this.literal('true', true);
    if (this.s.startsWith('false', this.i)) return this.literal('false', false);
    if (this.s.startsWith('null', this.i)) return this.literal('null', null);
    return this.fail(phrase('json.unexpected', { got: this.charAt() }));
  }

  object(depth: number): Record<string, unknown> {
    if (depth >= MAX_EXACT_DEPTH) this.fail(phrase('json.tooDeep', { max: MAX_EXACT_DEPTH }));
    this.i++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.s.charCodeAt(this.i) === 125 /* } */) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 34) this.fail(phrase('json.propertyName', { got: this.charAt() }));
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58 /* : */) this.fail(phrase('json.colon', { got: this.charAt() }));
      this.i++;
      const v = this.value(depth + 1);
      // Plain assignment of "__proto__" would replace the prototype; JSON.parse defines it instead.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c !== 44 /* , */ && c !== 125) this.fail(phrase('json.objectSeparator', { got: this.charAt() }));
      this.i++;
      if (c === 125) return out;
    }
  }

  array(depth: number): unknown[] {
    if (depth >= MAX_EXACT_DEPTH) this.fail(phrase('json.tooDeep', { max: MAX_EXACT_DEPTH }));
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 93 /* ] */) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c !== 44 && c !== 93) this.fail(phrase('json.arraySeparator', { got: this.charAt() }));
      this.i++;
      if (c === 93) return out;
    }
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let i = start;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 92 || i >= s.length) break;
      if (c < 32) this.failAt(i, phrase('json.controlCharacter'));
      i++;
    }
    let out = s.slice(start, i);
    for (;;) {
      if (i >= s.length) this.failAt(i, phrase('json.unterminated'));
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c < 32) this.failAt(i, phrase('json.controlCharacter'));
      if (c !== 92) {
        out += s[i];
        i++;
        continue;
      }
      const e = s[i + 1] ?? '';
      if (e === 'u') {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.failAt(i, phrase('json.badUnicodeEscape'));
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const r = ESCAPES[e];
        if (r === undefined) this.failAt(i, phrase('json.badEscape'));
        out += r;
        i += 2;
      }
    }
  }

  number(): number | bigint {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const first = s.charCodeAt(i);
    if (first === 48) i++;
    else if (first >= 49 && first <= 57) while (isDigit(s.charCodeAt(i))) i++;
    else this.failAt(i, phrase('json.digit'));
    let integer = true;
    if (s.charCodeAt(i) === 46 /* . */) {
      integer = false;
      i++;
      if (!isDigit(s.charCodeAt(i))) this.failAt(i, phrase('json.digitAfterPoint'));
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      integer = false;
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(s.charCodeAt(i))) this.failAt(i, phrase('json.digitInExponent'));
      while (isDigit(s.charCodeAt(i))) i++;
    }
    this.i = i;
    const token = s.slice(start, i);
    // Past 1000 digits no Milvus type can hold the value; avoid slow giant-bigint arithmetic.
    if (integer && i - start >= 16 && i - start <= 1000) {
      const b = BigInt(token);
      return b > BigInt(MAX_SAFE) || b < -BigInt(MAX_SAFE) ? b : Number(b);
    }
    return Number(token);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
