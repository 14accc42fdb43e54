import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { imitation, impersonation } from '../../../src/rules/package/impersonation.js';
import { manifest, packageRuleTester } from './rule-tester.js';

function published(name: string, version: string, user: { name: string; email: string }): unknown {
  return {
    name,
    versions: { [version]: { name, version, _npmUser: user } },
    time: { [version]: '2025-09-17T00:00:00.000Z' },
  };
}

packageRuleTester(impersonation, {
  valid: [
    {
      name: "the vendor's scoped package",
      files: { 'package.json': manifest({ name: '@mem0/mcp-server', version: '0.1.0' }) },
    },
    {
      name: 'a well-known unscoped name',
      files: { 'package.json': manifest({ name: 'tavily-mcp', version: '0.2.0' }) },
    },
    {
      name: 'a scoped look-alike is left to the typosquat rule',
      files: { 'package.json': manifest({ name: '@alice/postmark-mcp', version: '1.0.0' }) },
    },
    {
      name: 'an unrelated name',
      files: { 'package.json': manifest({ name: 'mcp-server-kubernetes', version: '2.9.0' }) },
    },
    { name: 'no manifest', files: { 'index.js': 'export {};\n' } },
    {
      name: 'the vendor publishes the unscoped twin',
      files: { 'package.json': manifest({ name: 'mem0-mcp-server', version: '0.1.0' }) },
      packument: published('mem0-mcp-server', '0.1.0', { name: 'mem0-bot', email: 'npm@mem0.ai' }),
    },
  ],
  invalid: [
    {
      name: 'postmark-mcp published by someone else',
      files: { 'package.json': manifest({ name: 'postmark-mcp', version: '1.0.16' }) },
      packument: published('postmark-mcp', '1.0.16', { name: 'example-user', email: 'user@example.invalid' }),
      hits: [{ line: 2, field: 'name', severity: 'high', message: 'example-user' }],
    },
    {
      name: 'the unscoped twin offline is medium',
      files: { 'package.json': manifest({ name: 'context7-mcp', version: '1.0.0' }) },
      hits: [{ line: 2, field: 'name', severity: 'medium', message: '@upstash/context7-mcp' }],
    },
    {
      name: 'one edit from a well-known name, publisher of the original not known',
      files: { 'package.json': manifest({ version: '1.0.0', name: 'mcp-remotee' }) },
      packument: published('mcp-remotee', '1.0.0', { name: 'someone', email: 'someone@example.invalid' }),
      hits: [{ line: 3, field: 'name', severity: 'medium', message: 'mcp-remote' }],
    },
    {
      name: 'a reported squat of an unscoped name, publisher not at the vendor',
      files: { 'package.json': manifest({ name: 'mcp-server-figma', version: '0.0.2' }) },
      packument: published('mcp-server-figma', '0.0.2', {
        name: 'someone',
        email: 'someone@example.invalid',
      }),
      hits: [{ line: 2, field: 'name', severity: 'high' }],
    },
  ],
});

describe('imitation', () => {
  test('names a scoped twin', () => {
    assert.equal(imitation('stripe-mcp')?.known, '@stripe/mcp');
    assert.equal(imitation('server-filesystem')?.known, '@modelcontextprotocol/server-filesystem');
  });
  test('leaves well-known and scoped names alone', () => {
    assert.equal(imitation('chrome-devtools-mcp'), undefined);
    assert.equal(imitation('@modelcontextprotocol/server-github'), undefined);
  });
});
