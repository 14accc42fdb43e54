import type { Severity } from '../../model/severity.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { manifestHit, manifestRecord, type PackageRuleContext } from './context.js';

/** Dependency sections installed for whoever installs the package; `devDependencies` are not. */
const SECTIONS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Where a dependency spec fetches from, when it is not the registry, and how serious that is. */
export function nonRegistrySource(spec: string): { severity: Severity; what: string } | undefined {
  const s = spec.trim();
  if (/^http:\/\//i.test(s))
    return { severity: 'high', what: 'a plain-HTTP URL anyone on the path can replace' };
  if (/^https:\/\//i.test(s)) return { severity: 'medium', what: 'a tarball URL outside the registry' };
  if (/^git(?:\+[a-z]+)?:\/\//i.test(s) || /^git@/i.test(s))
    return { severity: 'medium', what: 'a git repository' };
  if (/^(?:github|gitlab|bitbucket|gist):/i.test(s))
    return { severity: 'medium', what: 'a git hosting shorthand' };
  if (/^(?:file|link):/i.test(s)) {
    const path = s.replace(/^(?:file|link):/i, '').replace(/\\/g, '/');
    const outside =
      path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path.startsWith('~') || escapes(path);
    return outside ? { severity: 'medium', what: 'a local path outside the package' } : undefined;
  }
  if (/^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(s) && !/^\d/.test(s))
    return { severity: 'medium', what: 'a GitHub repository shorthand' };
  return undefined;
}

function escapes(path: string): boolean {
  let depth = 0;
  for (const piece of path.split('/')) {
    if (piece === '..') depth--;
    else if (piece !== '.' && piece !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

export const urlDependency = defineRule<PackageRuleContext>({
  id: 'package/url-dependency',
  meta: {
    title: 'Dependency is fetched from outside the registry',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-829', 'CWE-494'],
    description:
      'Finds `dependencies`, `optionalDependencies` and `peerDependencies` that install from a URL, a git ' +
      'repository, a GitHub shorthand (`user/repo`, `github:user/repo`) or a local path outside the ' +
      'package, instead of a version on the registry. Such code has no registry version, no integrity ' +
      'recorded by the registry and no malware scan, and can change without a new release of this ' +
      'package. A plain `http://` URL is high (anyone on the network path can swap it); the others are ' +
      'medium. `devDependencies` are not installed for users and are not reported.',
    remediation:
      'Depend on a published version from the registry. If a fork is needed, publish it under your ' +
      'scope, or pin a git dependency to a full commit hash and record an allowlist entry.',
    references: [
      'https://docs.npmjs.com/cli/configuring-npm/package-json#urls-as-dependencies',
      'https://cwe.mitre.org/data/definitions/494.html',
    ],
  },
  check({ pkg }) {
    const hits: RuleHit[] = [];
    for (const section of SECTIONS) {
      const deps = manifestRecord(pkg, section);
      if (deps === undefined) continue;
      for (const [name, spec] of Object.entries(deps)) {
        if (typeof spec !== 'string') continue;
        const source = nonRegistrySource(spec);
        if (source === undefined) continue;
        const shown = spec.replace(/\/\/[^/@\s]*@/, '//***@');
        hits.push(
          manifestHit(
            pkg,
            [section, name],
            `"${name}" in ${section} is installed from ${source.what} (${shown}), not from the registry.`,
            `"${name}": "${shown}"`,
            source.severity,
          ),
        );
      }
    }
    return hits;
  },
});
