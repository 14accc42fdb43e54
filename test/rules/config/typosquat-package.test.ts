import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, lookAlike, typosquatPackage } from '../../../src/rules/config/typosquat-package.js';
import { KNOWN_NPM_SERVERS } from '../../../src/rules/config/known-packages.js';
import { ruleTester } from './rule-tester.js';

ruleTester(typosquatPackage, {
  valid: [
    {
      name: 'the reference filesystem server',
      servers: [
        { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/tmp'] },
      ],
    },
    { name: 'a vendor package', servers: [{ command: 'npx', args: ['-y', '@playwright/mcp@latest'] }] },
    { name: 'a well-known unscoped package', servers: [{ command: 'npx', args: ['-y', 'firecrawl-mcp'] }] },
    {
      name: "another package in the vendor's own scope",
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memoryx'] }],
    },
    { name: "another vendor's @x/mcp", servers: [{ command: 'npx', args: ['-y', '@acme/mcp@1.0.0'] }] },
    {
      name: "another vendor's @x/mcp-server",
      servers: [{ command: 'npx', args: ['-y', '@acme/mcp-server@1.0.0'] }],
    },
    {
      name: 'a fork in its own scope',
      servers: [{ command: 'npx', args: ['-y', '@alice/server-filesystem@1.0.0'] }],
    },
    {
      name: 'PyPI: separators are the same package',
      servers: [{ command: 'uvx', args: ['mcp_server_fetch==2025.4.7'] }],
    },
    {
      name: 'an unrelated package',
      servers: [{ command: 'npx', args: ['-y', 'mcp-server-kubernetes@2.9.0'] }],
    },
    {
      name: 'a local path',
      servers: [{ command: 'node', args: ['/Users/alice/code/server-filesystem/dist/index.js'] }],
    },
  ],
  invalid: [
    {
      name: 'one character dropped from an unscoped name',
      servers: [{ name: 'firecrawl', command: 'npx', args: ['-y', 'firecrawl-mc'] }],
      hits: [
        { field: 'args.1', line: 7, server: 'firecrawl', message: 'one character away from "firecrawl-mcp"' },
      ],
    },
    {
      name: 'two adjacent characters swapped',
      servers: [{ command: 'npx', args: ['-y', 'mcp-remtoe@0.1.29'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'separators swapped',
      servers: [{ command: 'npx', args: ['-y', 'chrome_devtools_mcp'] }],
      hits: [{ field: 'args.1', line: 7, message: 'other separators' }],
    },
    {
      name: 'a look-alike scope',
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocl/server-filesystem', '/tmp'] }],
      hits: [{ field: 'args.1', line: 7, message: 'look-alike of the scope' }],
    },
    {
      name: 'a scope with separators added',
      servers: [{ command: 'npx', args: ['-y', '@model-context-protocol/server-github'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'a short name in a look-alike scope',
      servers: [{ command: 'npx', args: ['-y', '@strlpe/mcp'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'the unscoped twin of a vendor package',
      servers: [{ command: 'npx', args: ['-y', 'mem0-mcp-server'] }],
      hits: [{ field: 'args.1', line: 7, message: 'impersonate' }],
    },
    {
      name: 'postmark-mcp',
      servers: [{ command: 'npx', args: ['-y', 'postmark-mcp@1.0.16'] }],
      hits: [{ field: 'args.1', line: 7, message: '@activecampaign/postmark-mcp' }],
    },
    {
      name: 'mcp-server-figma',
      servers: [{ command: 'npx', args: ['mcp-server-figma'] }],
      hits: [{ field: 'args.0', line: 6 }],
    },
    {
      name: 'the scope dropped from a reference server',
      servers: [{ command: 'npx', args: ['-y', 'server-filesystem', '/tmp'] }],
      hits: [{ field: 'args.1', line: 7, message: 'unscoped twin' }],
    },
    {
      name: 'the unscoped guess for a reference server',
      servers: [{ command: 'npx', args: ['-y', 'mcp-server-sequential-thinking'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'vendor-name twin',
      servers: [{ command: 'bunx', args: ['stripe-mcp'] }],
      hits: [{ field: 'args.0', line: 6, message: '@stripe/mcp' }],
    },
    {
      name: 'PyPI one edit away',
      servers: [{ command: 'uvx', args: ['mcp-server-fetc'] }],
      hits: [{ field: 'args.0', line: 6, message: 'mcp-server-fetch' }],
    },
    {
      name: 'an installed look-alike run by path',
      servers: [{ command: 'node', args: ['/usr/lib/node_modules/firecrawl-mpc/dist/index.js'] }],
      hits: [{ field: 'args.0', line: 6 }],
    },
  ],
});

describe('typosquat helpers', () => {
  test('editDistance counts an adjacent swap as one edit', () => {
    assert.equal(editDistance('mcp-remote', 'mcp-remtoe'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });
  test('no well-known package is reported as imitating another', () => {
    assert.deepEqual(
      KNOWN_NPM_SERVERS.filter((name) => lookAlike({ ecosystem: 'npm', name }) !== undefined),
      [],
    );
  });
});
