import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { PLATFORMS, type Platform } from '../model/server.js';
import { defaultDiscoverOptions, type DiscoverOptions } from '../discovery/index.js';
import { defaultDbPath, openSqliteStore, type Store } from '../store/index.js';
import type { Logger } from '../model/logger.js';

export interface MachineFlags {
  cwd?: string;
  db?: string;
  store: boolean;
  platform?: Platform;
  systemRoot?: string;
  maxFileSize?: number;
}

/** Options shared by commands that look at this machine's MCP configuration. */
export function addMachineOptions(command: Command): Command {
  return command
    .option(
      '--cwd <dir>',
      'project folder: project-scope configs are searched here and in every parent',
      process.cwd(),
    )
    .option('--db <path>', 'SQLite file that keeps runs and inventory history (default ~/.warden/warden.db)')
    .option('--no-store', 'do not record this run, and do not compare with the previous one')
    .addOption(
      new Option(
        '--platform <os>',
        'resolve config paths as on this OS (to inspect a mounted disk of another OS)',
      )
        .choices(PLATFORMS)
        .hideHelp(),
    )
    .addOption(
      new Option(
        '--system-root <dir>',
        'where machine-wide (managed) configs are rooted, default /',
      ).hideHelp(),
    );
}

export function discoverOptionsFrom(flags: MachineFlags, logger: Logger): DiscoverOptions {
  const options = defaultDiscoverOptions(flags.cwd !== undefined ? resolve(flags.cwd) : undefined);
  options.logger = logger;
  if (flags.platform !== undefined) options.platform = flags.platform;
  if (flags.systemRoot !== undefined) options.systemRoot = resolve(flags.systemRoot);
  return options;
}

export async function openStoreFrom(
  flags: MachineFlags,
  home: string,
  logger: Logger,
): Promise<Store | undefined> {
  if (!flags.store) return undefined;
  const path = flags.db !== undefined ? resolve(flags.db) : defaultDbPath(home);
  logger.debug(`store: ${path}`);
  return openSqliteStore(path, { logger });
}
