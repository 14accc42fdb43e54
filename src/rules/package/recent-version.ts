import { defineRule } from '../define-rule.js';
import { formatAge, HOURS } from './age.js';
import { manifestHit, packageVersion, type PackageRuleContext } from './context.js';

const WINDOW_HOURS = 72;

export const recentVersion = defineRule<PackageRuleContext>({
  id: 'package/recent-version',
  meta: {
    title: 'Version was published in the last 72 hours',
    severity: 'low',
    confidence: 'high',
    cwe: ['CWE-1357'],
    description:
      "Reports a version published less than 72 hours before the analysis, from the registry's `time` " +
      'record. Most malicious versions are found and removed within days (`postmark-mcp` 1.0.16 was ' +
      'public for about 8 days; the Shai-Hulud worm versions for hours), so a version that young has ' +
      'not yet had that scrutiny. Needs registry metadata; skipped offline.',
    remediation:
      'Prefer the previous version until this one has been public for a few days, or review the diff ' +
      'between the two (`warden diff`). Pin the version you reviewed.',
    references: ['https://docs.npmjs.com/cli/using-npm/config#before'],
  },
  check({ pkg, packument, now }) {
    const version = packageVersion(pkg);
    const stamp = version === undefined ? undefined : packument?.time?.[version];
    if (version === undefined || stamp === undefined) return [];
    const at = new Date(stamp);
    if (Number.isNaN(at.getTime())) return [];
    const age = now.getTime() - at.getTime();
    if (age >= HOURS(WINDOW_HOURS)) return [];
    const when = age < 0 ? `${formatAge(age)} after the analysis clock` : `${formatAge(age)} ago`;
    return [
      manifestHit(
        pkg,
        ['version'],
        `Version ${version} was published ${when} (${at.toISOString()}); it has had little time to be reviewed.`,
        `${version}: ${stamp}`,
      ),
    ];
  },
});
