import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { scanConfigFile } from '../discovery/index.js';
import { configRules } from '../rules/index.js';
import { runRules } from '../analyze/run-rules.js';
import { buildReport } from '../analyze/report-builder.js';
import { publicServers } from '../analyze/audit.js';
import type { Finding } from '../model/finding.js';
import type { Skipped } from '../model/coverage.js';
import type { Target } from '../model/report.js';
import type { PublicServer } from '../model/server.js';
import { emitReport, failOnOption, formatOption, outputOption, type FailOn } from './output.js';
import type { ReportFormat } from '../report/index.js';
import type { CliContext } from './context.js';

interface ScanFlags {
  format?: ReportFormat;
  output?: string;
  failOn: FailOn;
  client?: string;
}

export function scanCommand(context: CliContext): Command {
  return new Command('scan')
    .summary('check MCP client config files given on the command line')
    .description(
      [
        'Checks each TARGET without running anything. A TARGET is an MCP client config file',
        '(claude_desktop_config.json, .mcp.json, .vscode/mcp.json, Zed settings, Continue or Goose',
        "YAML, Codex TOML, …); the client is recognised from the path and the file's shape.",
      ].join('\n'),
    )
    .argument('<target...>', 'config files to check')
    .option('--client <id>', "read every file as this client's config (e.g. vscode, zed, codex, goose)")
    .addOption(formatOption)
    .addOption(outputOption)
    .addOption(failOnOption)
    .addHelpText(
      'after',
      '\nExamples:\n  warden scan .mcp.json .vscode/mcp.json\n  warden scan --client zed ~/dotfiles/zed.json --format json',
    )
    .action(async (targets: string[], flags: ScanFlags) => {
      const logger = context.logger();
      const startedMs = performance.now();
      const startedAt = new Date().toISOString();
      const findings: Finding[] = [];
      const skipped: Skipped[] = [];
      const servers: PublicServer[] = [];
      const done: Target[] = [];
      let unreadable = false;
      let filesScanned = 0;
      for (const raw of targets) {
        const path = resolve(raw);
        let isFile = false;
        try {
          isFile = statSync(path).isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
          logger.warn(`${raw}: cannot read (${code}); check the path`);
          skipped.push({ path, code: 'not-found', reason: `cannot read: ${code}` });
          unreadable = true;
          continue;
        }
        if (!isFile) {
          logger.warn(
            `${raw}: not a config file; package folders, tarballs and npm specs are not scanned by this version`,
          );
          skipped.push({ path, code: 'unsupported-target', reason: 'not a config file' });
          unreadable = true;
          continue;
        }
        logger.progress(`Scanning ${raw}`);
        const discovery = await scanConfigFile(
          path,
          flags.client !== undefined ? { client: flags.client } : {},
        );
        filesScanned += discovery.files.length;
        skipped.push(...discovery.skipped);
        if (discovery.files.length === 0) unreadable = true;
        const run = runRules(configRules, { servers: discovery.servers, files: discovery.files }, path);
        findings.push(...run.findings);
        skipped.push(...run.failed);
        servers.push(...publicServers(discovery));
        done.push({ kind: 'config', ref: path });
      }
      const report = buildReport({
        command: 'scan',
        startedAt,
        startedMs,
        targets: done,
        findings,
        coverage: { complete: skipped.length === 0, filesScanned, skipped },
        servers,
      });
      const code = emitReport(report, { ...flags, ...context.outputStyle() });
      context.setExitCode(unreadable ? 2 : code);
    });
}
