import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { scanConfigFile } from '../discovery/index.js';
import { configRules } from '../rules/index.js';
import { runRules } from '../analyze/run-rules.js';
import { buildReport } from '../analyze/report-builder.js';
import { publicServers } from '../analyze/audit.js';
import { vetPackage } from '../analyze/vet.js';
import { isPathTarget } from '../analyze/package/index.js';
import type { Finding } from '../model/finding.js';
import type { Skipped } from '../model/coverage.js';
import type { Target } from '../model/report.js';
import type { PublicServer } from '../model/server.js';
import type { Logger } from '../model/logger.js';
import { emitReport, failOnOption, formatOption, outputOption, type FailOn } from './output.js';
import type { ReportFormat } from '../report/index.js';
import type { CliContext } from './context.js';

interface ScanFlags {
  format?: ReportFormat;
  output?: string;
  failOn: FailOn;
  client?: string;
  offline: boolean;
  registry?: string;
  cacheDir?: string;
}

type TargetKind = 'config' | 'package' | { missing: string };

const TARBALL = /\.(tgz|tar\.gz)$/i;

/** A folder or tarball is a package; another file is a client config; a non-path is an npm spec. */
export function classifyTarget(raw: string): TargetKind {
  const stat = statSync(resolve(raw), { throwIfNoEntry: false });
  if (stat?.isDirectory()) return 'package';
  if (stat?.isFile()) return TARBALL.test(raw) ? 'package' : 'config';
  if (stat) return { missing: 'not a regular file or folder' };
  if (!isPathTarget(raw)) return 'package';
  return { missing: 'no such file or folder' };
}

interface Accumulator {
  findings: Finding[];
  skipped: Skipped[];
  servers: PublicServer[];
  targets: Target[];
  filesScanned: number;
  failed: boolean;
}

async function scanConfig(path: string, flags: ScanFlags, into: Accumulator): Promise<void> {
  const discovery = await scanConfigFile(path, flags.client !== undefined ? { client: flags.client } : {});
  into.filesScanned += discovery.files.length;
  into.skipped.push(...discovery.skipped);
  if (discovery.files.length === 0) into.failed = true;
  const run = runRules(configRules, { servers: discovery.servers, files: discovery.files }, path);
  into.findings.push(...run.findings);
  into.skipped.push(...run.failed);
  into.servers.push(...publicServers(discovery));
  into.targets.push({ kind: 'config', ref: path });
}

async function scanPackage(raw: string, flags: ScanFlags, logger: Logger, into: Accumulator): Promise<void> {
  const result = await vetPackage(isPathTarget(raw) ? resolve(raw) : raw, {
    cacheDir:
      flags.cacheDir !== undefined
        ? resolve(flags.cacheDir)
        : join(process.env.HOME ?? homedir(), '.warden', 'cache'),
    offline: flags.offline,
    logger,
    ...(flags.registry !== undefined ? { registry: flags.registry } : {}),
  });
  if (result.error) {
    logger.warn(`${raw}: ${result.error.message} [${result.error.code}]`);
    into.failed = true;
  }
  into.targets.push(result.target);
  into.findings.push(...result.findings);
  into.skipped.push(...result.skipped);
  into.filesScanned += result.filesScanned;
}

export function scanCommand(context: CliContext): Command {
  return new Command('scan')
    .summary('vet MCP server packages and check MCP client config files, without running them')
    .description(
      [
        'Checks each TARGET without running anything. A TARGET is one of:',
        '  - a package folder, or a .tgz tarball (as `npm pack` writes it)',
        '  - an npm spec, name@version (or a tag or range): fetched from the registry your npm',
        '    uses, integrity-checked and cached in ~/.warden/cache',
        '  - an MCP client config file (claude_desktop_config.json, .mcp.json, .vscode/mcp.json,',
        '    Zed settings, Continue or Goose YAML, Codex TOML, …); the client is recognised from',
        "    the path and the file's shape",
        'Packages are read, never installed or executed: code rules look at their JavaScript and',
        'TypeScript (tool handlers, what reaches the network, the shell and the mail APIs),',
        'metadata rules at package.json and, online, the registry record.',
      ].join('\n'),
    )
    .argument('<target...>', 'folders, tarballs, npm specs or config files')
    .option(
      '--client <id>',
      "read every config file as this client's config (e.g. vscode, zed, codex, goose)",
    )
    .option('--offline', 'use only packages already cached; registry metadata rules are skipped', false)
    .option('--registry <url>', 'npm registry to fetch from (default: the one npm is configured for)')
    .option('--cache-dir <dir>', 'where fetched packages are cached (default ~/.warden/cache)')
    .addOption(formatOption)
    .addOption(outputOption)
    .addOption(failOnOption)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  warden scan @modelcontextprotocol/server-filesystem@2025.8.21',
        '  warden scan ./my-server                 a package folder',
        '  warden scan my-server-1.0.0.tgz --format sarif -o scan.sarif',
        '  warden scan .mcp.json .vscode/mcp.json',
        '  warden scan --client zed ~/dotfiles/zed.json --format json',
        '',
        'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a target',
        'could not be analysed (the report still covers the others).',
      ].join('\n'),
    )
    .action(async (targets: string[], flags: ScanFlags) => {
      const logger = context.logger();
      const startedMs = performance.now();
      const startedAt = new Date().toISOString();
      const acc: Accumulator = {
        findings: [],
        skipped: [],
        servers: [],
        targets: [],
        filesScanned: 0,
        failed: false,
      };
      for (const raw of targets) {
        const kind = classifyTarget(raw);
        if (typeof kind === 'object') {
          logger.warn(
            `${raw}: ${kind.missing}; give a folder, a .tgz, an npm spec (name@version) or a config file`,
          );
          acc.skipped.push({ path: resolve(raw), code: 'not-found', reason: kind.missing });
          acc.failed = true;
          continue;
        }
        logger.progress(`Scanning ${raw}`);
        if (kind === 'config') await scanConfig(resolve(raw), flags, acc);
        else await scanPackage(raw, flags, logger, acc);
      }
      const report = buildReport({
        command: 'scan',
        startedAt,
        startedMs,
        targets: acc.targets,
        findings: acc.findings,
        coverage: {
          complete: acc.skipped.length === 0,
          filesScanned: acc.filesScanned,
          skipped: acc.skipped,
        },
        ...(acc.servers.length > 0 ? { servers: acc.servers } : {}),
      });
      const code = emitReport(report, { ...flags, ...context.outputStyle() });
      context.setExitCode(acc.failed ? 2 : code);
    });
}
