import type { ConfigRule } from './context.js';
import { dockerDangerousFlags } from './docker-dangerous-flags.js';
import { downloadPipedToShell } from './download-piped-to-shell.js';
import { filesystemRootExposed } from './filesystem-root-exposed.js';
import { plainHttpRemote } from './plain-http-remote.js';
import { secretInConfig } from './secret-in-config.js';
import { serverNameCollision } from './server-name-collision.js';
import { shellWrappedCommand } from './shell-wrapped-command.js';
import { tokenInUrl } from './token-in-url.js';
import { typosquatPackage } from './typosquat-package.js';
import { unparseableConfig } from './unparseable-config.js';
import { unpinnedPackageRunner } from './unpinned-package-runner.js';

/** Every config rule, in alphabetical order of id. */
export const configRules: readonly ConfigRule[] = [
  dockerDangerousFlags,
  downloadPipedToShell,
  filesystemRootExposed,
  plainHttpRemote,
  secretInConfig,
  serverNameCollision,
  shellWrappedCommand,
  tokenInUrl,
  typosquatPackage,
  unparseableConfig,
  unpinnedPackageRunner,
];
