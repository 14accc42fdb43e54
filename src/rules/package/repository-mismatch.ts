import { defineRule, type RuleHit } from '../define-rule.js';
import { manifestHit, packageName, packageVersion, type PackageRuleContext } from './context.js';
import { normaliseRepository, repositoryUrl, type RepoRef } from './repository.js';

/** Name parts too common to link a package to a repository by themselves. */
const GENERIC: ReadonlySet<string> = new Set([
  'mcp',
  'server',
  'servers',
  'js',
  'ts',
  'node',
  'npm',
  'cli',
  'api',
  'sdk',
  'tool',
  'tools',
  'client',
  'plugin',
  'model',
  'context',
  'protocol',
  'the',
  'app',
  'core',
  'lib',
]);

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 3 && !GENERIC.has(t));
}

/** True when the package's name and the GitHub repository plausibly belong together. */
export function related(name: string, ref: Required<Pick<RepoRef, 'owner' | 'repo'>>): boolean {
  const m = /^@([^/]+)\/(.+)$/.exec(name);
  const scope = m?.[1] ?? '';
  const bare = m?.[2] ?? name;
  const owner = squash(ref.owner);
  const repo = squash(ref.repo);
  if (scope !== '') {
    const s = squash(scope);
    if (s.length >= 3 && (owner.includes(s) || s.includes(owner))) return true;
  }
  const whole = squash(bare);
  if (
    whole === repo ||
    (repo.length >= 4 && whole.includes(repo)) ||
    (whole.length >= 4 && repo.includes(whole))
  ) {
    return true;
  }
  const repoTokens = tokens(`${ref.owner} ${ref.repo}`);
  const repoText = `${owner} ${repo}`;
  return tokens(`${scope} ${bare}`).some(
    (t) => repoTokens.includes(t) || (t.length >= 4 && repoText.includes(t)),
  );
}

export const repositoryMismatch = defineRule<PackageRuleContext>({
  id: 'package/repository-mismatch',
  meta: {
    title: 'Package repository is missing or does not match',
    severity: 'medium',
    confidence: 'medium',
    cwe: ['CWE-345'],
    description:
      'Compares the `repository` of the manifest with what the registry holds for the same version, and ' +
      "with the package's name. A manifest in the tarball whose repository differs from the registry's " +
      'copy is medium (the published files say something else than the metadata people read). A ' +
      'missing repository (on a package that is not `private`) and a GitHub repository whose owner and ' +
      'name share nothing with the package name or its scope are low: they leave a reader nothing to ' +
      "check the code against. Clones such as `postmark-mcp` point at the vendor's repository, so a " +
      'matching repository is no proof of origin; see `package/impersonation`.',
    remediation:
      'Check the repository link against the package on the registry and the code in the tarball. ' +
      'Publishers: set `repository` to the source the package is built from.',
    references: [
      'https://docs.npmjs.com/cli/configuring-npm/package-json#repository',
      'https://blog.vlt.sh/blog/the-massive-hole-in-the-npm-ecosystem',
    ],
  },
  check({ pkg, packument }) {
    const hits: RuleHit[] = [];
    const raw = pkg.manifest?.repository;
    const ref = normaliseRepository(raw);
    if (ref === undefined) {
      if (pkg.manifest !== undefined && pkg.manifest.private !== true) {
        hits.push(
          manifestHit(
            pkg,
            [],
            'The manifest names no repository, so the code cannot be checked against its source.',
            undefined,
            'low',
          ),
        );
      }
    } else {
      const name = packageName(pkg);
      if (
        name !== undefined &&
        ref.host === 'github.com' &&
        ref.owner !== undefined &&
        ref.repo !== undefined
      ) {
        if (!related(name, { owner: ref.owner, repo: ref.repo })) {
          hits.push(
            manifestHit(
              pkg,
              ['repository'],
              `The repository github.com/${ref.owner}/${ref.repo} shares nothing with the name "${name}".`,
              repositoryUrl(raw),
              'low',
            ),
          );
        }
      }
    }
    const version = packageVersion(pkg);
    const published = version === undefined ? undefined : packument?.versions[version];
    if (published !== undefined) {
      const registry = normaliseRepository(published.repository);
      if ((registry?.key ?? '') !== (ref?.key ?? '')) {
        const seen = ref === undefined ? 'none' : (repositoryUrl(raw) ?? ref.key);
        const held = registry === undefined ? 'none' : (repositoryUrl(published.repository) ?? registry.key);
        hits.push(
          manifestHit(
            pkg,
            ref === undefined ? [] : ['repository'],
            `The manifest's repository (${seen}) differs from the registry's for ${version ?? ''} (${held}).`,
            `manifest: ${seen}; registry: ${held}`,
          ),
        );
      }
    }
    return hits;
  },
});
