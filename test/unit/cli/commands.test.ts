// The router and the commands that need no services: help, usage errors, config errors, export.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli';
import type { CliContext } from '../../../electron/cli/cli-context';
import { loadPipelineJson } from '../../../electron/cli/load-config';
import { PIPELINE_DEFAULTS } from '../../../shared/pipeline-config';

const dir = mkdtempSync(join(tmpdir(), 'cli-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { out: (l) => out.push(l), err: (l) => err.push(l), signals: new EventEmitter() as unknown as CliContext['signals'] };
  const code = await main(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const pipeline = {
  id: 'p1',
  name: 'p1',
  kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' },
  topics: { names: ['t1'] },
  groupId: 'connect-p1',
  milvus: { address: 'http://127.0.0.1:19530' },
  collection: 'docs',
  errorTolerance: 'none',
};

describe('router', () => {
  it('prints usage for help and --help (exit 0), and on stderr with no command (exit 2)', async () => {
    for (const arg of ['help', '--help', '-h']) {
      const r = await cli(arg);
      expect(r.code).toBe(0);
      expect(r.out).toContain('usage: kafka-milvus-studio <command>');
    }
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('connect-standalone <worker.properties> <connector.properties>');
  });

  it('rejects an unknown command with usage and exit 2', async () => {
    const r = await cli('start');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: unknown command 'start'\n\nusage:/);
  });

  it.each([
    [['run'], 'error: expected one file, got 0'],
    [['run', 'a.json', 'b.json'], 'error: expected one file, got 2'],
    [['run', '--fast', 'a.json'], 'error: unknown option --fast'],
    [['connect-standalone', 'w.properties'], 'error: expected 2 files, got 1'],
    [['connect-standalone', 'w', 'c1', 'c2'], 'error: one connector file per process'],
    [['export', 'a.json'], 'error: --format is required'],
    [['export', '--format', 'yaml', 'a.json'], "error: --format: expected properties or json, got 'yaml'"],
    [['export', '--format=json'], 'error: expected a pipeline JSON or two properties files, got 0 files'],
    [['export', '--format', 'json', '--out'], 'error: --out needs a value'],
  ])('exits 2 for %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('config errors exit 3', () => {
  it('names a missing file', async () => {
    const r = await cli('run', join(dir, 'nope.json'));
    expect(r).toMatchObject({ code: 3, err: `error: ${join(dir, 'nope.json')}: cannot read: no such file` });
  });

  it('names invalid JSON and every invalid field, by path', async () => {
    expect((await cli('run', file('bad.json', '{"id": '))).err).toMatch(/^error: .*bad\.json: not valid JSON: /);
    const r = await cli('run', file('invalid.json', JSON.stringify({ ...pipeline, collection: 'my-docs', batchSize: 0, retry: { maxBackoffMs: 100 } })));
    expect(r.code).toBe(3);
    expect(r.err.split('\n')).toEqual([
      `error: ${join(dir, 'invalid.json')}: collection: names start with a letter or "_" and use letters, digits and "_"`,
      `error: ${join(dir, 'invalid.json')}: batchSize: Too small: expected number to be >=1`,
      `error: ${join(dir, 'invalid.json')}: retry.maxBackoffMs: must be at least initialBackoffMs`,
    ]);
    expect((await cli('run', file('array.json', '[]'))).err).toContain('expected a JSON object');
  });

  it('names the file and line of a malformed properties file', async () => {
    const r = await cli('connect-standalone', file('w.properties', 'bootstrap.servers=b:9092\n'), file('c.properties', 'name=x\ntoken=\\u12\n'));
    expect(r).toMatchObject({ code: 3, err: `error: ${join(dir, 'c.properties')}:2: malformed \\uXXXX escape: \\u12` });
  });

  it('prints every diagnostic, notes first, then a summary', async () => {
    const r = await cli('connect-standalone', file('w2.properties', 'plugin.path=/x\n'), file('c2.properties', 'name=x\nerrors.tolerance=some\n'));
    expect(r.code).toBe(3);
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(/^note: /);
    expect(lines).toContain(`error: ${join(dir, 'c2.properties')}: errors.tolerance: expected none or all, got 'some' (line 2)`);
    expect(lines.at(-1)).toMatch(/^4 errors in .*w2\.properties \/ .*c2\.properties; nothing was started$/);
  });
});

describe('loadPipelineJson', () => {
  it('fills the defaults, merging a partial retry policy', () => {
    const c = loadPipelineJson(file('min.json', JSON.stringify({ ...pipeline, retry: { maxAttempts: 3 } })));
    expect(c).toEqual({ ...PIPELINE_DEFAULTS, ...pipeline, retry: { ...PIPELINE_DEFAULTS.retry, maxAttempts: 3 } });
  });
});

describe('export', () => {
  it('converts a pipeline JSON to properties on stdout', async () => {
    const r = await cli('export', '--format', 'properties', file('p.json', JSON.stringify(pipeline)));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^#### worker\.properties ####\n# Kafka Connect worker/);
    expect(r.out).toContain('#### connector.properties ####\n# Milvus sink connector');
    expect(r.out).toContain('collection.name=docs');
  });

  it('writes Kafka Connect files converted to JSON into --out, readable by the user only', async () => {
    const w = file('w3.properties', 'bootstrap.servers=127.0.0.1:9092\n');
    const c = file('c3.properties', 'name=p1\npublic.endpoint=http://127.0.0.1:19530\ncollection.name=docs\ntopics=t1\n');
    const out = join(dir, 'out');
    const r = await cli('export', '--format=json', w, c, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${join(out, 'p1.json')}`);
    expect(JSON.parse(readFileSync(join(out, 'p1.json'), 'utf8'))).toEqual({ ...PIPELINE_DEFAULTS, ...pipeline });
    expect(statSync(join(out, 'p1.json')).mode & 0o777).toBe(0o600);
    const props = await cli('export', '--format', 'properties', join(out, 'p1.json'), '--out', out);
    expect(props.err.split('\n')).toEqual([`wrote ${join(out, 'worker.properties')}`, `wrote ${join(out, 'connector.properties')}`]);
  });
});
