import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { KNOWN_IMPERSONATIONS, KNOWN_NPM_SERVERS, KNOWN_PYPI_SERVERS } from './known-packages.js';
import { packagesRun, type PackageRun } from './package-runners.js';

/** Optimal-string-alignment (restricted Damerau-Levenshtein) distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Name parts too common to mean anything alone (`@stripe/mcp`, `@sentry/mcp-server`). */
const GENERIC: ReadonlySet<string> = new Set([
  'mcp',
  'mcp-server',
  'server',
  'server-mcp',
  'mcp-cli',
  'cli',
  'inspector',
]);
const MIN_LENGTH = 5;

function split(name: string): { scope: string; bare: string } {
  const m = /^@([^/]+)\/(.+)$/.exec(name);
  return m ? { scope: m[1] ?? '', bare: m[2] ?? '' } : { scope: '', bare: name };
}

function separatorsOff(name: string): string {
  return name.replace(/[-_.]/g, '');
}

function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Unscoped names a scoped vendor package is imitated by: `@mem0/mcp-server` → `mem0-mcp-server`. */
function unscopedTwins(known: string): string[] {
  const { scope, bare } = split(known);
  if (scope === '') return [];
  const twins = [`${scope}-${bare}`];
  if (!GENERIC.has(bare) && bare.length >= MIN_LENGTH && (bare.includes('mcp') || bare.startsWith('server-')))
    twins.push(bare);
  if (bare.startsWith('server-')) twins.push(`mcp-${bare}`);
  return twins;
}

export const NPM_KNOWN: ReadonlySet<string> = new Set(KNOWN_NPM_SERVERS);
const PYPI_KNOWN: ReadonlySet<string> = new Set(KNOWN_PYPI_SERVERS.map(pep503));
export const NPM_TWINS: ReadonlyMap<string, string> = new Map(
  KNOWN_NPM_SERVERS.flatMap((known) =>
    unscopedTwins(known)
      .filter((t) => !NPM_KNOWN.has(t))
      .map((t) => [t, known] as const),
  ),
);

/** Why `candidate` imitates the well-known `known` npm package, or undefined. */
export function npmLookAlike(candidate: string, known: string): string | undefined {
  const c = split(candidate);
  const k = split(known);
  if (c.scope !== '' && c.scope === k.scope) return undefined;
  if (c.scope === '' && k.scope === '') {
    if (k.bare.length < MIN_LENGTH) return undefined;
    if (separatorsOff(c.bare) === separatorsOff(k.bare)) return `is "${known}" with other separators`;
    return editDistance(c.bare, k.bare, 1) === 1 ? `is one character away from "${known}"` : undefined;
  }
  if (c.scope !== '' && k.scope !== '') {
    const scopeAlike =
      editDistance(c.scope, k.scope, 1) === 1 || separatorsOff(c.scope) === separatorsOff(k.scope);
    if (!scopeAlike) return undefined;
    const nameAlike =
      c.bare === k.bare || (k.bare.length >= MIN_LENGTH && editDistance(c.bare, k.bare, 1) <= 1);
    return nameAlike ? `sits in "@${c.scope}", a look-alike of the scope of "${known}"` : undefined;
  }
  if (
    c.scope === '' &&
    !GENERIC.has(k.bare) &&
    k.bare.length >= MIN_LENGTH &&
    (k.bare.includes('mcp') || k.bare.startsWith('server-'))
  ) {
    return editDistance(c.bare, k.bare, 1) === 1
      ? `is one character away from "${known}" with its scope dropped`
      : undefined;
  }
  return undefined;
}

function pypiLookAlike(candidate: string, known: string): string | undefined {
  const c = pep503(candidate);
  if (known.length < MIN_LENGTH || c === known) return undefined;
  return editDistance(c, known, 1) === 1 ? `is one character away from "${known}"` : undefined;
}

/** How a package a server runs imitates a well-known server package (`is one character away from …`). */
export function lookAlike(run: Pick<PackageRun, 'ecosystem' | 'name'>): string | undefined {
  if (run.ecosystem === 'pypi') {
    if (PYPI_KNOWN.has(pep503(run.name))) return undefined;
    for (const known of PYPI_KNOWN) {
      const why = pypiLookAlike(run.name, known);
      if (why !== undefined) return why;
    }
    return undefined;
  }
  if (run.ecosystem !== 'npm') return undefined;
  const name = run.name.toLowerCase();
  if (NPM_KNOWN.has(name)) return undefined;
  const impersonated = KNOWN_IMPERSONATIONS[name];
  if (impersonated !== undefined) return `is a name used to impersonate ${impersonated} in a reported attack`;
  const twin = NPM_TWINS.get(name);
  if (twin !== undefined) return `is the unscoped twin of the vendor's scoped package "${twin}"`;
  for (const known of KNOWN_NPM_SERVERS) {
    const why = npmLookAlike(name, known);
    if (why !== undefined) return why;
  }
  return undefined;
}

export const typosquatPackage = defineRule<ConfigRuleContext>({
  id: 'config/typosquat-package',
  meta: {
    title: 'MCP server package name imitates a well-known server',
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-1357', 'CWE-506'],
    description:
      'Finds packages run by a server whose name is one edit (insertion, deletion, substitution or swap of ' +
      'two adjacent characters) from a well-known MCP server package, uses other separators, sits in a ' +
      "look-alike scope, or is the unscoped twin of a vendor's scoped package. Agents and people guess " +
      "package names, and attackers register the guesses: `postmark-mcp` cloned the vendor's project and " +
      'later added a hidden Bcc to every email; `mem0-mcp-server` and `mcp-server-figma` squatted the ' +
      "names agents reach for. A package in the well-known package's own scope is never reported.",
    remediation:
      "Check the package's publisher and repository. If it is not the vendor's, switch to the well-known " +
      'package at an exact version and rotate any credential the look-alike was given. If it is a legitimate ' +
      'package that happens to have a close name, record an allowlist entry.',
    references: [
      'https://osv.dev/vulnerability/MAL-2025-47604',
      'https://osv.dev/vulnerability/MAL-2026-5477',
      'https://cwe.mitre.org/data/definitions/1357.html',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const run of packagesRun(server)) {
        if (run.source !== 'registry' && run.runner !== 'node') continue;
        const found = lookAlike(run);
        if (!found) continue;
        hits.push(
          serverHit(
            server,
            run.word.field,
            `Server "${server.name}" runs "${run.name}", which ${found}. Check who publishes it before running it.`,
            maskedEvidence(run.word.text),
          ),
        );
      }
    }
    return hits;
  },
});
