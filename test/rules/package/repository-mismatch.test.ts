import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repositoryMismatch } from '../../../src/rules/package/repository-mismatch.js';
import { normaliseRepository } from '../../../src/rules/package/repository.js';
import { manifest, packageRuleTester } from './rule-tester.js';

function registry(name: string, version: string, repository: unknown): unknown {
  return { name, versions: { [version]: { name, version, repository } } };
}

packageRuleTester(repositoryMismatch, {
  valid: [
    {
      name: 'a GitHub repository named after the package',
      files: {
        'package.json': manifest({
          name: 'tavily-mcp',
          version: '0.2.0',
          repository: 'github:tavily-ai/tavily-mcp',
        }),
      },
    },
    {
      name: 'a monorepo under the scope owner',
      files: {
        'package.json': manifest({
          name: '@modelcontextprotocol/server-memory',
          version: '2025.8.4',
          repository: {
            type: 'git',
            url: 'git+https://github.com/modelcontextprotocol/servers.git',
            directory: 'src/memory',
          },
        }),
      },
    },
    {
      name: 'a vendor repository in another org that shares a word',
      files: {
        'package.json': manifest({
          name: '@sentry/mcp-server',
          version: '0.1.0',
          repository: 'https://github.com/getsentry/sentry-mcp',
        }),
      },
    },
    {
      name: 'the same repository in another form on the registry',
      files: {
        'package.json': manifest({
          name: 'exa-mcp-server',
          version: '3.0.0',
          repository: { type: 'git', url: 'git+https://github.com/exa-labs/exa-mcp-server.git' },
        }),
      },
      packument: registry('exa-mcp-server', '3.0.0', 'git@github.com:Exa-Labs/exa-mcp-server.git'),
    },
    {
      name: 'a private package without a repository',
      files: { 'package.json': manifest({ name: 'internal-mcp', version: '1.0.0', private: true }) },
    },
    {
      name: 'a repository on another host is not compared by name',
      files: {
        'package.json': manifest({
          name: 'weather-mcp',
          version: '1.0.0',
          repository: 'https://gitlab.com/someone/tools',
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'no repository',
      files: { 'package.json': manifest({ name: 'weather-mcp', version: '1.0.0' }) },
      hits: [{ line: 1, severity: 'low', message: 'names no repository' }],
    },
    {
      name: 'a GitHub repository that shares nothing with the name',
      files: {
        'package.json': manifest({
          name: 'weather-mcp',
          version: '1.0.0',
          repository: 'github:someone/wallet-drainer',
        }),
      },
      hits: [{ line: 4, field: 'repository', severity: 'low', message: 'github.com/someone/wallet-drainer' }],
    },
    {
      name: 'the registry holds another repository for the version',
      files: {
        'package.json': manifest({
          name: 'weather-mcp',
          version: '1.0.0',
          repository: 'github:acme/weather-mcp',
        }),
      },
      packument: registry('weather-mcp', '1.0.0', {
        type: 'git',
        url: 'git+https://github.com/other/weather-mcp.git',
      }),
      hits: [{ line: 4, field: 'repository', severity: 'medium', message: 'differs' }],
    },
    {
      name: 'the registry has a repository the manifest lacks',
      files: { 'package.json': manifest({ name: 'weather-mcp', version: '1.0.0' }) },
      packument: registry('weather-mcp', '1.0.0', 'github:acme/weather-mcp'),
      hits: [
        { line: 1, severity: 'low' },
        { line: 1, severity: 'medium', message: 'none' },
      ],
    },
  ],
});

describe('normaliseRepository', () => {
  const key = (value: unknown) => normaliseRepository(value)?.key;
  test('reduces every GitHub form to one key', () => {
    for (const form of [
      'github:Owner/Repo',
      'Owner/Repo',
      'https://github.com/owner/repo',
      'https://github.com/owner/repo.git',
      'git+https://github.com/Owner/Repo.git',
      'git://github.com/owner/repo.git',
      'git+ssh://git@github.com/owner/repo.git',
      'git@github.com:owner/repo.git',
      'https://github.com/owner/repo/tree/main/packages/x',
      { type: 'git', url: 'https://github.com/owner/repo#readme' },
    ]) {
      assert.equal(key(form), 'github.com/owner/repo', JSON.stringify(form));
    }
  });
  test('returns undefined without a URL', () => {
    assert.equal(key(undefined), undefined);
    assert.equal(key({ type: 'git' }), undefined);
    assert.equal(key(''), undefined);
  });
});
