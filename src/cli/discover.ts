import { writeFileSync } from 'node:fs';
import { styleText } from 'node:util';
import { Command, Option } from 'commander';
import { runMachine } from '../analyze/audit.js';
import type { Report } from '../model/report.js';
import {
  addMachineOptions,
  discoverOptionsFrom,
  openStoreFrom,
  type MachineFlags,
} from './machine-options.js';
import type { CliContext } from './context.js';

interface DiscoverFlags extends MachineFlags {
  format?: 'text' | 'json';
  output?: string;
  all: boolean;
}

/** The `warden discover --format json` contract (DESIGN.md). Values of env and headers never appear. */
export function discoverJson(report: Report): unknown {
  return {
    servers: (report.servers ?? []).map((s) => ({
      client: s.client,
      scope: s.scope,
      configPath: s.configPath,
      name: s.name,
      transport: s.transport,
      command: s.command ?? null,
      args: s.args,
      url: s.url ?? null,
      envKeys: s.envKeys,
      headerKeys: s.headerKeys,
      enabled: s.enabled,
      ...(s.project !== undefined ? { project: s.project } : {}),
      ...(s.line !== undefined ? { line: s.line } : {}),
    })),
    clients: (report.coverage.searched ?? []).map((c) => ({
      client: c.client,
      scope: c.scope,
      configPath: c.configPath,
      found: c.found,
    })),
    packages: report.packages ?? [],
    skipped: report.coverage.skipped,
    ...(report.changes ? { changes: report.changes } : {}),
  };
}

function discoverText(report: Report, color: boolean, all: boolean): string {
  const bold = (s: string): string => (color ? styleText('bold', s) : s);
  const dim = (s: string): string => (color ? styleText('dim', s) : s);
  const lines: string[] = [];
  const servers = report.servers ?? [];
  const byFile = new Map<string, typeof servers>();
  for (const s of servers) byFile.set(s.configPath, [...(byFile.get(s.configPath) ?? []), s]);
  for (const [file, list] of byFile) {
    const first = list[0];
    lines.push(bold(`${first?.client ?? ''} (${first?.scope ?? ''})  ${file}`));
    for (const s of list) {
      const target = s.url ?? [s.command ?? '', ...s.args].join(' ');
      const extra = [
        s.enabled ? '' : 'disabled',
        s.project !== undefined ? `project ${s.project}` : '',
        s.envKeys.length > 0 ? `env: ${s.envKeys.join(', ')}` : '',
        s.headerKeys.length > 0 ? `headers: ${s.headerKeys.join(', ')}` : '',
      ].filter(Boolean);
      lines.push(
        `  ${s.name}  [${s.transport}]  ${target}${extra.length ? dim(`  (${extra.join('; ')})`) : ''}`,
      );
    }
    lines.push('');
  }
  const packages = report.packages ?? [];
  if (packages.length > 0) {
    lines.push(bold('Packages cached by npx'));
    for (const p of packages) lines.push(`  ${p.name}@${p.version}  ${dim(p.path)}`);
    lines.push('');
  }
  const searched = report.coverage.searched ?? [];
  const found = searched.filter((c) => c.found);
  lines.push(
    `${servers.length} servers in ${byFile.size} config files; ${searched.length} locations searched, ${found.length} present.`,
  );
  if (all) {
    lines.push('', bold('Locations searched'));
    for (const c of searched)
      lines.push(`  ${c.found ? 'found  ' : dim('absent ')} ${c.client} (${c.scope}) ${c.configPath}`);
  }
  for (const s of report.coverage.skipped) lines.push(`skipped ${s.path}: ${s.reason}`);
  if (report.changes && report.changes.length > 0) {
    lines.push('', bold('Changes since the last run'));
    for (const c of report.changes)
      lines.push(`  ${c.kind} ${c.client} ${c.name}${c.details.length ? `: ${c.details.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}

export function discoverCommand(context: CliContext): Command {
  const command = new Command('discover')
    .summary('list every MCP server configured on this machine (inventory only)')
    .description(
      [
        'Lists every MCP server that an AI client on this machine is configured to start or reach,',
        "from every known client's user, project and managed config files, and the MCP packages",
        'cached by npx. Env and header values are never printed, only their names.',
        'The inventory is recorded in the store like an audit run (use --no-store to skip).',
      ].join('\n'),
    )
    .addOption(new Option('--format <format>', 'text (default) or json').choices(['text', 'json']))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--all', 'also list every location searched, found or not', false)
    .addHelpText(
      'after',
      '\nExamples:\n  warden discover\n  warden discover --format json --cwd ~/code/app\n  warden discover --all',
    );
  addMachineOptions(command);
  command.action(async (flags: DiscoverFlags) => {
    const logger = context.logger();
    const discoverOptions = discoverOptionsFrom(flags, logger);
    const store = await openStoreFrom(flags, discoverOptions.home, logger);
    try {
      const { report } = await runMachine({
        command: 'discover',
        discover: discoverOptions,
        logger,
        ...(store ? { store } : {}),
      });
      const style = context.outputStyle();
      const text =
        flags.format === 'json'
          ? JSON.stringify(discoverJson(report), null, 2)
          : discoverText(report, style.color && !flags.output, flags.all);
      if (flags.output) writeFileSync(flags.output, `${text}\n`);
      else process.stdout.write(`${text}\n`);
      context.setExitCode(0);
    } finally {
      await store?.close();
    }
  });
  return command;
}
