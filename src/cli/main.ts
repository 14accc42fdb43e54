#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { WardenError } from '../model/errors.js';
import { createCliLogger } from './logger.js';
import { auditCommand } from './audit.js';
import { discoverCommand } from './discover.js';
import { scanCommand } from './scan.js';
import type { CliContext } from './context.js';

interface GlobalFlags {
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

function buildProgram(): Command {
  const program = new Command('warden');
  const globals = (): GlobalFlags => program.opts<GlobalFlags>();
  const context: CliContext = {
    logger: () =>
      createCliLogger({ quiet: globals().quiet, verbose: globals().verbose, progress: process.stderr.isTTY }),
    outputStyle: () => ({
      color: globals().color && process.stdout.isTTY && !process.env.NO_COLOR,
      verbose: globals().verbose,
    }),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
  program
    .description('Find, vet and guard every Model Context Protocol (MCP) server your AI agents use.')
    .version(VERSION, '-V, --version')
    .option('-q, --quiet', 'print only the report and errors', false)
    .option('-v, --verbose', 'more detail: remediation for each finding, debug lines on stderr', false)
    .option('--no-color', 'no colours in terminal output (also NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addCommand(auditCommand(context))
    .addCommand(discoverCommand(context))
    .addCommand(scanCommand(context))
    .addHelpText(
      'after',
      [
        '',
        'Start with:  warden audit',
        'Exit codes:  0 nothing at or above --fail-on (default high), 1 findings at or above it,',
        '             2 usage error or a target that could not be analysed.',
        'Nothing is ever uploaded; only `scan name@version` style targets reach a registry.',
      ].join('\n'),
    );
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof WardenError) {
      process.stderr.write(`warden: ${error.message} [${error.code}]\n`);
      process.exitCode = 2;
      return;
    }
    const detail =
      error instanceof Error
        ? program.opts<GlobalFlags>().verbose
          ? error.stack
          : error.message
        : String(error);
    process.stderr.write(
      `warden: internal error: ${detail ?? ''}\nPlease report it with the command you ran (--verbose shows the stack).\n`,
    );
    process.exitCode = 2;
  }
}

await main(process.argv);
