import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { packagesRun, type PackageRun } from './package-runners.js';

function why(run: PackageRun): string {
  if (run.ecosystem === 'docker') {
    return run.version === undefined
      ? `starts image "${run.name}" with no tag or digest, which means whatever "latest" is at each start`
      : `starts image "${run.name}:${run.version}" by tag; a tag can be moved to a new image at any time`;
  }
  if (run.source === 'git') return `installs "${run.name}" from a git ref that is not a commit hash`;
  if (run.version === undefined)
    return `runs "${run.name}" with no version, so each start may fetch a new release`;
  return `runs "${run.name}@${run.version}", which is a tag or a range, so each start may fetch a new release`;
}

function fix(run: PackageRun): string {
  if (run.ecosystem === 'docker') return 'pin the image by digest (`image@sha256:…`)';
  if (run.ecosystem === 'pypi') return 'pin an exact version (`name==1.2.3`)';
  return 'pin an exact version (`name@1.2.3`)';
}

export const unpinnedPackageRunner = defineRule<ConfigRuleContext>({
  id: 'config/unpinned-package-runner',
  meta: {
    title: 'MCP server package run without an exact version',
    severity: 'medium',
    confidence: 'high',
    cwe: ['CWE-1357', 'CWE-494'],
    description:
      'Finds servers started through a package runner (`npx`, `bunx`, `pnpm dlx`, `yarn dlx`, `npm exec`, ' +
      '`uvx`, `pipx run`, `docker run`) without one exact, immutable version: no version, `latest`, a range, ' +
      'a git branch, or an image tag without a digest. Every start may then fetch and run a release nobody ' +
      'reviewed; a hijacked or malicious new version (postmark-mcp 1.0.16, the Shai-Hulud releases of ' +
      '@postman/postman-mcp-server) reaches the machine on the next start.',
    remediation:
      'Pin the exact version you reviewed (`pkg@1.2.3`, `pkg==1.2.3`, `image@sha256:…`) and update it on ' +
      'purpose. When a floating version is intended (a package you publish yourself), record an allowlist entry.',
    references: [
      'https://docs.npmjs.com/cli/commands/npx',
      'https://docs.astral.sh/uv/guides/tools/',
      'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const run of packagesRun(server)) {
        if (run.pinned || run.source === 'local' || run.source === 'url') continue;
        hits.push(
          serverHit(
            server,
            run.word.field,
            `Server "${server.name}" ${why(run)} (${run.runner}); ${fix(run)}.`,
            maskedEvidence(run.word.text),
          ),
        );
      }
    }
    return hits;
  },
});
