// `generate` arguments: defaults, every option, and usage errors that name the problem.
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../../electron/cli/generate-command';
import { CliError } from '../../../electron/cli/exit-codes';

describe('generate arguments', () => {
  it('needs only a topic', () => {
    expect(parseGenerateArgs(['--topic', 't1'])).toEqual({ topic: 't1', ratePerSec: 50, dim: 8, brokers: ['127.0.0.1:9092'] });
  });

  it('reads every option', () => {
    expect(parseGenerateArgs(['--topic', 't', '--rate', '2.5', '--count', '10', '--dim', '768', '--brokers', 'a:1, b:2', '--create-topic', '6', '--id-start', '100'])).toEqual({
      topic: 't',
      ratePerSec: 2.5,
      count: 10,
      dim: 768,
      brokers: ['a:1', 'b:2'],
      createPartitions: 6,
      idStart: 100,
    });
    expect(parseGenerateArgs(['--create-topic', '--topic', 't']).createPartitions).toBe(3);
  });

  it('explains usage errors', () => {
    const err = (argv: string[]) => {
      try {
        parseGenerateArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        return (e as CliError).message.split('\n')[0];
      }
      return 'no error';
    };
    expect(err([])).toMatch(/--topic needs a topic name/);
    expect(err(['--topic', 't', '--rate', '0'])).toMatch(/--rate needs a number from 0.1/);
    expect(err(['--topic', 't', '--count', '1.5'])).toMatch(/--count needs an integer/);
    expect(err(['--topic', 't', '--brokers', 'nope'])).toMatch(/host:port/);
    expect(err(['--topic', 't', '--what'])).toMatch(/unknown option --what/);
    expect(err(['--topic'])).toMatch(/--topic needs a value/);
  });
});
