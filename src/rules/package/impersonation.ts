import { KNOWN_IMPERSONATIONS, KNOWN_NPM_SERVERS } from '../config/known-packages.js';
import { NPM_KNOWN, NPM_TWINS, npmLookAlike } from '../config/typosquat-package.js';
import { defineRule } from '../define-rule.js';
import { manifestHit, packageName, packageVersion, type PackageRuleContext } from './context.js';
import { personOf, type Packument } from './packument.js';

/**
 * Mail domains of the organisations behind well-known packages, by scope or by unscoped name.
 * A publisher whose registry email is at one of these is taken to be the vendor. The scope
 * itself always counts (`@mem0/…` → `mem0.ai`).
 */
const VENDOR_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  '@modelcontextprotocol': ['anthropic'],
  '@activecampaign': ['postmarkapp', 'wildbit'],
  '@azure': ['microsoft'],
  '@playwright': ['microsoft'],
  '@notionhq': ['makenotion', 'notion'],
  '@neondatabase': ['neon'],
  'chrome-devtools-mcp': ['google', 'chromium'],
  'mongodb-mcp-server': ['mongodb'],
  'exa-mcp-server': ['exa'],
  'firecrawl-mcp': ['firecrawl', 'mendable'],
  'tavily-mcp': ['tavily'],
  'mcp-server-figma': ['figma'],
};

interface Imitation {
  /** The well-known package, or what a reported attack imitated. */
  known: string;
  why: string;
}

/** What an unscoped name imitates: a reported impersonation, a vendor's scoped package, or a near miss. */
export function imitation(name: string): Imitation | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('@') || NPM_KNOWN.has(lower)) return undefined;
  const reported = KNOWN_IMPERSONATIONS[lower];
  if (reported !== undefined)
    return { known: reported, why: `is a name used to impersonate ${reported} in a reported attack` };
  const twin = NPM_TWINS.get(lower);
  if (twin !== undefined)
    return { known: twin, why: `is the unscoped twin of the vendor's scoped package "${twin}"` };
  for (const known of KNOWN_NPM_SERVERS) {
    const why = npmLookAlike(lower, known);
    if (why !== undefined) return { known, why };
  }
  return undefined;
}

/** Labels a vendor's mail domain may carry, or undefined when the vendor is not known. */
function vendorLabels(known: string): string[] | undefined {
  const scope = /^(@[^/]+)\//.exec(known)?.[1];
  const key = scope ?? known;
  const extra = VENDOR_DOMAINS[key];
  if (scope === undefined && extra === undefined) return undefined;
  const labels = [...(extra ?? [])];
  if (scope !== undefined) labels.push(scope.slice(1).replace(/[^a-z0-9]/g, ''));
  return labels;
}

/** Who published the version: its `_npmUser`, else its (or the package's) maintainers. */
function publishers(packument: Packument, version: string | undefined): { name?: string; email?: string }[] {
  const doc = version === undefined ? undefined : packument.versions[version];
  if (doc?._npmUser !== undefined) return [personOf(doc._npmUser)];
  return (doc?.maintainers ?? packument.maintainers ?? []).map(personOf);
}

function isVendor(person: { email?: string }, labels: readonly string[]): boolean {
  const domain = person.email?.split('@')[1]?.toLowerCase();
  if (domain === undefined) return false;
  return domain.split('.').some((label) => labels.includes(label.replace(/[^a-z0-9]/g, '')));
}

export const impersonation = defineRule<PackageRuleContext>({
  id: 'package/impersonation',
  meta: {
    title: "Unscoped package imitates a vendor's MCP server",
    severity: 'high',
    confidence: 'medium',
    cwe: ['CWE-1357', 'CWE-506'],
    description:
      "Finds an unscoped package whose name is the unscoped twin of a vendor's scoped MCP server " +
      '(`postmark-mcp` for `@activecampaign/postmark-mcp`, `mem0-mcp-server` for `@mem0/mcp-server`), a ' +
      'name used in a reported impersonation (`mcp-server-figma`), or one edit from a well-known MCP ' +
      'server name. With registry metadata, a hit is high when the version was published by someone ' +
      "whose registry email is not at the vendor's domain; when the vendor's domain is not known, or " +
      'without registry metadata, it is medium. Well-known names themselves never fire.',
    remediation:
      "Check the package's publisher and repository. If it is not the vendor's, use the vendor's package " +
      'at an exact version and rotate every credential the look-alike was given. If it is a legitimate ' +
      'package with a close name, record an allowlist entry.',
    references: [
      'https://osv.dev/vulnerability/MAL-2025-47604',
      'https://osv.dev/vulnerability/MAL-2026-5477',
      'https://cwe.mitre.org/data/definitions/1357.html',
    ],
  },
  check({ pkg, packument }) {
    const name = packageName(pkg);
    if (name === undefined) return [];
    const found = imitation(name);
    if (found === undefined) return [];
    const base = `"${name}" ${found.why}`;
    if (packument === undefined) {
      return [manifestHit(pkg, ['name'], `${base}. Check who publishes it.`, name, 'medium')];
    }
    const people = publishers(packument, packageVersion(pkg));
    const who = people.map((p) => p.name ?? p.email ?? '?').join(', ') || 'an unknown account';
    const labels = vendorLabels(found.known) ?? VENDOR_DOMAINS[name.toLowerCase()];
    if (labels === undefined) {
      return [
        manifestHit(
          pkg,
          ['name'],
          `${base}; it is published by ${who}. Check that this is the vendor.`,
          name,
          'medium',
        ),
      ];
    }
    if (people.some((p) => isVendor(p, labels))) return [];
    return [manifestHit(pkg, ['name'], `${base}, and it is published by ${who}, not by the vendor.`, name)];
  },
});
