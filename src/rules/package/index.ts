import type { PackageRule } from './context.js';
import { bundledBinary } from './bundled-binary.js';
import { impersonation } from './impersonation.js';
import { installScript } from './install-script.js';
import { recentVersion } from './recent-version.js';
import { repositoryMismatch } from './repository-mismatch.js';
import { urlDependency } from './url-dependency.js';
import { versionBurst } from './version-burst.js';

export type { PackageRule, PackageRuleContext } from './context.js';
export { parsePackument, PackumentSchema, type Packument } from './packument.js';

/** Every package rule, in alphabetical order of id. */
export const packageRules: readonly PackageRule[] = [
  bundledBinary,
  impersonation,
  installScript,
  recentVersion,
  repositoryMismatch,
  urlDependency,
  versionBurst,
];

/**
 * Rules that find nothing without registry metadata; a run without a packument reports them as
 * skipped rather than clean.
 */
export const PACKUMENT_RULES: readonly string[] = [recentVersion.meta.id, versionBurst.meta.id];
