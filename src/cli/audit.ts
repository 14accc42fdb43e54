import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { runMachine } from '../analyze/audit.js';
import {
  addMachineOptions,
  discoverOptionsFrom,
  openStoreFrom,
  type MachineFlags,
} from './machine-options.js';
import { emitReport, failOnOption, formatOption, outputOption, type FailOn } from './output.js';
import type { ReportFormat } from '../report/index.js';
import type { CliContext } from './context.js';

interface AuditFlags extends MachineFlags {
  format?: ReportFormat;
  output?: string;
  failOn: FailOn;
  packages: boolean;
  offline: boolean;
  cacheDir?: string;
}

export function auditCommand(context: CliContext): Command {
  const command = new Command('audit')
    .summary('discover every MCP server on this machine, check its configuration, store and report')
    .description(
      [
        'The main job. Finds every MCP server that any AI client on this machine is configured to',
        'start or reach (user, project and managed scopes of every known client, plus packages',
        'cached by npx), checks each config for risky practice (secrets written inline, unpinned',
        'packages, plain-HTTP remotes, shell pipelines, dangerous docker flags, look-alike package',
        'names, one name pointing at different servers), records the inventory in the local store',
        'and reports what changed since the last run.',
        '',
        'Then it vets the npm package behind every server run through npx, bunx, pnpm dlx,',
        'yarn dlx or node: from the npx cache when it holds it (what actually runs), otherwise',
        'fetched from the registry your npm uses at the version the config names (cached in',
        '~/.warden/cache; --offline uses the cache only, --no-packages skips this step).',
        '',
        'Nothing found is ever started or executed.',
      ].join('\n'),
    )
    .addOption(formatOption)
    .addOption(outputOption)
    .addOption(failOnOption)
    .option('--no-packages', 'check configs only; do not vet the packages behind the servers')
    .option('--offline', 'vet only packages in the npx cache or ~/.warden/cache; fetch nothing', false)
    .option('--cache-dir <dir>', 'where fetched packages are cached (default ~/.warden/cache)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  warden audit                              report on this machine',
        "  warden audit --cwd ~/code/app             include that project's .mcp.json, .vscode/mcp.json, …",
        '  warden audit --format sarif -o warden.sarif',
        '  warden audit --fail-on medium --no-store  in CI: fail on medium or worse, keep no history',
        '  warden audit --offline                    no network: vet what the npx cache holds',
        '',
        'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or fatal error.',
      ].join('\n'),
    );
  addMachineOptions(command);
  command.action(async (flags: AuditFlags) => {
    const logger = context.logger();
    const discoverOptions = discoverOptionsFrom(flags, logger);
    const store = await openStoreFrom(flags, discoverOptions.home, logger);
    try {
      const { report } = await runMachine({
        command: 'audit',
        discover: discoverOptions,
        logger,
        ...(store ? { store } : {}),
        ...(flags.packages
          ? {
              vet: {
                cacheDir:
                  flags.cacheDir !== undefined
                    ? resolve(flags.cacheDir)
                    : join(discoverOptions.home, '.warden', 'cache'),
                offline: flags.offline,
              },
            }
          : {}),
      });
      context.setExitCode(emitReport(report, { ...flags, ...context.outputStyle() }));
    } finally {
      await store?.close();
    }
  });
  return command;
}
