import { defineRule } from '../define-rule.js';
import { formatAge, HOURS } from './age.js';
import { manifestHit, packageVersion, type PackageRuleContext } from './context.js';
import { versionTimes } from './packument.js';

/** At least this many versions within `BURST_HOURS`, in a window that holds the analysed version. */
const BURST_COUNT = 8;
const BURST_HOURS = 72;
/** Or at least this many of a new package's first versions within `LAUNCH_HOURS` of its creation. */
const LAUNCH_COUNT = 5;
const LAUNCH_HOURS = 48;
const LISTED = 10;

interface Stamp {
  version: string;
  at: Date;
}

/** The largest set of versions within `span` ms of each other that includes `target`. */
export function densestWindow(stamps: readonly Stamp[], target: Stamp, span: number): Stamp[] {
  let best: Stamp[] = [];
  const t = target.at.getTime();
  for (const start of stamps) {
    const s = start.at.getTime();
    if (s > t || t - s > span) continue;
    const inside = stamps.filter((x) => x.at.getTime() >= s && x.at.getTime() <= s + span);
    if (inside.length > best.length) best = inside;
  }
  return best;
}

function describe(window: readonly Stamp[]): string {
  const first = window[0];
  const last = window[window.length - 1];
  if (first === undefined || last === undefined) return '';
  const names = window.map((w) => w.version);
  const list = names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, …` : names.join(', ');
  return `${window.length} versions from ${first.at.toISOString()} to ${last.at.toISOString()}: ${list}`;
}

export const versionBurst = defineRule<PackageRuleContext>({
  id: 'package/version-burst',
  meta: {
    title: 'Many versions published in a short time',
    severity: 'medium',
    confidence: 'low',
    cwe: ['CWE-506'],
    description:
      'Reports the analysed version when it belongs to a burst of releases: at least 8 versions within ' +
      "72 hours, or at least 5 of a new package's first versions within 48 hours of its creation. " +
      '`postmark-mcp` published 15 versions in two days to look established before the malicious ' +
      '1.0.16, and worms such as Shai-Hulud publish several versions of a hijacked package within ' +
      'hours. Bursts long before the analysed version are not reported. Needs registry metadata; ' +
      'skipped offline.',
    remediation:
      'Check who published the versions in the window and what changed between them (`warden diff`). ' +
      'Prefer a version from before the burst that you have reviewed.',
    references: ['https://osv.dev/vulnerability/MAL-2025-47604'],
  },
  check({ pkg, packument }) {
    const version = packageVersion(pkg);
    if (packument === undefined || version === undefined) return [];
    const stamps = versionTimes(packument);
    const target = stamps.find((s) => s.version === version);
    if (target === undefined) return [];
    const burst = densestWindow(stamps, target, HOURS(BURST_HOURS));
    if (burst.length >= BURST_COUNT) {
      return [
        manifestHit(
          pkg,
          ['version'],
          `Version ${version} is one of ${burst.length} versions published within ${BURST_HOURS} hours.`,
          describe(burst),
        ),
      ];
    }
    const createdText = packument.time?.created;
    const created = createdText === undefined ? stamps[0]?.at : new Date(createdText);
    if (created === undefined || Number.isNaN(created.getTime())) return [];
    const end = created.getTime() + HOURS(LAUNCH_HOURS);
    const launch = stamps.filter((s) => s.at.getTime() <= end);
    if (launch.length >= LAUNCH_COUNT && target.at.getTime() <= end) {
      const last = launch[launch.length - 1];
      const span = last === undefined ? 0 : last.at.getTime() - created.getTime();
      return [
        manifestHit(
          pkg,
          ['version'],
          `Version ${version} is one of the first ${launch.length} versions, all published within ${formatAge(span)} of the package's creation.`,
          describe(launch),
        ),
      ];
    }
    return [];
  },
});
