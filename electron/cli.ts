// Headless entry: `kafka-milvus-studio <command>`. Routes to the commands, maps their errors to
// exit codes and exits explicitly, because open Kafka/Milvus sockets would otherwise keep Node alive.
import { pathToFileURL } from 'node:url';
import { processContext, type CliContext } from './cli/cli-context';
import { CliError, EXIT } from './cli/exit-codes';
import { USAGE } from './cli/usage';

type Command = (argv: string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  'connect-standalone': async (argv, ctx) => (await import('./cli/run-command')).connectStandaloneCommand(argv, ctx),
  run: async (argv, ctx) => (await import('./cli/run-command')).runCommand(argv, ctx),
  export: async (argv, ctx) => (await import('./cli/export-command')).exportCommand(argv, ctx),
  generate: async (argv, ctx) => (await import('./cli/generate-command')).generateCommand(argv, ctx),
  // Written separately (the headless server); loaded only when asked for.
  serve: async (argv) => (await import('./cli/serve-command')).runServe(argv),
};

export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? ctx.err : ctx.out)(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(`error: unknown command '${name}'\n\n${USAGE}`);
    return EXIT.usage;
  }
  // serve and generate print their own help
  if (name !== 'serve' && name !== 'generate' && (rest.includes('--help') || rest.includes('-h'))) {
    ctx.out(USAGE);
    return EXIT.ok;
  }
  try {
    return await command(rest, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      ctx.err(e.message);
      return e.exitCode;
    }
    ctx.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.runtime;
  }
}

/** Runs the CLI as the process: used when this file is the entry, and by bin/ for the built bundle. */
export function runCli(argv: string[]): void {
  process.on('unhandledRejection', (e) => {
    process.stderr.write(`fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(EXIT.runtime);
  });
  void main(argv).then((code) => process.exit(code));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runCli(process.argv.slice(2));
