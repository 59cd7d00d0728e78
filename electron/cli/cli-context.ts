// What every command gets: output streams and the process' signals, injectable for tests.
import type { SignalSource } from './run-pipeline';

export interface CliContext {
  out(line: string): void;
  err(line: string): void;
  signals: SignalSource;
}

export function processContext(): CliContext {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    signals: process,
  };
}
