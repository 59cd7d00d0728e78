// The single entry point for every command from either host: check the name against the contract's
// allowlist, validate the payload, run the handler, and turn any failure into a typed error.
import { commandArgs, isCommandName, type CommandName } from '../../shared/contract';
import { AppFailure, type AppError, type RpcResult } from '../../shared/errors';
import { describeIssues } from '../../shared/pipeline-config';
import type { Handlers } from './types';

export type Dispatch = (cmd: unknown, args: unknown) => Promise<RpcResult<unknown>>;

export function createDispatch(handlers: Handlers, onInternalError?: (cmd: string, err: unknown) => void): Dispatch {
  return async (cmd, args) => {
    if (!isCommandName(cmd)) {
      return fail({ code: 'unknown_command', message: `unknown command ${describe(cmd)}` });
    }
    const parsed = commandArgs[cmd].safeParse(args ?? []);
    if (!parsed.success) {
      const lines = describeIssues(parsed.error.issues);
      return fail({ code: 'invalid_payload', message: `${cmd}: ${lines[0] ?? 'invalid arguments'}`, detail: lines.join('\n'), where: cmd });
    }
    try {
      const handler = handlers[cmd] as (...a: unknown[]) => unknown;
      const value = await handler(...(parsed.data as unknown[]));
      return { ok: true, value };
    } catch (err) {
      return fail(toAppError(cmd, err, onInternalError));
    }
  };
}

/** Never throws, whatever was thrown: hostile getters, proxies and null-prototype objects included. */
export function toAppError(cmd: CommandName | string, err: unknown, onInternalError?: (cmd: string, err: unknown) => void): AppError {
  try {
    if (err instanceof AppFailure) return err.toJSON();
  } catch {
    // a Proxy can throw from instanceof; treat it as an unknown failure
  }
  try {
    onInternalError?.(cmd, err);
  } catch {
    // reporting must not turn a typed error into a thrown one
  }
  const message = safely(() => String(err instanceof Error ? err.message : err));
  const detail = safely(() => (err instanceof Error ? err.stack : undefined));
  return { code: 'internal', message: message ? `${cmd} failed: ${message}` : `${cmd} failed`, detail: typeof detail === 'string' ? detail : undefined };
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function fail(error: AppError): RpcResult<never> {
  return { ok: false, error };
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 80));
  return `of type ${v === null ? 'null' : typeof v}`;
}
