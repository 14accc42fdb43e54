import { urlDependency } from '../../../src/rules/package/url-dependency.js';
import { manifest, packageRuleTester } from './rule-tester.js';

// Line 5 is the first dependency in `{ name, version, <section>: { … } }`.
packageRuleTester(urlDependency, {
  valid: [
    {
      name: 'registry versions, ranges, tags, aliases and workspaces',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: {
            a: '^1.2.3',
            b: '1.x',
            c: '>=1 <2',
            d: 'latest',
            e: 'npm:e@^2',
            f: 'workspace:*',
            g: '*',
            h: '',
          },
        }),
      },
    },
    {
      name: 'a file: path inside the package',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { v: 'file:vendor/v', w: 'file:./vendor/../vendor/w' },
        }),
      },
    },
    {
      name: 'devDependencies are not installed for users',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          devDependencies: { t: 'github:someone/t', u: 'http://198.51.100.1/u.tgz' },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'a plain-HTTP tarball is high',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { x: 'http://198.51.100.1/x.tgz' },
        }),
      },
      hits: [{ line: 5, field: 'dependencies.x', severity: 'high', message: 'plain-HTTP' }],
    },
    {
      name: 'an HTTPS tarball is medium',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { x: 'https://example.invalid/x-1.0.0.tgz' },
        }),
      },
      hits: [{ line: 5, field: 'dependencies.x', severity: 'medium', message: 'tarball URL' }],
    },
    {
      name: 'git URLs and shorthands in each installed section',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { a: 'git+https://github.com/o/a.git', b: 'git://github.com/o/b.git' },
          optionalDependencies: { c: 'github:o/c#v1' },
          peerDependencies: { d: 'o/d' },
        }),
      },
      hits: [
        { line: 5, field: 'dependencies.a', severity: 'medium', message: 'git repository' },
        { line: 6, field: 'dependencies.b', severity: 'medium' },
        { line: 9, field: 'optionalDependencies.c', severity: 'medium', message: 'shorthand' },
        { line: 12, field: 'peerDependencies.d', severity: 'medium', message: 'GitHub repository shorthand' },
      ],
    },
    {
      name: 'a file: path outside the package',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { s: 'file:../shared', t: 'file:/opt/t' },
        }),
      },
      hits: [
        { line: 5, field: 'dependencies.s', severity: 'medium', message: 'outside the package' },
        { line: 6, field: 'dependencies.t', severity: 'medium' },
      ],
    },
    {
      name: 'credentials in a URL are masked',
      files: {
        'package.json': manifest({
          name: 'a-mcp',
          version: '1.0.0',
          dependencies: { p: 'https://user:s3cr3t@example.invalid/p.tgz' },
        }),
      },
      hits: [{ line: 5, field: 'dependencies.p', severity: 'medium', message: '//***@example.invalid' }],
    },
  ],
});
